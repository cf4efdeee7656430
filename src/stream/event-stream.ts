import { APIUserAbortError, type ResponsesError, StreamError } from '../errors.js';
import { type Decoded, EventIterator } from './event-iterator.js';
import type { EventSourceMessage } from './sse.js';

/** What an {@link EventStream} is built from. */
export interface EventStreamInit {
  /** The `text/event-stream` body. */
  body: ReadableStream<Uint8Array>;
  /** Aborting it closes the connection; `abort()` uses it. */
  controller?: AbortController | undefined;
  /** The raw fetch `Response`, when the stream came from a request. */
  response?: globalThis.Response | undefined;
  /** The server's `x-request-id`. */
  requestId?: string | undefined;
  /** Longest gap, in ms, between two chunks before the stream fails with `APITimeoutError`. */
  idleTimeout?: number | undefined;
  /** The error to throw when the connection was aborted from outside (a user's signal). */
  abortReason?: (() => ResponsesError) | undefined;
  /** Called once when the stream ends, however it ends. */
  onEnd?: (() => void) | undefined;
}

/**
 * The machinery every stream shares: SSE messages decoded one by one into typed events as soon as
 * their last byte arrives, one consumer, `abort()`, an idle timeout, and an end that is never
 * silent. Subclasses say how a message is decoded and when a stream is complete; the iteration
 * itself is an `EventIterator` (internal).
 */
export abstract class EventStream<Event> implements AsyncIterable<Event> {
  /** The raw fetch `Response`, when the stream came from a request. */
  readonly response: globalThis.Response | undefined;
  /** The server's `x-request-id`, when it sent one. */
  readonly requestId: string | undefined;

  protected readonly init: EventStreamInit;
  readonly #controller: AbortController;
  readonly #ended: Promise<void>;
  #markEnded: () => void = () => {};
  #iterated = false;
  #abortedByCaller = false;
  #failure: ResponsesError | undefined;

  constructor(init: EventStreamInit) {
    this.init = init;
    this.#controller = init.controller ?? new AbortController();
    this.response = init.response;
    this.requestId = init.requestId;
    this.#ended = new Promise((resolve) => {
      this.#markEnded = resolve;
    });
  }

  /** Turns one SSE message into an event (or several), or says to skip it or that the stream is over. */
  protected abstract decode(message: EventSourceMessage): Decoded<Event>;
  /** Sees every event before it is yielded (to note a terminal event, say). */
  protected abstract observe(event: Event): void;
  /** Whether the events so far make a complete stream; if not, the end is a {@link StreamError}. */
  protected abstract isComplete(): boolean;
  /** What the error says when the body ends before the stream is complete. */
  protected abstract readonly incompleteMessage: string;

  /**
   * A new body that carries on where a dropped connection left off, or `undefined` when the
   * stream cannot be resumed. Called when the body breaks or ends before the stream is complete.
   */
  protected reconnect(): Promise<ReadableStream<Uint8Array> | undefined> {
    return Promise.resolve(undefined);
  }

  /** Stops reading and closes the connection; a `for await` over the stream ends quietly. */
  abort(): void {
    this.#abortedByCaller = true;
    this.#controller.abort();
  }

  /** Whether `abort()` was called. */
  protected get abortedByCaller(): boolean {
    return this.#abortedByCaller;
  }

  /** Resolves when the stream has ended, however it ended; rejects with what made it fail. */
  protected async settled(): Promise<void> {
    if (!this.#iterated) {
      const iterator = this[Symbol.asyncIterator]();
      try {
        while (!(await iterator.next()).done);
      } catch {
        // Kept in #failure, thrown below.
      }
    }
    await this.#ended;
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** The events as they arrive, for one consumer (`for await`); a second iteration throws. */
  [Symbol.asyncIterator](): AsyncIterator<Event> {
    if (this.#iterated) {
      throw new StreamError('This stream has already been iterated: a stream has one consumer.');
    }
    this.#iterated = true;
    const { init } = this;
    return new EventIterator<Event>(
      {
        controller: this.#controller,
        idleTimeout: init.idleTimeout,
        incompleteMessage: this.incompleteMessage,
        decode: (message) => this.decode(message),
        observe: (event) => this.observe(event),
        isComplete: () => this.isComplete(),
        reconnect: () => this.reconnect(),
        abortedByCaller: () => this.#abortedByCaller,
        abortReason: () => init.abortReason?.() ?? new APIUserAbortError(),
        ended: (failure) => {
          this.#failure = failure;
          init.onEnd?.();
          this.#markEnded();
        },
      },
      init.body,
    );
  }
}
