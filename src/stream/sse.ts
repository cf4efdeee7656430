import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type { EventSourceMessage };

/** How a body is read: the connection to close, and the idle rule while bytes stream. */
export interface SSEReadOptions {
  /** Longest gap, in ms, between two chunks before `onIdle` is called. */
  idleTimeout?: number | undefined;
  /** Called once when no chunk arrived within `idleTimeout`. */
  onIdle?: (() => void) | undefined;
  /** Stops reading: the body is cancelled and nothing more is yielded. */
  signal?: AbortSignal | undefined;
}

/**
 * Reads a `text/event-stream` body into SSE messages with eventsource-parser. Each message is
 * yielded as soon as its last byte has arrived; the last one is delivered even when the body ends
 * without its closing blank line. Returning early (a `break`) cancels the body.
 */
export async function* readSSE(
  body: ReadableStream<Uint8Array>,
  options: SSEReadOptions = {},
): AsyncGenerator<EventSourceMessage, void, undefined> {
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => queue.push(message) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const watchdog = startWatchdog(options);
  const { signal } = options;
  const stop = () => {
    reader.cancel().catch(() => {});
  };
  signal?.addEventListener('abort', stop, { once: true });
  let finished = false;
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read();
      watchdog.tick();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0 && !signal?.aborted) yield queue.shift() as EventSourceMessage;
    }
    if (signal?.aborted) return;
    // A final blank line dispatches an event whose closing blank line never came.
    parser.feed(`${decoder.decode()}\n\n`);
    while (queue.length > 0) yield queue.shift() as EventSourceMessage;
    finished = true;
  } finally {
    watchdog.stop();
    signal?.removeEventListener('abort', stop);
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Calls `onIdle` when `tick` has not been called for `idleTimeout` ms; costs one clock read a chunk. */
function startWatchdog({ idleTimeout, onIdle }: SSEReadOptions) {
  if (!idleTimeout || !onIdle || !Number.isFinite(idleTimeout)) return { tick() {}, stop() {} };
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (delay: number) => {
    timer = setTimeout(() => {
      const idle = Date.now() - last;
      if (idle >= idleTimeout) onIdle();
      else arm(idleTimeout - idle);
    }, delay);
  };
  arm(idleTimeout);
  return {
    tick() {
      last = Date.now();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
