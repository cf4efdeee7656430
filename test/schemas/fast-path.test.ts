import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/errors.js';
import { eventEnvelopes } from '../../src/schemas/envelope.js';
import {
  flatGuard,
  parseStreamEvent,
  ResponseCompletedEventSchema,
  ResponseTextDeltaEventSchema,
} from '../../src/schemas/index.js';

const delta = {
  type: 'response.output_text.delta',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: 'Hi',
  logprobs: [],
};

describe('parseStreamEvent', () => {
  it('returns a flat delta event as is, without copying it', () => {
    expect(parseStreamEvent(delta)).toBe(delta);
  });

  it('rejects a delta whose delta is not a string, naming the field', () => {
    const bad = { ...delta, delta: 42 };
    expect(() => parseStreamEvent(bad)).toThrow(ResponseValidationError);
    expect(() => parseStreamEvent(bad)).toThrow(/delta/);
  });

  it('falls back to the full schema for deltas with log probabilities', () => {
    const withLogprobs = { ...delta, logprobs: [{ token: 'Hi', logprob: -0.1 }] };
    expect(parseStreamEvent(withLogprobs)).toEqual(withLogprobs);
  });

  it('lets events of unknown types through', () => {
    const event = { type: 'response.future_thing.delta', sequence_number: 3, x: 1 };
    expect(parseStreamEvent(event)).toEqual(event);
  });
});

describe('flatGuard', () => {
  it('derives a guard for flat event schemas only', () => {
    expect(flatGuard(ResponseTextDeltaEventSchema)).toBeTypeOf('function');
    expect(flatGuard(ResponseCompletedEventSchema)).toBeUndefined();
  });
});

describe('flatGuard, compiled and as a loop', () => {
  const flatEvents = eventEnvelopes().knownEvents.filter(
    (schema) => flatGuard(schema, ['type']) !== undefined,
  );
  const fieldsOf = (schema: (typeof flatEvents)[number]) =>
    Object.keys((schema._zod.def as { shape: Record<string, unknown> }).shape);
  /** An event of this schema's fields, each a random JSON value, a typical one, or missing. */
  const eventOf = (schema: (typeof flatEvents)[number]) =>
    fc.record(
      Object.fromEntries(
        fieldsOf(schema).map((key) => [
          key,
          fc.oneof(
            fc.jsonValue({ maxDepth: 1 }),
            fc.constantFrom('msg_1', 0, 3, [], null, undefined, 'response.output_text.delta'),
          ),
        ]),
      ),
      { requiredKeys: [] },
    );

  it('finds the flat events (deltas and done events of text, arguments, reasoning…)', () => {
    expect(flatEvents.length).toBeGreaterThan(20);
  });

  it('agree with each other, and with the schema whenever they vouch for an event (100 runs each)', () => {
    for (const schema of flatEvents) {
      const compiled = flatGuard(schema, [], true) as (value: unknown) => boolean;
      const loop = flatGuard(schema, [], false) as (value: unknown) => boolean;
      fc.assert(
        fc.property(eventOf(schema), (event) => {
          const vouched = compiled(event);
          expect(loop(event)).toBe(vouched);
          if (vouched) expect(schema['~standard'].validate(event)).not.toHaveProperty('issues');
        }),
        { numRuns: 100 },
      );
    }
  });

  it('both turn down a delta whose delta is a number, or whose index is missing', () => {
    for (const compiled of [true, false]) {
      const guard = flatGuard(ResponseTextDeltaEventSchema, ['type'], compiled);
      expect(guard?.(delta)).toBe(true);
      expect(guard?.({ ...delta, delta: 42 })).toBe(false);
      const { output_index: _, ...noIndex } = delta;
      expect(guard?.(noIndex)).toBe(false);
    }
  });
});
