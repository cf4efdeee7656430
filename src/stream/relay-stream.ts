/**
 * The byte stream a stream's `toReadableStream()` returns at once, over the relay encoder that
 * loads on its first read (`relay.ts`, the SSE encoding of the events), and the web `Response`
 * that carries it.
 */

/** SSE bytes as a web `Response`: `text/event-stream`, `no-cache`, with `init` laid over them. */
export function sseResponse(
  body: ReadableStream<Uint8Array>,
  init: ResponseInit = {},
): globalThis.Response {
  // Headers lowercases every name, so the caller's own (in any case) replace the defaults.
  const headers = {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    ...Object.fromEntries(new Headers(init.headers)),
  };
  return new Response(body, { ...init, headers });
}

/**
 * A byte stream over a relay source that may load later (`import()` on first use), with
 * `for await` in every runtime (Safari's streams lack it), so that `stream/promises.pipeline`
 * takes it as is. Cancelling it calls `abort`, which aborts the upstream request.
 */
export function relayStream(
  source: Promise<UnderlyingDefaultSource<Uint8Array>>,
  abort: () => void,
): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>({
    pull: async (controller) => (await source).pull?.(controller),
    cancel: async (reason) => {
      const cancelled = (await source).cancel?.(reason);
      abort();
      await cancelled;
    },
  });
  if (!(Symbol.asyncIterator in stream))
    Object.defineProperty(stream, Symbol.asyncIterator, { value: () => chunksOf(stream) });
  return stream as ReadableStream<Uint8Array> & AsyncIterable<Uint8Array>;
}

/** Reads a byte stream chunk by chunk; leaving early cancels it. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    await reader.cancel();
  }
}
