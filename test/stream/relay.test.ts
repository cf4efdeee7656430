import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIUserAbortError, StreamError } from '../../src/errors.js';
import { ChatCompletionStream } from '../../src/stream/chat-stream.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { bodyOf, frame, textStreamFrames } from '../helpers/streams.js';

/** A body that sends these chunks, then stays open until it is cancelled. */
const bodyOfOpen = (chunks: readonly string[]) => bodyOf(chunks, { open: true });

/** The frames of a stream that has started its text and not finished it. */
const midway = () => textStreamFrames(['Hel', 'lo', ' there']).slice(0, 4);

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

describe('ResponseStream.toResponse', () => {
  it('returns a 200 Response with the SSE bytes, content-type text/event-stream and cache-control no-cache', async () => {
    const frames = textStreamFrames(['Hel', 'lo']);
    const response = new ResponseStream({ body: bodyOf(frames) }).toResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const browser = ResponseStream.fromReadableStream(response.body as ReadableStream<Uint8Array>);
    expect((await browser.finalResponse()).output_text).toBe('Hello');
  });

  it('lays init over the defaults: its status, its headers, and its own cache-control wins', async () => {
    const response = new ResponseStream({ body: bodyOf(textStreamFrames(['a'])) }).toResponse({
      status: 201,
      statusText: 'Created',
      headers: { 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    await response.body?.cancel();
  });

  it('aborts the upstream request and closes its body when the Response body is cancelled', async () => {
    const body = bodyOfOpen(midway());
    const controller = new AbortController();
    const upstream = new ResponseStream({ body, controller });
    const reader = (upstream.toResponse().body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    expect(controller.signal.aborted).toBe(true);
    expect(body.cancelled).toBe(true);
    await expect(upstream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('aborts the upstream too when the relay is cancelled while it waits for the next event', async () => {
    const body = bodyOfOpen(midway());
    const controller = new AbortController();
    const reader = new ResponseStream({ body, controller }).toReadableStream().getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    const pending = reader.read();
    await reader.cancel();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(controller.signal.aborted).toBe(true);
    expect(body.cancelled).toBe(true);
  });

  it('is async-iterable, so stream/promises.pipeline takes it as it is', async () => {
    const relayed = new ResponseStream({
      body: bodyOf(textStreamFrames(['a', 'b'])),
    }).toReadableStream();
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of relayed) text += decoder.decode(chunk, { stream: true });
    expect(text).toMatch(/^event: response\.created\n/);
    expect(text.trimEnd()).toMatch(/"type":"response\.completed".*\}$/);
  });

  it('is async-iterable where web streams are not (Safari), and leaving the loop cancels the upstream', async () => {
    const proto = ReadableStream.prototype as unknown as Record<symbol, unknown>;
    const native = Object.getOwnPropertyDescriptor(proto, Symbol.asyncIterator);
    delete proto[Symbol.asyncIterator];
    try {
      const body = bodyOfOpen(midway());
      const relayed = new ResponseStream({ body }).toReadableStream();
      expect(Object.hasOwn(relayed, Symbol.asyncIterator)).toBe(true);
      let chunks = 0;
      for await (const _chunk of relayed) if (++chunks === 2) break;
      expect(chunks).toBe(2);
      expect(body.cancelled).toBe(true);
    } finally {
      if (native) Object.defineProperty(proto, Symbol.asyncIterator, native);
    }
  });
});

describe('ResponseStream.fromReadableStream with a signal', () => {
  it('ends the loop with APIUserAbortError, not APIConnectionError, when the signal aborts midway', async () => {
    const body = bodyOfOpen(midway());
    const controller = new AbortController();
    const browser = ResponseStream.fromReadableStream(body, { signal: controller.signal });
    const deltas: string[] = [];
    const failure = await (async () => {
      for await (const text of browser.textDeltas()) {
        deltas.push(text);
        if (deltas.length === 2) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(APIUserAbortError);
    expect(failure).not.toBeInstanceOf(APIConnectionError);
    expect(deltas).toEqual(['Hel', 'lo']);
    expect(body.cancelled).toBe(true);
    await expect(browser.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('throws APIUserAbortError when the signal aborts while the loop waits for bytes', async () => {
    const controller = new AbortController();
    const browser = ResponseStream.fromReadableStream(bodyOfOpen(midway()), {
      signal: controller.signal,
    });
    const iterator = browser[Symbol.asyncIterator]();
    for (let i = 0; i < 4; i++) await iterator.next();
    const waiting = iterator.next();
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('throws APIUserAbortError at once, reading nothing, when the signal was already aborted', async () => {
    const body = bodyOfOpen(midway());
    const browser = ResponseStream.fromReadableStream(body, { signal: AbortSignal.abort() });
    const events: unknown[] = [];
    const failure = await (async () => {
      for await (const event of browser) events.push(event);
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(APIUserAbortError);
    expect(events).toEqual([]);
    expect(body.cancelled).toBe(true);
  });

  it('reads to the end as usual when the signal never aborts', async () => {
    const browser = ResponseStream.fromReadableStream(bodyOf(textStreamFrames(['a', 'b'])), {
      signal: new AbortController().signal,
    });
    expect((await browser.finalResponse()).output_text).toBe('ab');
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

  it('returns a Response with the SSE headers, and aborts the upstream when its body is cancelled', async () => {
    const controller = new AbortController();
    const body = bodyOfOpen([chunk('Hel'), chunk('lo')]);
    const response = new ChatCompletionStream({ body, controller }).toResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"content":"Hel"');
    await reader.cancel();
    expect(controller.signal.aborted).toBe(true);
    expect(body.cancelled).toBe(true);
  });

  it('ends the reading loop with APIUserAbortError when its signal aborts', async () => {
    const controller = new AbortController();
    const browser = ChatCompletionStream.fromReadableStream(
      bodyOfOpen([chunk('Hel'), chunk('lo')]),
      {
        signal: controller.signal,
      },
    );
    const failure = await (async () => {
      for await (const _chunk of browser) controller.abort();
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(APIUserAbortError);
  });
});
