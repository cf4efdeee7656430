import { APITimeoutError, APIUserAbortError, type ResponsesError } from '../../errors.js';
import { MessageQueue, type MessageSource } from '../../stream/message-source.js';
import type { EventSourceMessage } from '../../stream/sse.js';

/**
 * The frames of one response on a WebSocket, as the messages an event iterator reads: the same
 * `{ data }` an SSE body gives, so that they are decoded, normalized and checked as SSE events
 * are. Its connection pushes frames in; the last one (a terminal event or an error) ends it.
 * Cancelling it before that (an abort, `break`, the idle timeout) tells the connection, which
 * drops the rest of the response (or, after a timeout, closes its socket).
 */
export class FrameSource implements MessageSource {
  readonly #queue = new MessageQueue();
  /** No frame will come any more: the last one arrived, the socket broke, or it was cancelled. */
  #ended = false;
  #cancelled = false;
  /** Why no more frames will come, when it is not the response's end. */
  #failure: ResponsesError | undefined;
  /** Whether the response's last frame arrived. */
  #complete = false;
  #count = 0;
  #closeCode: number | undefined;
  #wake: (() => void) | undefined;
  #settled: Promise<void> | undefined;
  #onSettled: (() => void) | undefined;
  #lastFrameAt = Date.now();
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  readonly #signal: AbortSignal;
  readonly #idleTimeout: number;
  readonly #onCancel: (source: FrameSource, stalled: boolean) => void;

  /**
   * `signal` (the stream's controller) cancels it; `idleTimeout` bounds each wait for a frame,
   * the first one included; `onCancel` is told when it is cancelled before its last frame
   * (`stalled`: by that timeout, not by its reader).
   */
  constructor(
    signal: AbortSignal,
    idleTimeout: number,
    onCancel: (source: FrameSource, stalled: boolean) => void,
  ) {
    this.#signal = signal;
    this.#idleTimeout = idleTimeout;
    this.#onCancel = onCancel;
    if (signal.aborted) this.cancel();
    else signal.addEventListener('abort', this.cancel, { once: true });
  }

  /** How many frames arrived so far. */
  get received(): number {
    return this.#count;
  }

  /** Whether the response's last frame arrived. */
  get complete(): boolean {
    return this.#complete;
  }

  /** The response's last frame (a terminal event or an error), once it arrived. */
  get lastFrame(): string | undefined {
    return this.#complete ? this.#queue.last()?.data : undefined;
  }

  /** Resolves once no frame will come any more: the last one arrived, or the socket broke. */
  settled(): Promise<void> {
    if (this.#ended) return Promise.resolve();
    this.#settled ??= new Promise<void>((resolve) => {
      this.#onSettled = resolve;
    });
    this.#watch();
    return this.#settled;
  }

  /** The close code of the socket that broke before the response's last frame, if one did. */
  get closeCode(): number | undefined {
    return this.#closeCode;
  }

  /** A frame of this response; `last` when it ends the response (a terminal event or an error). */
  push(text: string, last: boolean): void {
    if (this.#ended) return;
    this.#count += 1;
    this.#queue.push({ id: undefined, event: undefined, data: text });
    this.#lastFrameAt = Date.now();
    if (last) {
      this.#complete = true;
      this.#end(undefined);
    } else this.#wake?.();
  }

  /** The socket closed (`code`) before the response's last frame; `fill()` rejects with `failure`. */
  broke(code: number, failure: ResponsesError): void {
    if (this.#ended) return;
    this.#closeCode = code;
    this.#end(failure);
  }

  take(): EventSourceMessage | undefined {
    return this.#cancelled ? undefined : this.#queue.take();
  }

  fill(): Promise<boolean> {
    if (this.#queue.pending) return Promise.resolve(!this.#cancelled);
    if (this.#ended) {
      return this.#failure && !this.#cancelled
        ? Promise.reject(this.#failure)
        : Promise.resolve(false);
    }
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
      this.#watch();
    }).then(() => {
      this.#wake = undefined;
      return this.fill();
    });
  }

  /** The first frame's text, once it came; rejects when none will (a close, a timeout, an abort). */
  async first(): Promise<string> {
    for (;;) {
      const frame = this.#queue.peek();
      if (frame) return frame.data;
      if (this.#cancelled) throw this.#failure ?? new APIUserAbortError();
      if (!(await this.fill().catch(() => false)) && !this.#queue.peek())
        throw this.#failure ?? new APIUserAbortError();
    }
  }

  readonly cancel = (): void => {
    if (this.#cancelled) return;
    this.#cancelled = true;
    const inFlight = !this.#ended;
    this.#end(this.#failure);
    if (inFlight) this.#onCancel(this, false);
  };

  #end(failure: ResponsesError | undefined): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#failure = failure;
    clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    this.#signal.removeEventListener('abort', this.cancel);
    this.#wake?.();
    this.#onSettled?.();
  }

  /** Fails the wait when no frame came for `idleTimeout` ms; one timer, re-armed lazily. */
  #watch(): void {
    if (this.#watchdog !== undefined || !Number.isFinite(this.#idleTimeout)) return;
    const arm = (delay: number) => {
      this.#watchdog = setTimeout(() => {
        this.#watchdog = undefined;
        if (this.#ended || !(this.#wake || this.#onSettled)) return;
        const idle = Date.now() - this.#lastFrameAt;
        if (idle < this.#idleTimeout) return arm(this.#idleTimeout - idle);
        // Not a cancel by the caller: the wait fails with the timeout, and the socket is let go.
        this.#end(new APITimeoutError(`The WebSocket sent nothing for ${this.#idleTimeout} ms.`));
        this.#onCancel(this, true);
      }, delay);
    };
    arm(Math.max(0, this.#idleTimeout - (Date.now() - this.#lastFrameAt)));
  }
}
