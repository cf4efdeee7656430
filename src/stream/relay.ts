import { APIUserAbortError, ResponsesError, StreamError } from '../errors.js';

/** One event as SSE bytes: its `event:` line and its JSON on one `data:` line. */
export function encodeEvent(encoder: TextEncoder, event: { type: unknown }): Uint8Array {
  return encoder.encode(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** The `error` event that tells the other side of a relay why the stream stopped. */
function errorEvent(error: unknown): {
  type: 'error';
  code: string | null;
  message: string;
  param: string | null;
} {
  const typed = error instanceof StreamError ? error : undefined;
  return {
    type: 'error',
    code: typed?.code ?? (error instanceof ResponsesError ? error.name : null),
    message: error instanceof Error ? error.message : String(error),
    param: typed?.param ?? null,
  };
}

/**
 * Re-encodes a stream's events as SSE bytes, to send from a server route to a browser as is. The
 * events go out in their canonical form, whatever dialect the server upstream spoke. A failure
 * upstream is passed on as an `error` event (so the reading side throws `StreamError` too);
 * cancelling the relay closes the upstream connection.
 */
export function eventsToReadableStream(
  events: AsyncIterable<{ type: unknown }>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(encodeEvent(encoder, result.value));
      } catch (error) {
        if (!(error instanceof APIUserAbortError))
          controller.enqueue(encodeEvent(encoder, errorEvent(error)));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
