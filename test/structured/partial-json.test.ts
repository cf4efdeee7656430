import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartialJSON } from '../../src/structured/partial-json.js';

/**
 * Whether `partial` is a valid prefix of `whole`: the same type at every path; an array's
 * elements all whole but the last, which is a prefix of its own; an object's keys a subset, each
 * value a prefix; a string a prefix; a number, boolean or null equal.
 */
function isPrefixOf(partial: unknown, whole: unknown): boolean {
  if (Array.isArray(whole)) {
    if (!Array.isArray(partial) || partial.length > whole.length) return false;
    return partial.every((element, index) =>
      index === partial.length - 1
        ? isPrefixOf(element, whole[index])
        : Object.is(element, whole[index]) ||
          JSON.stringify(element) === JSON.stringify(whole[index]),
    );
  }
  if (whole !== null && typeof whole === 'object') {
    if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) return false;
    const entries = Object.entries(partial);
    return entries.every(
      ([key, value]) =>
        Object.hasOwn(whole, key) && isPrefixOf(value, (whole as Record<string, unknown>)[key]),
    );
  }
  if (typeof whole === 'string') return typeof partial === 'string' && whole.startsWith(partial);
  return Object.is(partial, whole);
}

/** The text cut at `cuts` (offsets taken modulo its length), in order. */
function pieces(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const to of [...at, text.length]) {
    out.push(text.slice(from, to));
    from = to;
  }
  return out;
}

/** Every snapshot the parser gives for these pieces, and the parser. */
function snapshotsOf(parts: readonly string[]) {
  const parser = new PartialJSON();
  const snapshots: unknown[] = [];
  for (const part of parts) if (parser.push(part)) snapshots.push(parser.value);
  if (parser.end()) snapshots.push(parser.value);
  return { parser, snapshots };
}

const json = fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' });
const text = fc
  .tuple(json, fc.boolean())
  .map(([value, pretty]) => JSON.stringify(value, null, pretty ? 2 : undefined));

describe('PartialJSON', () => {
  it('reads any JSON text in any pieces to the value JSON.parse gives', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 40 }), (source, cuts) => {
        const { parser, snapshots } = snapshotsOf(pieces(source, cuts));
        expect(parser.done).toBe(true);
        expect(parser.error).toBeUndefined();
        expect(parser.value).toStrictEqual(JSON.parse(source));
        expect(snapshots.at(-1)).toStrictEqual(JSON.parse(source));
      }),
      { numRuns: 500 },
    );
  });

  it('gives snapshots that are each a prefix of the final value and of the next one, never changed afterwards', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 60 }), (source, cuts) => {
        const parser = new PartialJSON();
        const given: { snapshot: unknown; copy: string }[] = [];
        const take = () =>
          given.push({ snapshot: parser.value, copy: JSON.stringify(parser.value) });
        for (const part of pieces(source, cuts)) if (parser.push(part)) take();
        if (parser.end()) take();
        const final = JSON.parse(source);
        for (const [index, { snapshot, copy }] of given.entries()) {
          expect(isPrefixOf(snapshot, final)).toBe(true);
          const next = given[index + 1];
          if (next) expect(isPrefixOf(snapshot, next.snapshot)).toBe(true);
          // What was given out is as it was when given.
          expect(JSON.stringify(snapshot)).toBe(copy);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('shows a number, true, false and null only once whole, and a string as it grows', () => {
    const parser = new PartialJSON();
    const seen: string[] = [];
    for (const part of ['{"n": 1', '2', '3, "t": tr', 'ue, "s": "ab', 'cd", "z": nu', 'll}']) {
      parser.push(part);
      seen.push(JSON.stringify(parser.value));
    }
    expect(seen).toEqual([
      '{}',
      '{}',
      '{"n":123}',
      '{"n":123,"t":true,"s":"ab"}',
      '{"n":123,"t":true,"s":"abcd"}',
      '{"n":123,"t":true,"s":"abcd","z":null}',
    ]);
    expect(parser.done).toBe(true);
  });

  it('holds back an escape cut between pieces until it is whole', () => {
    const parser = new PartialJSON();
    const seen: unknown[] = [];
    for (const part of ['["a\\', 'u00', 'e9', '\\n', 'b\\"', '"]']) {
      parser.push(part);
      seen.push((parser.value as string[])[0]);
    }
    expect(seen).toEqual(['a', 'a', 'aé', 'aé\n', 'aé\nb"', 'aé\nb"']);
  });

  it('completes a number at the root only at the end of the text', () => {
    const parser = new PartialJSON();
    expect(parser.push('-12.5e')).toBe(false);
    expect(parser.push('3')).toBe(false);
    expect(parser.value).toBeUndefined();
    expect(parser.end()).toBe(true);
    expect(parser.value).toBe(-12.5e3);
  });

  it('says nothing changed for a piece that only adds whitespace, a key or a colon', () => {
    const parser = new PartialJSON();
    expect(parser.push('{')).toBe(true);
    expect(parser.push('  "ke')).toBe(false);
    expect(parser.push('y" :  ')).toBe(false);
    expect(parser.push('"')).toBe(true);
    expect(parser.value).toEqual({ key: '' });
  });

  it('shares what did not change with the snapshot before, and copies the path to what did', () => {
    const parser = new PartialJSON();
    parser.push('{"done": {"a": [1, 2]}, "open": {"list": ["x"');
    const first = parser.value as { done: unknown; open: { list: string[] } };
    parser.push(', "y');
    const second = parser.value as typeof first;
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
    expect(second.open).not.toBe(first.open);
    expect(first.open.list).toEqual(['x']);
    expect(second.open.list).toEqual(['x', 'y']);
  });

  it('keeps __proto__ as an own key, as JSON.parse does', () => {
    const { parser } = snapshotsOf(['{"__proto__": {"polluted": ', 'true}}']);
    expect(Object.getPrototypeOf(parser.value)).toBe(Object.prototype);
    expect(Object.hasOwn(parser.value as object, '__proto__')).toBe(true);
    expect(parser.value).toStrictEqual(JSON.parse('{"__proto__": {"polluted": true}}'));
  });

  it.each([
    ['{"a": tru3}', 'expected true, got "tru3"'],
    ['{"a" 1}', 'expected ":", got "1"'],
    ['[1,]', 'expected a value, got "]"'],
    ['{"a": 01}', 'an invalid number "01"'],
    ['"\\x"', 'an invalid escape \\x'],
    ['"a\nb"', 'a control character in a string'],
    ['{} {}', 'expected the end of the text, got "{"'],
  ])('stops at text that is not JSON (%j) and says why', (source, reason) => {
    const { parser, snapshots } = snapshotsOf([...source]);
    expect(parser.done).toBe(false);
    expect(parser.error).toContain(reason);
    expect(() => JSON.parse(source)).toThrow(SyntaxError);
    for (const snapshot of snapshots) expect(isPrefixOf(snapshot, snapshots.at(-1))).toBe(true);
  });

  it('is not done when the text ends early, and keeps what it had', () => {
    const { parser, snapshots } = snapshotsOf(['{"a": [1, 2', ', 3']);
    expect(parser.done).toBe(false);
    expect(parser.error).toBeUndefined();
    expect(snapshots.at(-1)).toEqual({ a: [1, 2] });
  });
});

describe('PartialJSON work', () => {
  /** Texts of three shapes, about `size` characters each. */
  const shapes: Record<string, (size: number) => string> = {
    'a long array of objects': (size) =>
      JSON.stringify({
        items: Array.from({ length: Math.ceil(size / 60) }, (_, id) => ({
          id,
          name: `item ${id}`,
          tags: ['a', 'b'],
        })),
      }),
    'deep nesting': (size) => {
      const depth = Math.ceil(size / 40);
      return `${'{"note":"twenty-two characters","k":['.repeat(depth)}1${']}'.repeat(depth)}`;
    },
    'one long string': (size) => JSON.stringify({ text: 'é a'.repeat(Math.ceil(size / 3)) }),
  };

  it.each(Object.keys(shapes))(
    'grows linearly with the text (%s), read a few characters at a time',
    (shape) => {
      const perCharacter: number[] = [];
      for (const size of [5_000, 20_000]) {
        const source = (shapes[shape] as (size: number) => string)(size);
        const parser = new PartialJSON();
        for (let at = 0; at < source.length; at += 5) parser.push(source.slice(at, at + 5));
        parser.end();
        expect(parser.value).toStrictEqual(JSON.parse(source));
        perCharacter.push(parser.steps / source.length);
      }
      const [small = 0, large = 0] = perCharacter;
      // Each character read once, and at most 2 entries copied per character read plus 64 per
      // snapshot (the copy budget of snapshot-tree.ts), here a snapshot per 5 characters at most.
      expect(large).toBeLessThanOrEqual(1 + 2 + 64 / 5);
      // Four times the text costs four times the work, not sixteen.
      expect(large / small).toBeLessThan(1.5);
    },
  );

  it('reads each character once: a text read one character at a time costs what it costs whole, plus copies', () => {
    const source = JSON.stringify({ a: 'x'.repeat(5000), b: [1, 2, 3], c: { d: null } });
    const whole = new PartialJSON();
    whole.push(source);
    const byCharacter = new PartialJSON();
    for (const char of source) byCharacter.push(char);
    expect(whole.steps).toBe(source.length);
    expect(byCharacter.steps - source.length).toBeLessThanOrEqual(2 * source.length + 64);
  });
});
