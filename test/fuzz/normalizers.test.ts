/**
 * The event normalizers of the sparse dialects (Karta, Kawai, the gateway, all built on
 * `sparseEvents`): a well-formed sparse stream becomes OpenAI's canonical sequence, exactly; a
 * stream with events missing, duplicated, swapped or full of garbage fields ends quietly or with
 * a `ResponsesError`, never another error, never a hang; and the normalizer itself, given any
 * JSON objects at all, never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventNormalizer, WireObject } from '../../src/dialects/dialect.js';
import { gateway } from '../../src/dialects/gateway.js';
import { karta } from '../../src/dialects/karta.js';
import { kawai } from '../../src/dialects/kawai.js';
import { envelopeValidation } from '../../src/index.js';
import { chunkings, type Outcome, outcomeOf, params, runs, timeFor, utf8 } from './fuzz.js';

type Json = Record<string, unknown>;
type Dialect = 'karta' | 'kawai' | 'gateway';
const normalizers: Record<Dialect, () => EventNormalizer> = {
  karta: karta.eventNormalizer,
  kawai: kawai.eventNormalizer,
  gateway: gateway.eventNormalizer,
};

/** What the server means to say: text in deltas, or (Kawai, gateway) one function call. */
interface Script {
  dialect: Dialect;
  deltas: string[];
  call: { name: string; call_id: string; fragments: string[] } | undefined;
  /** Whether the terminal response carries its output (Kawai, gateway) or leaves it empty. */
  terminalOutput: boolean;
}

const text = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', 'é', '𝄞', '"', '\n'),
  minLength: 1,
  maxLength: 6,
});
const script: fc.Arbitrary<Script> = fc
  .record({
    dialect: fc.constantFrom<Dialect>('karta', 'kawai', 'gateway'),
    deltas: fc.array(text, { minLength: 1, maxLength: 8 }),
    fragments: fc.array(text, { minLength: 1, maxLength: 5 }),
    withCall: fc.boolean(),
    terminalOutput: fc.boolean(),
  })
  .map(({ dialect, deltas, fragments, withCall, terminalOutput }) => ({
    dialect,
    deltas,
    call:
      withCall && dialect !== 'karta'
        ? { name: 'get_weather', call_id: 'call_1', fragments }
        : undefined,
    terminalOutput,
  }));

const responseId = 'resp_42';
const started = { id: responseId, object: 'response', status: 'in_progress', output: [] };

/** The item the script ends with, as the server would put it in its terminal response. */
function finalItem(s: Script): Json {
  if (s.call)
    return {
      type: 'function_call',
      id: 'fc_1',
      call_id: s.call.call_id,
      name: s.call.name,
      arguments: s.call.fragments.join(''),
      status: 'completed',
    };
  return {
    type: 'message',
    id: 'msg_server',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: s.deltas.join(''), annotations: [] }],
  };
}

/** The events as each server sends them (see test/servers and the seeds): `[event line, data]`. */
function wireEvents(s: Script): [string, Json][] {
  const done = {
    ...started,
    status: 'completed',
    output: s.terminalOutput ? [finalItem(s)] : [],
  };
  if (s.dialect === 'karta') {
    // Seed 000: event names only in `event:` lines; data without type, ids or indexes.
    return [
      ['response.created', { id: responseId, status: 'in_progress' }],
      ...s.deltas.map((delta): [string, Json] => ['response.output_text.delta', { delta }]),
      ['response.completed', { id: responseId, status: 'completed' }],
    ];
  }
  const event = (type: string, fields: Json): [string, Json] => [type, { type, ...fields }];
  const opening = [
    event('response.created', { response: started }),
    event('response.in_progress', { response: started }),
  ];
  const body: [string, Json][] = [];
  if (s.dialect === 'kawai') {
    // Seed 002: a tool call comes whole in one output_item.added; text as bare deltas.
    if (s.call) body.push(event('response.output_item.added', { item: finalItem(s) }));
    else {
      const { content: _content, ...item } = finalItem(s);
      body.push(
        event('response.output_item.added', {
          item: { ...item, status: 'in_progress', content: [] },
        }),
        ...s.deltas.map((delta) => event('response.output_text.delta', { delta })),
        event('response.output_text.done', { text: s.deltas.join('') }),
      );
    }
  } else if (s.call) {
    // Seed 003: a tool call streams as response.function_call.delta fragments.
    const { name, call_id } = s.call;
    for (const part of s.call.fragments)
      body.push(event('response.function_call.delta', { call_id, name, arguments: part }));
  } else body.push(...s.deltas.map((delta) => event('response.output_text.delta', { delta })));
  return [...opening, ...body, event('response.completed', { response: done })];
}

const sse = (events: [string, Json][]) =>
  events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('');
const decodingFor = (dialect: Dialect) => ({
  decoding: { normalize: normalizers[dialect](), validate: envelopeValidation.event },
});

/** The canonical event types a well-formed script turns into. */
function canonicalTypes(s: Script): string[] {
  const lifecycle =
    s.dialect === 'karta' ? ['response.created'] : ['response.created', 'response.in_progress'];
  const middle = s.call
    ? [
        'response.output_item.added',
        ...(s.dialect === 'kawai'
          ? ['response.function_call_arguments.delta']
          : s.call.fragments.map(() => 'response.function_call_arguments.delta')),
        'response.function_call_arguments.done',
        'response.output_item.done',
      ]
    : [
        'response.output_item.added',
        'response.content_part.added',
        ...s.deltas.map(() => 'response.output_text.delta'),
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
      ];
  return [...lifecycle, ...middle, 'response.completed'];
}

describe('sparse event normalizers, well-formed streams', () => {
  const n = runs(120);
  it(
    `give the canonical sequence, numbered, with ids and indexes, and the exact text or arguments (${n} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          script.chain((s) => chunkings(utf8(sse(wireEvents(s)))).map((chunks) => ({ s, chunks }))),
          async ({ s, chunks }) => {
            const { events, error, final } = await outcomeOf(chunks, decodingFor(s.dialect));
            expect(error).toBeUndefined();
            const typed = events as (Json & { type: string; sequence_number: number })[];
            expect(typed.map((e) => e.type)).toEqual(canonicalTypes(s));
            expect(typed.map((e) => e.sequence_number)).toEqual([...typed.keys()]);
            const added = typed.find((e) => e.type === 'response.output_item.added') as Json;
            const itemId = (added.item as Json).id;
            const deltas = typed.filter((e) => e.type.endsWith('.delta'));
            for (const delta of deltas)
              expect(delta).toMatchObject({ item_id: itemId, output_index: 0 });
            const joined = deltas.map((e) => e.delta).join('');
            const response = final as Json & { output: Json[]; output_text: string };
            if (s.call) {
              expect(joined).toBe(s.call.fragments.join(''));
              expect(response.output).toHaveLength(1);
              expect(response.output[0]).toMatchObject({
                type: 'function_call',
                name: s.call.name,
                call_id: s.call.call_id,
                arguments: joined,
              });
            } else {
              expect(joined).toBe(s.deltas.join(''));
              expect(response.output_text).toBe(joined);
            }
            const itemDone = typed.find((e) => e.type === 'response.output_item.done') as Json;
            if (!s.terminalOutput || s.dialect === 'karta')
              expect(response.output).toEqual([itemDone.item]);
          },
        ),
        params(n),
      );
    },
    timeFor(n),
  );
});

/** A change to a well-formed stream: an event dropped, repeated, moved, or a field garbled. */
const fieldNames = fc.constantFrom(
  'type',
  'delta',
  'text',
  'output_index',
  'content_index',
  'item_id',
  'item',
  'response',
  'output',
  'sequence_number',
  'id',
  'status',
  'call_id',
  'name',
  'arguments',
  'error',
  'part',
  '__proto__',
  'constructor',
);
const mutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('garble' as const),
    at: fc.nat(),
    field: fc.oneof(fieldNames, fc.string({ maxLength: 6 })),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 1e9, 0.5, '0', null, [], {}, 'response.completed'),
    ),
    inResponse: fc.boolean(),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(events: [string, Json][], mutations: readonly Mutation[]): [string, Json][] {
  const out = events.map(([name, data]): [string, Json] => [name, structuredClone(data)]);
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    const target = out[at] as [string, Json];
    if (m.op === 'drop') out.splice(at, 1);
    else if (m.op === 'repeat') out.splice(at, 0, [target[0], structuredClone(target[1])]);
    else if (m.op === 'swap' && at + 1 < out.length)
      [out[at], out[at + 1]] = [out[at + 1] as [string, Json], target];
    else if (m.op === 'garble') {
      const data = target[1];
      const into =
        m.inResponse && typeof data.response === 'object' && data.response !== null
          ? (data.response as Json)
          : data;
      // Defined as an own property, as JSON.parse would, even for __proto__.
      Object.defineProperty(into, m.field, {
        value: structuredClone(m.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

describe('sparse event normalizers, broken streams', () => {
  const n = runs(200);
  it(
    `end quietly or with a ResponsesError when events are missing, repeated, swapped or garbled (${n} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          script,
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          async (s, m) => {
            const body = sse(mutate(wireEvents(s), m));
            // outcomeOf fails the run on any error that is not a ResponsesError.
            const outcome: Outcome = await outcomeOf([utf8(body)], decodingFor(s.dialect));
            expect(({} as Json).polluted).toBeUndefined();
            expect(outcome.events.length).toBeGreaterThanOrEqual(0);
          },
        ),
        params(n),
      );
    },
    timeFor(n),
  );
});

describe('sparse event normalizers, called directly', () => {
  const anyEvent = fc.oneof(
    fc.dictionary(fieldNames, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
    fc.record({
      type: fc.constantFrom(
        'response.created',
        'response.completed',
        'response.failed',
        'response.incomplete',
        'response.output_item.added',
        'response.output_item.done',
        'response.output_text.delta',
        'response.output_text.done',
        'response.refusal.delta',
        'response.refusal.done',
        'response.content_part.added',
        'response.content_part.done',
        'response.function_call.delta',
        'error',
      ),
      response: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ id: 'resp_1', output: {} })),
      item: fc.jsonValue({ maxDepth: 2 }),
      output_index: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 2 })),
      delta: fc.jsonValue({ maxDepth: 1 }),
      text: fc.jsonValue({ maxDepth: 1 }),
      call_id: fc.jsonValue({ maxDepth: 1 }),
    }),
  );
  const n = runs(300);
  it(
    `never throw and never change the events they are given, whatever JSON objects, in any order (${n} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom<Dialect>('karta', 'kawai', 'gateway'),
          fc.array(anyEvent, { maxLength: 25 }),
          (dialect, events) => {
            const normalize = normalizers[dialect]();
            const given = structuredClone(events) as WireObject[];
            for (const event of given) {
              const out = [normalize(event)].flat();
              for (const e of out) expect(typeof e).toBe('object');
            }
            expect(given).toEqual(events);
          },
        ),
        params(n),
      );
    },
    timeFor(n, 5),
  );
});

describe('sparse event normalizers, found by fuzzing', () => {
  it.each<Dialect>(['karta', 'kawai', 'gateway'])(
    '%s: reads a field holding {"toString":0} as no text instead of throwing a TypeError',
    (dialect) => {
      const odd = JSON.parse('{"toString":0}') as WireObject;
      const events: WireObject[] = [
        { type: odd },
        { type: 'response.created', response: { id: odd, output: [] } },
        { type: 'response.function_call.delta', call_id: odd, name: odd, arguments: '{}' },
        {
          type: 'response.output_item.done',
          item: { type: 'function_call', call_id: odd, name: 'f', arguments: '{}' },
        },
      ];
      const normalize = normalizers[dialect]();
      for (const event of events) {
        for (const out of [normalize(event)].flat()) expect(typeof out).toBe('object');
      }
    },
  );

  it.each<Dialect>(['karta', 'kawai', 'gateway'])(
    '%s: treats an output_index of four billion as absent instead of making an array that long',
    async (dialect) => {
      const item = {
        type: 'message',
        id: 'msg_far',
        role: 'assistant',
        status: 'in_progress',
        content: [],
      };
      const body = sse([
        ['response.created', { type: 'response.created', response: started }],
        [
          'response.output_item.added',
          { type: 'response.output_item.added', output_index: 4e9, item },
        ],
        ['response.output_text.delta', { type: 'response.output_text.delta', delta: 'far' }],
        [
          'response.completed',
          { type: 'response.completed', response: { ...started, status: 'completed' } },
        ],
      ]);
      const { error, final } = await outcomeOf([utf8(body)], decodingFor(dialect));
      expect(error).toBeUndefined();
      expect((final as { output_text: string }).output_text).toBe('far');
    },
  );
});
