import { describe, expect, it } from 'vitest';
import { StreamError } from '../../src/errors.js';
import { ChatCompletionStream } from '../../src/stream/chat-stream.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { bodyOf, frame, textStreamFrames } from '../helpers/streams.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('ResponseStream relay', () => {
  it('round-trips every event through toReadableStream() and fromReadableStream()', async () => {
    const frames = textStreamFrames(['Hel', 'lo', ' ☕']);
    const direct = await collect(new ResponseStream({ body: bodyOf(frames) }));
    const relayed = new ResponseStream({ body: bodyOf(frames) }).toReadableStream();
    const browser = ResponseStream.fromReadableStream(relayed);
    expect(await collect(browser)).toEqual(direct);
  });

  it('relays the canonical form of events that arrived without a type in their data', async () => {
    const chunks = [
      frame({ response: { id: 'r', status: 'in_progress', output: [] } }, 'response.created'),
      frame({ response: { id: 'r', status: 'completed', output: [] } }, 'response.completed'),
    ];
    const server = new ResponseStream({
      body: bodyOf(chunks),
      decoding: { normalize: (e) => e, validate: undefined },
    });
    const text = await new Response(server.toReadableStream()).text();
    expect(text).toContain(
      'data: {"response":{"id":"r","status":"in_progress","output":[]},"type":"response.created"}',
    );
  });

  it('passes an upstream error on, so the browser side throws StreamError with the same message', async () => {
    const chunks = [
      textStreamFrames(['a'])[0] ?? '',
      frame({ type: 'error', code: 'server_error', message: 'upstream broke', param: null }),
    ];
    const browser = ResponseStream.fromReadableStream(
      new ResponseStream({ body: bodyOf(chunks) }).toReadableStream(),
    );
    const failure = await collect(browser).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'upstream broke', code: 'server_error' });
  });

  it('closes the upstream body when the relay is cancelled', async () => {
    const body = bodyOf(textStreamFrames(['a', 'b', 'c']));
    const relay = new ResponseStream({ body }).toReadableStream();
    const reader = relay.getReader();
    await reader.read();
    await reader.cancel();
    expect(body.cancelled).toBe(true);
  });

  it('gives the browser side a finalResponse() like the server side', async () => {
    const relayed = new ResponseStream({
      body: bodyOf(textStreamFrames(['Hel', 'lo'])),
    }).toReadableStream();
    expect((await ResponseStream.fromReadableStream(relayed).finalResponse()).output_text).toBe(
      'Hello',
    );
  });
});

describe('ChatCompletionStream relay', () => {
  const chunk = (content: string, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

  it('round-trips the chunks, ending in data: [DONE]', async () => {
    const body = bodyOf([chunk('Hel'), chunk('lo', 'stop'), 'data: [DONE]\n\n']);
    const relayed = new ChatCompletionStream({ body }).toReadableStream();
    const text = await new Response(relayed).text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const again = ChatCompletionStream.fromReadableStream(bodyOf([text]));
    expect((await again.finalChatCompletion()).choices[0]?.message.content).toBe('Hello');
  });

  it('passes an upstream failure on as an { error } chunk the reading side throws', async () => {
    const body = bodyOf([
      chunk('Hel'),
      `data: ${JSON.stringify({ error: { message: 'provider down', code: 502 } })}\n\n`,
    ]);
    const browser = ChatCompletionStream.fromReadableStream(
      new ChatCompletionStream({ body }).toReadableStream(),
    );
    await expect(browser.finalChatCompletion()).rejects.toMatchObject({
      name: 'StreamError',
      message: 'provider down',
      code: '502',
    });
  });
});
