/** The bodies the fake server answers with: paced, broken off or stalled, and stopped by an abort. */

/** How a body ends once its pieces are sent. */
export type BodyEnd =
  /** It closes, as a finished answer does. */
  | 'close'
  /** It breaks off, as when the connection drops (a `TypeError: terminated`, as undici says). */
  | 'drop'
  /** It sends nothing more and never ends, until the client aborts or cancels it. */
  | 'stall';

export const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/**
 * A body that sends `pieces` (text, or bytes as they are) one by one, `delayMs` apart (the first
 * at once), or each after the wait `delayMs(index)` gives, then ends as `end` says (a drop
 * breaks it with `dropError`, by default undici's `TypeError: terminated`). Aborting `signal`
 * breaks it with an `AbortError`, as fetch does.
 */
export function pacedBody(
  pieces: readonly (string | Uint8Array)[],
  delayMs: number | ((index: number) => number),
  end: BodyEnd,
  signal: AbortSignal | null | undefined,
  dropError: unknown = new TypeError('terminated'),
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const waitBefore =
    typeof delayMs === 'number' ? (index: number) => (index === 0 ? 0 : delayMs) : delayMs;
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release: (() => void) | undefined;
  const stop = () => {
    clearTimeout(timer);
    release?.();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener(
        'abort',
        () => {
          stop();
          controller.error(abortError());
        },
        { once: true },
      );
    },
    pull(controller) {
      const piece = pieces[next];
      if (piece === undefined) {
        if (end === 'close') return controller.close();
        if (end === 'drop') return controller.error(dropError);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      const wait = waitBefore(next);
      next += 1;
      const bytes = typeof piece === 'string' ? encoder.encode(piece) : piece;
      if (wait <= 0) return controller.enqueue(bytes);
      return new Promise<void>((resolve) => {
        release = resolve;
        timer = setTimeout(() => {
          controller.enqueue(bytes);
          resolve();
        }, wait);
      });
    },
    cancel: stop,
  });
}

/** A promise that never settles, unless `signal` aborts it (a server that never answers). */
export function never(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}
