import { APIUserAbortError, ResponsesError, StreamError } from '../errors.js';

/** How a relay writes one event, what it writes after the last, and how it reports a failure. */
export interface RelayFormat<Event> {
  /** One event as SSE text. */
  frame(event: Event): string;
  /** What follows the last event (chat streams: `data: [DONE]`). */
  end?: string | undefined;
  /** The failure upstream, in the form the reading side throws as `StreamError`. */
  error(error: ReturnType<typeof errorEvent>): string;
}

/** A Responses event: its `event:` line and its JSON on one `data:` line; a failure as an `error` event. */
export const responseFrames: RelayFormat<{ type: unknown }> = {
  frame: (event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`,
  error: (error) => responseFrames.frame(error),
};

/** A chat completion chunk: a `data:` line, `data: [DONE]` at the end; a failure as an `{ error }` chunk. */
export const chatFrames: RelayFormat<unknown> = {
  frame: (chunk) => `data: ${JSON.stringify(chunk)}\n\n`,
  end: 'data: [DONE]\n\n',
  error: ({ type: _type, ...error }) => chatFrames.frame({ error }),
};

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
 * The source of a `ReadableStream` that re-encodes an iterator's events as SSE bytes, to send
 * from a server route to a browser as is. The events go out in their canonical form, whatever
 * dialect the server upstream spoke. A failure upstream is passed on as an `error` event (so the
 * reading side throws `StreamError` too); cancelling the relay ends the iteration, which closes
 * the upstream body.
 */
export function relaySource<Event>(
  iterator: AsyncIterator<Event>,
  format: RelayFormat<Event>,
): UnderlyingDefaultSource<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  return {
    async pull(controller) {
      try {
        const result = await iterator.next();
        // Cancelled while the next event was awaited: the stream takes nothing more.
        if (cancelled) return;
        if (result.done) {
          if (format.end) controller.enqueue(encoder.encode(format.end));
          controller.close();
        } else {
          controller.enqueue(encoder.encode(format.frame(result.value)));
        }
      } catch (error) {
        if (cancelled) return;
        if (!(error instanceof APIUserAbortError)) {
          controller.enqueue(encoder.encode(format.error(errorEvent(error))));
        }
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.();
    },
  };
}
