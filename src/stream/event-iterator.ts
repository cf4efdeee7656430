import type { ResponsesError } from '../errors.js';
import type { MessageSource } from './message-source.js';
import { type EventSourceMessage, SSEReader } from './sse.js';

/** Tells the iterator to skip an SSE message (a keep-alive, say). */
export const skip = Symbol('skip');
/** Tells the iterator that the stream is over (`[DONE]`). */
export const end = Symbol('end');

/** What one SSE message decodes to: an event, several, nothing ({@link skip}) or the end ({@link end}). */
export type Decoded<Event> = Event | readonly Event[] | typeof skip | typeof end;

/** What stopped an iteration, besides a thrown error: the body ended (or said `[DONE]`) too soon. */
export const incomplete = Symbol('incomplete');
/** What stopped an iteration, besides a thrown error: no chunk came for the idle timeout. */
export const idle = Symbol('idle');

/** What an {@link EventIterator} asks of the stream it reads. */
export interface IteratedStream<Event> {
  /** Aborting it stops reading and closes the connection. */
  readonly controller: AbortController;
  /** Longest gap, in ms, between two chunks before the stream fails with `APITimeoutError`. */
  readonly idleTimeout: number | undefined;
  /** Turns one SSE message into what it decodes to. */
  decode(message: EventSourceMessage): Decoded<Event>;
  /** Sees every event before it is yielded; `true` when the event ends the stream (a terminal event). */
  observe(event: Event): boolean;
  /** Whether the events so far make a complete stream. */
  isComplete(): boolean;
  /** A body that carries on after a drop, or `undefined` when the stream cannot be resumed. */
  reconnect(): Promise<ReadableStream<Uint8Array> | undefined>;
  /**
   * The iteration is over (the body is closed): with no `cause`, complete; else what stopped it
   * ({@link incomplete}, {@link idle}, or what was thrown). Resolves to the error the loop throws, its secrets taken
   * out, or `undefined` when it ends quietly (the caller aborted). The stream counts only the
   * first end.
   */
  end(cause?: unknown): Promise<ResponsesError | undefined>;
}

const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });

/**
 * One pass over a stream's events. `next()` hands out an event as soon as the last byte of its
 * SSE message has arrived: when one is already parsed, it returns a resolved promise without
 * awaiting anything (the hot path: most chunks hold many events); otherwise it reads on. Every
 * failure, wherever it happens, goes through {@link EventIterator.fail}, the one error path.
 */
export class EventIterator<Event> implements AsyncIterator<Event> {
  readonly #stream: IteratedStream<Event>;
  #reader: MessageSource;
  /** Events a message decoded into beyond its first, yielded before the next message. */
  #pending: readonly Event[] = [];
  #at = 0;
  #finished = false;
  #idle = false;

  constructor(stream: IteratedStream<Event>, body: ReadableStream<Uint8Array> | MessageSource) {
    this.#stream = stream;
    this.#reader = 'take' in body ? body : this.#open(body);
  }

  next(): Promise<IteratorResult<Event>> {
    if (this.#finished) return Promise.resolve(done());
    try {
      const result = this.#take();
      if (result) return Promise.resolve(result);
    } catch (error) {
      return this.#fail(error);
    }
    return this.#read().catch((error: unknown) => this.#fail(error));
  }

  return(): Promise<IteratorResult<Event>> {
    this.#finish();
    return Promise.resolve(done());
  }

  /** The next event among the messages already parsed, or `undefined` when a chunk must be read. */
  #take(): IteratorResult<Event> | undefined {
    if (this.#at < this.#pending.length) return this.#emit(this.#pending[this.#at++] as Event);
    for (let message = this.#reader.take(); message !== undefined; message = this.#reader.take()) {
      const decoded = this.#stream.decode(message);
      if (decoded === skip) continue;
      if (decoded === end) return this.#atEnd();
      if (!Array.isArray(decoded)) return this.#emit(decoded as Event);
      if (decoded.length === 0) continue;
      this.#pending = decoded;
      this.#at = 1;
      return this.#emit(decoded[0] as Event);
    }
    return undefined;
  }

  /**
   * Hands out an event. A terminal event ends the stream there: the body is cancelled at once
   * (whatever the server sends next: silence, keep-alive comments, more events), the stream is
   * told it ended, and the next `next()` is the end of the iteration.
   */
  #emit(event: Event): IteratorResult<Event> {
    if (this.#stream.observe(event)) this.#finish();
    return { done: false, value: event };
  }

  /** Reads chunks until one completes an event, or the body ends. */
  async #read(): Promise<IteratorResult<Event>> {
    for (;;) {
      const more = await this.#fill();
      if (this.#finished) return done();
      const result = this.#take();
      if (result) return result;
      if (more) continue;
      // The body ended before a terminal event: carry on from a resumed one, if the stream can.
      if (!this.#stream.isComplete() && (await this.#resume())) continue;
      return this.#atEnd();
    }
  }

  /** Reads and parses the next chunk; `false` once the body has ended. A drop is resumed if it can be. */
  async #fill(): Promise<boolean> {
    try {
      return await this.#reader.fill();
    } catch (error) {
      if (await this.#resume()) return true;
      throw error;
    }
  }

  /** Swaps in a resumed body; `false` when there is none, or the stream was aborted. */
  async #resume(): Promise<boolean> {
    const { signal } = this.#stream.controller;
    if (signal.aborted) return false;
    const body = await this.#stream.reconnect();
    if (!body || signal.aborted) return false;
    this.#reader.cancel();
    this.#reader = this.#open(body);
    return true;
  }

  /** The end of the body, or `[DONE]`: the end of the iteration if the stream is complete. */
  #atEnd(): IteratorResult<Event> {
    if (this.#stream.controller.signal.aborted || !this.#stream.isComplete()) throw incomplete;
    this.#finish();
    return done();
  }

  /**
   * The one error path: the body is closed at once, and the stream says what the iteration ends
   * with (an idle body is {@link idle}, whatever the read threw then).
   */
  async #fail(error: unknown): Promise<IteratorResult<Event>> {
    this.#close();
    const failure = await this.#stream.end(this.#idle ? idle : error);
    if (failure) throw failure;
    return done();
  }

  /** Ends the iteration once, complete: closes the body and tells the stream. */
  #finish(): void {
    if (this.#close()) void this.#stream.end();
  }

  /** Stops reading and cancels the body, once; `true` the first time. */
  #close(): boolean {
    if (this.#finished) return false;
    this.#finished = true;
    this.#reader.cancel();
    return true;
  }

  #open(body: ReadableStream<Uint8Array>): SSEReader {
    const { controller, idleTimeout } = this.#stream;
    return new SSEReader(body, {
      signal: controller.signal,
      idleTimeout,
      onIdle: () => {
        this.#idle = true;
        controller.abort();
      },
    });
  }
}
