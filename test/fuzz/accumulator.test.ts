/**
 * The accumulator (`ResponseAccumulator`, a pure fold over events): from well-formed canonical
 * events, split and interleaved at random, it rebuilds exactly the items the deltas spell, and
 * the terminal response when that carries its output; from any events at all, garbage fields and
 * `__proto__` keys included, it never throws, never touches a prototype and never changes the
 * events it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseAccumulator } from '../../src/dialects/response-accumulator.js';
import type { ResponseStreamEvent } from '../../src/index.js';
import { params, runs, timeFor } from './fuzz.js';

type Json = Record<string, unknown>;
/** One output item to stream, and the full item it ends as. */
type Plan =
  | { kind: 'message'; parts: { refusal: boolean; deltas: string[] }[] }
  | { kind: 'function_call'; name: string; deltas: string[] }
  | { kind: 'reasoning'; summaries: string[][] };

const piece = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', 'é', '𝄞', '{', '"', '\n'),
  maxLength: 5,
});
const deltas = fc.array(piece, { minLength: 1, maxLength: 6 });
const plan: fc.Arbitrary<Plan> = fc.oneof(
  fc.record({
    kind: fc.constant('message' as const),
    parts: fc.array(fc.record({ refusal: fc.boolean(), deltas }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('function_call' as const), name: fc.constant('lookup'), deltas }),
  fc.record({
    kind: fc.constant('reasoning' as const),
    summaries: fc.array(deltas, { minLength: 1, maxLength: 2 }),
  }),
);

/** The full item a plan ends as, at `index`. */
function fullItem(p: Plan, index: number): Json {
  const id = `item_${index}`;
  if (p.kind === 'message')
    return {
      type: 'message',
      id,
      role: 'assistant',
      status: 'completed',
      content: p.parts.map((part) =>
        part.refusal
          ? { type: 'refusal', refusal: part.deltas.join('') }
          : { type: 'output_text', text: part.deltas.join(''), annotations: [] },
      ),
    };
  if (p.kind === 'function_call')
    return {
      type: 'function_call',
      id,
      call_id: `call_${index}`,
      name: p.name,
      arguments: p.deltas.join(''),
      status: 'completed',
    };
  return {
    type: 'reasoning',
    id,
    summary: p.summaries.map((s) => ({ type: 'summary_text', text: s.join('') })),
  };
}

/**
 * The canonical events of one item, in order. `closing` includes the `*.done` events; without
 * it, only the `*.added` events and the deltas, so the text must come from the deltas alone.
 */
function itemEvents(p: Plan, index: number, closing: boolean): Json[] {
  const item = fullItem(p, index);
  const at = { item_id: item.id, output_index: index };
  const events: Json[] = [];
  const skeleton =
    p.kind === 'message'
      ? { ...item, status: 'in_progress', content: [] }
      : p.kind === 'function_call'
        ? { ...item, status: 'in_progress', arguments: '' }
        : { ...item, summary: [] };
  events.push({ type: 'response.output_item.added', output_index: index, item: skeleton });
  if (p.kind === 'message') {
    p.parts.forEach((part, content_index) => {
      const [field, stem] = part.refusal
        ? ['refusal', 'response.refusal']
        : ['text', 'response.output_text'];
      const full = (item.content as Json[])[content_index] as Json;
      const where = { ...at, content_index };
      events.push({
        type: 'response.content_part.added',
        ...where,
        part: { ...full, [field]: '' },
      });
      for (const delta of part.deltas) events.push({ type: `${stem}.delta`, ...where, delta });
      if (closing) {
        events.push({ type: `${stem}.done`, ...where, [field]: full[field] });
        events.push({ type: 'response.content_part.done', ...where, part: full });
      }
    });
  } else if (p.kind === 'function_call') {
    for (const delta of p.deltas)
      events.push({ type: 'response.function_call_arguments.delta', ...at, delta });
    if (closing)
      events.push({
        type: 'response.function_call_arguments.done',
        ...at,
        arguments: item.arguments,
      });
  } else {
    p.summaries.forEach((summary, summary_index) => {
      const where = { ...at, summary_index };
      const full = (item.summary as Json[])[summary_index];
      events.push({
        type: 'response.reasoning_summary_part.added',
        ...where,
        part: { type: 'summary_text', text: '' },
      });
      for (const delta of summary)
        events.push({ type: 'response.reasoning_summary_text.delta', ...where, delta });
      if (closing) {
        events.push({
          type: 'response.reasoning_summary_text.done',
          ...where,
          text: (full as Json).text,
        });
        events.push({ type: 'response.reasoning_summary_part.done', ...where, part: full });
      }
    });
  }
  if (closing) events.push({ type: 'response.output_item.done', output_index: index, item });
  return events;
}

/** A random merge of several event lists that keeps each list in its own order. */
function interleave(lists: Json[][], picks: readonly number[]): Json[] {
  const queues = lists.map((list) => [...list]);
  const merged: Json[] = [];
  let pick = 0;
  for (;;) {
    const open = queues.filter((queue) => queue.length > 0);
    if (open.length === 0) return merged;
    const queue = open[(picks[pick++ % Math.max(1, picks.length)] ?? 0) % open.length] as Json[];
    merged.push(queue.shift() as Json);
  }
}

const responseOf = (status: string, output: Json[]) => ({
  id: 'resp_acc',
  object: 'response',
  created_at: 1,
  status,
  model: 'm',
  output,
});
const textOf = (items: Json[]) =>
  items
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content as Json[])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text)
    .join('');

const stream = fc.record({
  plans: fc.array(plan, { minLength: 1, maxLength: 4 }),
  closing: fc.boolean(),
  terminalOutput: fc.boolean(),
  parallel: fc.boolean(),
  picks: fc.array(fc.nat(), { maxLength: 50 }),
});

function fold(events: Json[]): ResponseAccumulator {
  const accumulator = new ResponseAccumulator();
  for (const event of events) accumulator.add(event as ResponseStreamEvent);
  return accumulator;
}

describe('ResponseAccumulator, well-formed events', () => {
  const n = runs(200);
  it(
    `rebuilds exactly the items the deltas spell, split and interleaved at random, and never changes the events (${n} runs)`,
    () => {
      fc.assert(
        fc.property(stream, ({ plans, closing, terminalOutput, parallel, picks }) => {
          const items = plans.map(fullItem);
          const lists = plans.map((p, index) => itemEvents(p, index, closing));
          const body = parallel ? interleave(lists, picks) : lists.flat();
          const terminal = {
            type: 'response.completed',
            response: responseOf('completed', terminalOutput ? items : []),
          };
          const events = [
            { type: 'response.created', response: responseOf('in_progress', []) },
            ...body,
            terminal,
          ];
          const before = structuredClone(events);
          const accumulator = fold(events);
          const result = accumulator.result() as unknown as Json & { output: Json[] };
          expect(events).toEqual(before);
          if (terminalOutput) {
            // The terminal response wins: the final response is it, with output_text.
            expect(result).toEqual({ ...terminal.response, output_text: textOf(items) });
          } else if (closing) {
            expect(result.output).toEqual(items);
          } else {
            // Only the deltas carried the text: compare what they spell.
            const spelled = (item: Json) =>
              item.type === 'message'
                ? (item.content as Json[]).map((part) => part.text ?? part.refusal)
                : item.type === 'function_call'
                  ? item.arguments
                  : (item.summary as Json[]).map((part) => part.text);
            expect(result.output.map(spelled)).toEqual(items.map(spelled));
            expect(result.output_text).toBe(textOf(items));
          }
          expect(accumulator.builtOutput().map((item) => item.type)).toEqual(
            items.map((item) => item.type),
          );
        }),
        params(n),
      );
    },
    timeFor(n, 5),
  );

  it(
    `tolerates missing *.added events: the text still comes out whole (${n} runs)`,
    () => {
      fc.assert(
        fc.property(stream, fc.array(fc.boolean(), { maxLength: 40 }), (s, keep) => {
          const items = s.plans.map(fullItem);
          let added = 0;
          const events = s.plans
            .flatMap((p, index) => itemEvents(p, index, false))
            .filter((event) => !String(event.type).endsWith('.added') || (keep[added++] ?? true));
          const result = fold(events).result() as unknown as Json & { output_text: string };
          expect(result.output_text).toBe(textOf(items));
        }),
        params(n),
      );
    },
    timeFor(n, 5),
  );
});

const eventTypes = fc.constantFrom(
  'response.created',
  'response.completed',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.output_text.annotation.added',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
  'response.custom_tool_call_input.delta',
  'response.something_new',
);
const index = fc.oneof(fc.nat(5), fc.constantFrom(-1, 0.5, 1e6, 4e9, 2 ** 53, '0', null, true));
const garbage = fc.jsonValue({ maxDepth: 3 });
const anyEvent = fc
  .record(
    {
      type: eventTypes,
      output_index: index,
      content_index: index,
      summary_index: index,
      annotation_index: index,
      delta: fc.oneof(fc.string({ maxLength: 4 }), garbage),
      text: fc.oneof(fc.string({ maxLength: 4 }), garbage),
      item: fc.oneof(
        garbage,
        fc.record({ type: fc.constantFrom('message', 'function_call', 'x'), content: garbage }),
      ),
      part: garbage,
      annotation: garbage,
      response: fc.oneof(garbage, fc.record({ output: garbage })),
    },
    { requiredKeys: ['type'] },
  )
  .chain((event) =>
    // Keys a JSON body may hold that name prototypes, as JSON.parse makes them: own properties.
    fc
      .constantFrom('', '__proto__', 'constructor', 'prototype')
      .map((key) =>
        key
          ? (JSON.parse(
              `{${JSON.stringify(key)}:{"polluted":true},${JSON.stringify(event).slice(1)}`,
            ) as Json)
          : (event as Json),
      ),
  );

describe('ResponseAccumulator, any events', () => {
  const n = runs(300);
  it(
    `never throws, never touches a prototype, never changes an event (${n} runs)`,
    () => {
      fc.assert(
        fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
          const before = structuredClone(events);
          const accumulator = fold(events);
          const result = accumulator.result() as unknown as Json | undefined;
          accumulator.builtOutput();
          expect(events).toEqual(before);
          expect(({} as Json).polluted).toBeUndefined();
          expect(([] as unknown as Json).polluted).toBeUndefined();
          if (result !== undefined) {
            expect(Array.isArray(result.output)).toBe(true);
            expect(typeof result.output_text).toBe('string');
          }
        }),
        params(n),
      );
    },
    timeFor(n, 5),
  );
});
