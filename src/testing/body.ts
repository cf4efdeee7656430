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
 * A body that sends `pieces` one by one, `delayMs` apart (the first at once), then ends as
 * `end` says. Aborting `signal` breaks it with an `AbortError`, as fetch does.
 */
export function pacedBody(
  pieces: readonly string[],
  delayMs: number,
  end: BodyEnd,
  signal: AbortSignal | null | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
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
        if (end === 'drop') return controller.error(new TypeError('terminated'));
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      next += 1;
      const bytes = encoder.encode(piece);
      if (delayMs <= 0 || next === 1) return controller.enqueue(bytes);
      return new Promise<void>((resolve) => {
        release = resolve;
        timer = setTimeout(() => {
          controller.enqueue(bytes);
          resolve();
        }, delayMs);
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
