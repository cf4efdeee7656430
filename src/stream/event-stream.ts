import { type ResponsesError, StreamError } from '../errors.js';
import { type Decoded, EventIterator, incomplete } from './event-iterator.js';
import type { MessageSource } from './message-source.js';
import { sseResponse } from './relay-stream.js';
import type { EventSourceMessage } from './sse.js';

const identity = <E>(error: E): Promise<E> => Promise.resolve(error);

/** What an {@link EventStream} is built from. */
export interface EventStreamInit {
  /** The `text/event-stream` body, or the messages of a WebSocket lane. */
  body: ReadableStream<Uint8Array> | MessageSource;
  /** Aborting it closes the connection; `abort()` uses it. */
  controller?: AbortController | undefined;
  /**
   * The caller's signal: aborting it, even before the first read, closes the body and ends the
   * loop with `APIUserAbortError` (or {@link EventStreamInit.abortReason}'s error).
   */
  signal?: AbortSignal | undefined;
  /** The raw fetch `Response`, when the stream came from a request. */
  response?: globalThis.Response | undefined;
  /** The server's `x-request-id`. */
  requestId?: string | undefined;
  /** Longest gap, in ms, between two chunks before the stream fails with `APITimeoutError`. */
  idleTimeout?: number | undefined;
  /** The error to throw when the connection was aborted from outside (a user's signal). */
  abortReason?: (() => ResponsesError) | undefined;
  /** Called once when the stream ends, however it ends: with the error it failed with, if any. */
  onEnd?: ((failure: ResponsesError | undefined) => void) | undefined;
  /**
   * Takes the client's secrets out of an error the stream builds from what the server sent (an
   * `error` event, a failed response), before it is thrown; given by the transport.
   */
  redact?: (<E>(error: E) => Promise<E>) | undefined;
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
  #over = false;

  /** A stream over `init.body`; nothing is read until it is iterated. */
  constructor(init: EventStreamInit) {
    this.init = init;
    this.#controller = init.controller ?? new AbortController();
    this.response = init.response;
    this.requestId = init.requestId;
    this.#ended = new Promise((resolve) => {
      this.#markEnded = resolve;
    });
    const { signal } = init;
    if (signal) {
      const stop = () => this.#controller.abort();
      if (signal.aborted) stop();
      else {
        signal.addEventListener('abort', stop, { once: true });
        this.#ended.then(() => signal.removeEventListener('abort', stop));
      }
    }
  }

  /** Turns one SSE message into an event (or several), or says to skip it or that the stream is over. */
  protected abstract decode(message: EventSourceMessage): Decoded<Event>;
  /** Sees every event before it is yielded; returns `true` for an event that ends the stream. */
  protected abstract observe(event: Event): boolean;
  /** Whether the events so far make a complete stream; if not, the end is a {@link StreamError}. */
  protected abstract isComplete(): boolean;
  /** The error for a body that ends before the stream is complete: a `StreamError` that says so. */
  protected abstract incomplete(): Promise<ResponsesError>;

  /**
   * A new body that carries on where a dropped connection left off, or `undefined` when the
   * stream cannot be resumed. Called when the body breaks or ends before the stream is complete.
   */
  protected reconnect(): Promise<ReadableStream<Uint8Array> | undefined> {
    return Promise.resolve(undefined);
  }

  /** The events as SSE bytes, in canonical form, for a server route to relay (it consumes the stream). */
  abstract toReadableStream(): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array>;

  /**
   * The events as a web `Response` carrying their SSE bytes, for a route handler (Next.js, Hono,
   * Bun, Deno, workers) to return as is: `content-type: text/event-stream` and
   * `cache-control: no-cache`, with `init` laid over them (its headers win). It consumes the
   * stream; when the response's reader goes away (the client disconnected), the upstream
   * request is aborted.
   */
  toResponse(init?: ResponseInit): globalThis.Response {
    return sseResponse(this.toReadableStream(), init);
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

  /**
   * The end of the iteration: with no `cause`, complete; else the error it ends with, the client's
   * secrets taken out: the stream's own when the body ended too soon, else what
   * `streamFailure` (loaded then) says; none when the caller aborted (the loop ends quietly).
   * Only the first end counts.
   */
  async #end(cause?: unknown): Promise<ResponsesError | undefined> {
    let failure: ResponsesError | undefined;
    if (cause !== undefined && !this.#abortedByCaller) {
      const { init } = this;
      try {
        const aborted = this.#controller.signal.aborted;
        failure = await (init.redact ?? identity)(
          cause === incomplete && !aborted
            ? await this.incomplete()
            : (await import('./stream-failure.js')).streamFailure(cause, init, aborted),
        );
      } catch (error) {
        // The words or the redactor failed to load: that is what the stream failed with.
        failure = error as ResponsesError;
      }
    }
    if (!this.#over) {
      this.#over = true;
      this.#failure = failure;
      this.init.onEnd?.(failure);
      this.#markEnded();
    }
    return failure;
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
        decode: (message) => this.decode(message),
        observe: (event) => this.observe(event),
        isComplete: () => this.isComplete(),
        reconnect: () => this.reconnect(),
        end: (cause) => this.#end(cause),
      },
      init.body,
    );
  }
}
