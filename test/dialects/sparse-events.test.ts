import { describe, expect, it } from 'vitest';
import type { WireObject } from '../../src/dialects/dialect.js';
import { ResponseAccumulator } from '../../src/dialects/response-accumulator.js';
import { sparseEvents } from '../../src/dialects/sparse-events.js';
import { envelopeValidation } from '../../src/schemas/index.js';

function run(events: WireObject[]): WireObject[] {
  const normalize = sparseEvents();
  return events.flatMap((event) => {
    const out = normalize(structuredClone(event));
    return Array.isArray(out) ? out : [out];
  });
}

const types = (events: WireObject[]) => events.map((event) => event.type);

describe('sparseEvents', () => {
  const karta = [
    { type: 'response.created', response: { id: 'resp_4b2c', status: 'in_progress' } },
    { type: 'response.output_text.delta', delta: "We've got " },
    { type: 'response.output_text.delta', delta: 'Sunrise.' },
    {
      type: 'response.completed',
      response: {
        id: 'resp_4b2c',
        status: 'completed',
        usage: { input_tokens: 1, output_tokens: 2 },
      },
    },
  ];

  it('opens a message before the first delta and closes it before the terminal event', () => {
    expect(types(run(karta))).toEqual([
      'response.created',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('numbers every event in order and gives deltas their item id and indexes', () => {
    const events = run(karta);
    expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[3]).toMatchObject({ item_id: 'msg_4b2c_0', output_index: 0, content_index: 0 });
  });

  it('gives the terminal response the items built from the stream when it came without output', () => {
    const completed = run(karta).at(-1)?.response as WireObject;
    expect(completed).toMatchObject({
      object: 'response',
      output: [{ type: 'message', status: 'completed', content: [{ text: "We've got Sunrise." }] }],
    });
  });

  it('produces events that pass the canonical checks and rebuild the same text', () => {
    const events = run(karta);
    const accumulator = new ResponseAccumulator();
    for (const event of events) accumulator.add(envelopeValidation.event(event));
    expect(accumulator.result()?.output_text).toBe("We've got Sunrise.");
  });

  it('uses the item a server opened itself, and closes only what it left open', () => {
    const kawai = [
      { type: 'response.created', response: { id: 'resp_abc', status: 'in_progress', output: [] } },
      {
        type: 'response.output_item.added',
        item: {
          type: 'message',
          id: 'msg_xyz',
          role: 'assistant',
          status: 'in_progress',
          content: [],
        },
      },
      { type: 'response.output_text.delta', delta: 'Hello' },
      { type: 'response.output_text.done', text: 'Hello!' },
      { type: 'response.completed', response: { id: 'resp_abc', status: 'completed', output: [] } },
    ];
    const events = run(kawai);
    expect(types(events)).toEqual([
      'response.created',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events[3]).toMatchObject({ item_id: 'msg_xyz', output_index: 0 });
    expect((events.at(-1)?.response as WireObject | undefined)?.output).toEqual([
      {
        type: 'message',
        id: 'msg_xyz',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Hello!', annotations: [] }],
      },
    ]);
  });

  it('keeps the sequence numbers a server sends and counts on from them', () => {
    const events = run([
      { type: 'response.created', sequence_number: 5, response: { id: 'r', output: [] } },
      { type: 'response.in_progress', response: { id: 'r', output: [] } },
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual([5, 6]);
  });

  it('leaves the output of a terminal response that has one as it is', () => {
    const output = [
      { type: 'function_call', id: 'fc_1', call_id: 'c', name: 'f', arguments: '{}' },
    ];
    const events = run([{ type: 'response.completed', response: { id: 'r', output } }]);
    expect((events[0]?.response as WireObject | undefined)?.output).toEqual(output);
  });
});

describe('sparseEvents with items', () => {
  it('gives an item added without an index the next index, closing the open message first', () => {
    const events = run([
      { type: 'response.created', response: { id: 'resp_1', output: [] } },
      { type: 'response.output_text.delta', delta: 'Let me check.' },
      {
        type: 'response.output_item.added',
        item: { type: 'function_call', id: 'fc_1', call_id: 'c1', name: 'f', arguments: '' },
      },
      {
        type: 'response.output_item.done',
        item: { type: 'function_call', id: 'fc_1', call_id: 'c1', name: 'f', arguments: '{}' },
      },
      { type: 'response.completed', response: { id: 'resp_1', output: [] } },
    ]);
    const added = events.filter((event) => event.type === 'response.output_item.added');
    expect(added.map((event) => event.output_index)).toEqual([0, 1]);
    const output = (events.at(-1)?.response as WireObject | undefined)?.output as WireObject[];
    expect(output.map((item) => item.type)).toEqual(['message', 'function_call']);
  });
});

describe('sparseEvents, what it gives out', () => {
  it("builds new events and leaves the server's as they came", () => {
    const sent: WireObject[] = [
      { type: 'response.created', response: { id: 'resp_1' } },
      { type: 'response.output_text.delta', delta: 'Hi' },
      { type: 'response.content_part.done', part: { type: 'output_text', text: 'Hi' } },
      { type: 'response.completed', response: { id: 'resp_1', output: [] } },
    ];
    const before = structuredClone(sent);
    const normalize = sparseEvents();
    const out = sent.flatMap((event) => [normalize(event)].flat());
    expect(sent).toEqual(before);
    expect(out.filter((event) => sent.includes(event))).toEqual([]);
  });

  it('rebuilds for a terminal response without output the arguments a call streamed without its done events', () => {
    const events = run([
      { type: 'response.created', response: { id: 'resp_1', output: [] } },
      {
        type: 'response.output_item.added',
        item: { type: 'function_call', id: 'fc_1', call_id: 'c1', name: 'f', arguments: '' },
      },
      { type: 'response.function_call_arguments.delta', output_index: 0, delta: '{"city":' },
      { type: 'response.function_call_arguments.delta', output_index: 0, delta: '"Paris"}' },
      { type: 'response.completed', response: { id: 'resp_1', output: [] } },
    ]);
    const output = (events.at(-1)?.response as WireObject | undefined)?.output;
    expect(output).toEqual([
      {
        type: 'function_call',
        id: 'fc_1',
        call_id: 'c1',
        name: 'f',
        arguments: '{"city":"Paris"}',
      },
    ]);
  });
});
