import { describe, expect, it } from 'vitest';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../../src/errors.js';
import { frame } from '../helpers/streams.js';
import { brokenAnswer, sseAnswer } from '../observe/setup.js';
import { ask, chatFrames, chunk } from './chat-answers.js';
import { SpanStatusCode, theSpan, traced } from './setup.js';

const first = chunk([
  { index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null },
]);
const streamed = { ...ask, stream: true } as const;

describe('a chat completion span ends however its stream ends', () => {
  it('completed', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames()));
    const stream = await client.chat.completions.create(streamed);
    for await (const _ of stream);
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.id']).toBe('chatcmpl-s');
  });

  it('completed, read by finalChatCompletion() alone', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames({ finish: 'length' })));
    const stream = await client.chat.completions.create(streamed);
    await stream.finalChatCompletion();
    expect((await theSpan(memory))?.attributes['gen_ai.response.finish_reasons']).toEqual([
      'length',
    ]);
  });

  it('completed by a finish reason, with no [DONE]', async () => {
    const frames = chatFrames().slice(0, -1);
    const { memory, client } = traced(() => sseAnswer(frames));
    const stream = await client.chat.completions.create(streamed);
    for await (const _ of stream);
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
  });

  it('an error chunk', async () => {
    const error = frame({ error: { code: 'server_error', message: 'The model broke.' } });
    const { memory, client } = traced(() => sseAnswer([first, error]));
    const stream = await client.chat.completions.create(streamed);
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toThrow('The model broke.');
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('server_error');
    expect(span?.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'The model broke.' });
  });

  it('a body that ends before [DONE] or a finish reason', async () => {
    const { memory, client } = traced(() => sseAnswer([first]));
    const stream = await client.chat.completions.create(streamed);
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toThrow('before [DONE]');
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('StreamError');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('an error midway (the body breaks)', async () => {
    const { memory, client } = traced(() => brokenAnswer(first));
    const stream = await client.chat.completions.create(streamed);
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toBeInstanceOf(APIConnectionError);
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('APIConnectionError');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("aborted by the caller's signal", async () => {
    const { memory, client } = traced(() => sseAnswer([first], { open: true }));
    const controller = new AbortController();
    const stream = await client.chat.completions.create(streamed, { signal: controller.signal });
    await expect(async () => {
      for await (const _ of stream) controller.abort();
    }).rejects.toBeInstanceOf(APIUserAbortError);
    expect((await theSpan(memory))?.attributes['error.type']).toBe('APIUserAbortError');
  });

  it('aborted by stream.abort()', async () => {
    const { memory, client } = traced(() => sseAnswer([first], { open: true }));
    const stream = await client.chat.completions.create(streamed);
    for await (const _ of stream) stream.abort();
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['error.type']).toBeUndefined();
    expect(span?.attributes['gen_ai.response.id']).toBeUndefined();
  });

  it('left by break', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames()));
    const stream = await client.chat.completions.create(streamed);
    for await (const _ of stream) break;
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toBeUndefined();
  });

  it('the idle timeout', async () => {
    const { memory, client } = traced(() => sseAnswer([first], { open: true }), {
      timeout: 50,
    });
    const stream = await client.chat.completions.create(streamed);
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toBeInstanceOf(APITimeoutError);
    expect((await theSpan(memory))?.attributes['error.type']).toBe('APITimeoutError');
  });

  it('a request that fails before its stream opens (not an event stream)', async () => {
    const { memory, client } = traced(() => Response.json({ error: 'nope' }));
    await expect(client.chat.completions.create(streamed)).rejects.toThrow();
    expect((await theSpan(memory))?.status.code).toBe(SpanStatusCode.ERROR);
  });
});
