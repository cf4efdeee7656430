import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ResponsesError,
  StreamError,
} from '../errors.js';
import { type EventSourceMessage, SSEReader } from './sse.js';

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

/** Tells the iterator to skip an SSE message (a keep-alive, say). */
export const skip = Symbol('skip');
/** Tells the iterator that the stream is over (`[DONE]`). */
export const end = Symbol('end');

/**
 * The machinery every stream shares: SSE messages decoded one by one into typed events as soon as
 * their last byte arrives, one consumer, `abort()`, an idle timeout, and an end that is never
 * silent. Subclasses say how a message is decoded and when a stream is complete.
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
  #idle = false;
  #failure: unknown;

  constructor(init: EventStreamInit) {
    this.init = init;
    this.#controller = init.controller ?? new AbortController();
    this.response = init.response;
    this.requestId = init.requestId;
    this.#ended = new Promise((resolve) => {
      this.#markEnded = resolve;
    });
  }

  /** Turns one SSE message into an event, or says to skip it or that the stream is over. */
  protected abstract decode(
    message: EventSourceMessage,
  ): Event | readonly Event[] | typeof skip | typeof end;
  /** Sees every event before it is yielded (to accumulate, or to note a terminal event). */
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

  [Symbol.asyncIterator](): AsyncIterator<Event> {
    if (this.#iterated) {
      throw new StreamError('This stream has already been iterated: a stream has one consumer.');
    }
    this.#iterated = true;
    const open = (body: ReadableStream<Uint8Array>) =>
      new SSEReader(body, {
        signal: this.#controller.signal,
        idleTimeout: this.init.idleTimeout,
        onIdle: () => {
          this.#idle = true;
          this.#controller.abort();
        },
      });
    let reader = open(this.init.body);
    /** Swaps in a resumed body after a drop; false when there is none, or the caller stopped. */
    const reopen = async (): Promise<boolean> => {
      if (this.#controller.signal.aborted) return false;
      const body = await this.reconnect();
      if (!body || this.#controller.signal.aborted) return false;
      reader.cancel();
      reader = open(body);
      return true;
    };
    let finished = false;
    const finish = (): IteratorReturnResult<undefined> => {
      if (!finished) {
        finished = true;
        reader.cancel();
        this.init.onEnd?.();
        this.#markEnded();
      }
      return { done: true, value: undefined };
    };
    /** Records why the stream failed, ends it, and returns the error to throw. */
    const fail = (error: unknown): unknown => {
      this.#failure = this.#idle
        ? new APITimeoutError(`The stream sent nothing for ${this.init.idleTimeout} ms.`)
        : this.#controller.signal.aborted
          ? (this.init.abortReason?.() ?? new APIUserAbortError())
          : error instanceof ResponsesError
            ? error
            : new APIConnectionError('The connection broke while the stream was being read.', {
                cause: error,
              });
      finish();
      return this.#failure;
    };
    /** The next decoded event among the messages already parsed, if any. */
    /** Events a message decoded into beyond its first, yielded before the next message. */
    let pending: readonly Event[] = [];
    let next = 0;
    const emit = (event: Event): IteratorResult<Event> => {
      this.observe(event);
      return { done: false, value: event };
    };
    const step = (): IteratorResult<Event> | undefined => {
      if (next < pending.length) return emit(pending[next++] as Event);
      for (let message = reader.take(); message !== undefined; message = reader.take()) {
        const event = this.decode(message);
        if (event === skip) continue;
        // `[DONE]` ends a stream like the end of its body: before a terminal event, that is an error.
        if (event === end) return atEnd();
        if (!Array.isArray(event)) return emit(event as Event);
        if (event.length === 0) continue;
        pending = event;
        next = 1;
        return emit(event[0] as Event);
      }
      return undefined;
    };
    const atEnd = (): IteratorResult<Event> => {
      if (this.#abortedByCaller) return finish();
      if (this.#controller.signal.aborted || !this.isComplete())
        throw fail(new StreamError(this.incompleteMessage));
      return finish();
    };
    const slow = async (): Promise<IteratorResult<Event>> => {
      try {
        for (;;) {
          const result = step();
          if (result) return result;
          if (finished) return { done: true, value: undefined };
          let more: boolean;
          try {
            more = await reader.fill();
          } catch (error) {
            if (await reopen()) continue;
            throw error;
          }
          if (more) continue;
          const last = step();
          if (last) return last;
          if (!this.isComplete() && (await reopen())) continue;
          return atEnd();
        }
      } catch (error) {
        if (this.#abortedByCaller) return finish();
        throw fail(error);
      }
    };
    return {
      next: () => {
        if (finished) return Promise.resolve({ done: true, value: undefined });
        try {
          const result = step();
          if (result) return Promise.resolve(result);
        } catch (error) {
          if (this.#abortedByCaller) return Promise.resolve(finish());
          return Promise.reject(fail(error));
        }
        return slow();
      },
      return: () => Promise.resolve(finish()),
    };
  }
}
