import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResponseStream, tool, zodTextFormat } from '../../src/index.js';
import { setUp } from '../testing/setup.js';

const model = 'fake-model';
const lookup = tool({
  parameters: z.object({ word: z.string() }),
  execute: ({ word }) => `${word}: found`,
});

describe('ConversationStream.toResponse()', () => {
  it('relays a whole turn, tool events included, which ResponseStream.fromReadableStream reads back', async () => {
    const { client } = setUp('openai', {
      turns: [
        { type: 'function_call', name: 'lookup', arguments: { word: 'fika' }, callId: 'call_1' },
        'Fika is a coffee break.',
      ],
    });
    const chat = client.conversation({ model, tools: { lookup } });
    const relayed = chat.stream('What is fika?').toResponse({ headers: { 'x-turn': '1' } });
    expect(relayed.headers.get('content-type')).toBe('text/event-stream');
    expect(relayed.headers.get('x-turn')).toBe('1');

    const page = ResponseStream.fromReadableStream(relayed.body as ReadableStream<Uint8Array>);
    const types: string[] = [];
    let text = '';
    for await (const event of page) {
      types.push(String(event.type));
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    const tools = types.filter(
      (type) => type.startsWith('tool_call.') || type === 'step.completed',
    );
    expect(tools).toEqual([
      'tool_call.started',
      'tool_call.completed',
      'step.completed',
      'step.completed',
    ]);
    // Only the last step's terminal event is relayed, last: the page's stream ends there.
    expect(types.filter((type) => type === 'response.completed')).toHaveLength(1);
    expect(types.at(-1)).toBe('response.completed');
    expect(types.filter((type) => type === 'response.created')).toHaveLength(2);
    expect(text).toBe('Fika is a coffee break.');
    expect((await page.finalResponse()).output_text).toBe('Fika is a coffee break.');
    // The relayed turn entered the conversation.
    expect(chat.items).toHaveLength(4);
  });

  it('passes a failure on as an error event the page throws as StreamError', async () => {
    const { client } = setUp('openai', {
      turns: [{ type: 'stream_error', after: 3, message: 'The model broke' }],
    });
    const chat = client.conversation({ model });
    const page = ResponseStream.fromReadableStream(
      chat.stream('Hi').toResponse().body as ReadableStream<Uint8Array>,
    );
    await expect(async () => {
      for await (const _ of page);
    }).rejects.toThrow('The model broke');
  });
});

describe('ConversationStream.partialOutput()', () => {
  it('yields growing snapshots of a turn with a structured text format, then ends as finalResponse does', async () => {
    const Recipe = z.object({ title: z.string(), steps: z.array(z.string()) });
    const json = { title: 'Espresso', steps: ['Grind', 'Tamp', 'Pull'] };
    const { client } = setUp('openai', {
      turns: [
        { type: 'function_call', name: 'lookup', arguments: { word: 'espresso' }, callId: 'c1' },
        { type: 'json', json, chunkSize: 5 },
      ],
    });
    const chat = client.conversation({ model, tools: { lookup } });
    const stream = chat.stream('A recipe', { text: { format: zodTextFormat(Recipe, 'recipe') } });
    const snapshots = [];
    for await (const partial of stream.partialOutput()) snapshots.push(partial);
    expect(snapshots.length).toBeGreaterThan(3);
    expect(snapshots[0]).toEqual({});
    expect(snapshots.at(-1)).toEqual(json);
    for (const [at, snapshot] of snapshots.entries())
      if (at > 0) expect(JSON.stringify(snapshot).length).toBeGreaterThanOrEqual(2);
    expect((await stream.finalResponse()).output_parsed).toEqual(json);
  });

  it('ends with the parse failure when the output does not match', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: { title: 5 } }] });
    const format = zodTextFormat(z.object({ title: z.string() }), 'recipe');
    const stream = client.conversation({ model }).stream('x', { text: { format } });
    await expect(async () => {
      for await (const _ of stream.partialOutput());
    }).rejects.toThrow(/title/);
  });
});
