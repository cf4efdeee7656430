import { APIUserAbortError, type ResponsesError, StreamError } from '../errors.js';
import { type Decoded, EventIterator } from './event-iterator.js';
import type { MessageSource } from './message-source.js';
import type { EventSourceMessage } from './sse.js';

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
  /** Called once when the stream ends, however it ends. */
  onEnd?: (() => void) | undefined;
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
        incomplete: () => this.incomplete(),
        decode: (message) => this.decode(message),
        observe: (event) => this.observe(event),
        isComplete: () => this.isComplete(),
        reconnect: () => this.reconnect(),
        abortedByCaller: () => this.#abortedByCaller,
        abortReason: () => init.abortReason?.() ?? new APIUserAbortError(),
        redact: async (error) => (init.redact ? init.redact(error) : error),
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

/** SSE bytes as a web `Response`: `text/event-stream`, `no-cache`, with `init` laid over them. */
export function sseResponse(
  body: ReadableStream<Uint8Array>,
  init: ResponseInit = {},
): globalThis.Response {
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'text/event-stream');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
  return new Response(body, { ...init, headers });
}

/**
 * A byte stream over a relay source that may load later (`import()` on first use), with
 * `for await` in every runtime (Safari's streams lack it), so that `stream/promises.pipeline`
 * takes it as is. Cancelling it calls `abort`, which aborts the upstream request.
 */
export function relayStream(
  source: Promise<UnderlyingDefaultSource<Uint8Array>>,
  abort: () => void,
): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>({
    pull: async (controller) => (await source).pull?.(controller),
    cancel: async (reason) => {
      const cancelled = (await source).cancel?.(reason);
      abort();
      await cancelled;
    },
  });
  if (!(Symbol.asyncIterator in stream))
    Object.defineProperty(stream, Symbol.asyncIterator, { value: () => chunksOf(stream) });
  return stream as ReadableStream<Uint8Array> & AsyncIterable<Uint8Array>;
}

/** Reads a byte stream chunk by chunk; leaving early cancels it. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    await reader.cancel();
  }
}
