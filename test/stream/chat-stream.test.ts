import { describe, expect, it } from 'vitest';
import { StreamError } from '../../src/errors.js';
import { ChatCompletionStream } from '../../src/stream/chat-stream.js';
import { bodyOf } from '../helpers/streams.js';

const data = (json: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(json)}\n\n`;
const chunk = (delta: Record<string, unknown>, finish: string | null = null, index = 0) => ({
  id: 'chatcmpl_1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index, delta, finish_reason: finish }],
});
const streamOf = (chunks: string[]) => new ChatCompletionStream({ body: bodyOf(chunks) });

describe('ChatCompletionStream', () => {
  it('ends at data: [DONE] and rebuilds the completion', async () => {
    const stream = streamOf([
      data(chunk({ role: 'assistant', content: 'Hel' })),
      data(chunk({ content: 'lo' }, 'stop')),
      'data: [DONE]\n\n',
    ]);
    const completion = await stream.finalChatCompletion();
    expect(completion).toMatchObject({
      id: 'chatcmpl_1',
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' },
      ],
    });
  });

  it('reads event: chunk streams that end with an event: [DONE] line', async () => {
    const stream = streamOf([
      data({ choices: [{ delta: { content: 'Sun' } }] }, 'chunk'),
      data({ choices: [{ delta: { content: 'rise' } }] }, 'chunk'),
      'event: [DONE]\ndata: [DONE]\n\n',
    ]);
    const text: string[] = [];
    for await (const delta of stream.textDeltas()) text.push(delta);
    expect(text).toEqual(['Sun', 'rise']);
  });

  it('accepts a finish reason as the end when the server sends no [DONE]', async () => {
    const completion = await streamOf([
      data(chunk({ content: 'ok' }, 'stop')),
    ]).finalChatCompletion();
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('throws StreamError when the stream ends with neither [DONE] nor a finish reason', async () => {
    await expect(streamOf([data(chunk({ content: 'cut' }))]).finalChatCompletion()).rejects.toThrow(
      /ended before \[DONE\]/,
    );
  });

  it('throws StreamError with the message and code of an { error } chunk', async () => {
    const stream = streamOf([
      data(chunk({ content: 'a' })),
      data({ error: { message: 'Provider returned error', code: 502 } }),
    ]);
    const failure = await stream.finalChatCompletion().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Provider returned error', code: '502' });
  });

  it('joins tool call arguments by tool call index, and keeps choices apart', async () => {
    const args = (text: string) => ({ tool_calls: [{ index: 0, function: { arguments: text } }] });
    const opening = {
      tool_calls: [
        {
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '' },
        },
      ],
    };
    const stream = streamOf([
      data(chunk(opening)),
      data(chunk(args('{"loc'))),
      data(chunk(args('ation":"Paris"}'), 'tool_calls')),
      data(chunk({ content: 'other' }, 'stop', 1)),
      'data: [DONE]\n\n',
    ]);
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
      },
    ]);
    expect(completion.choices[1]?.message.content).toBe('other');
  });

  it('keeps the usage of the chunk that carries it', async () => {
    const stream = streamOf([
      data(chunk({ content: 'x' }, 'stop')),
      data({
        ...chunk({}),
        choices: [],
        usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      }),
      'data: [DONE]\n\n',
    ]);
    expect((await stream.finalChatCompletion()).usage).toEqual({
      prompt_tokens: 3,
      completion_tokens: 1,
      total_tokens: 4,
    });
  });
});
