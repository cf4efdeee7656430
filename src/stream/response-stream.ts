import { APITimeoutError, APIUserAbortError, type ResponsesError, StreamError } from '../errors.js';
import type { Response, ResponseStreamEvent } from '../schemas/index.js';
import { isTerminalEvent, ResponseAccumulator } from './accumulate.js';
import { decodeResponseEvent, done, type EventDecoding } from './decode-event.js';
import { readSSE } from './sse.js';

/** What a {@link ResponseStream} is built from. */
export interface ResponseStreamInit {
  /** The `text/event-stream` body. */
  body: ReadableStream<Uint8Array>;
  /** The dialect's normalizer and the validation policy; default: canonical, validated. */
  decoding?: EventDecoding | undefined;
  /** Aborting it closes the connection; `abort()` uses it. */
  controller?: AbortController | undefined;
  /** The raw fetch `Response`, when the stream came from a request. */
  response?: globalThis.Response | undefined;
  /** The server's `x-request-id`. */
  requestId?: string | undefined;
  /** Longest gap, in ms, between two chunks before the stream fails with `APITimeoutError`. */
  idleTimeout?: number | undefined;
  /** The error to throw when the connection was aborted (a user's signal, or the idle timeout). */
  abortReason?: (() => ResponsesError) | undefined;
  /** Called once when the stream ends, however it ends. */
  onEnd?: (() => void) | undefined;
}

const canonical: EventDecoding = { normalize: (event) => event, validate: true };

/**
 * A streamed response: iterate it with `for await` to get typed events as they arrive. One
 * consumer only; `break` or {@link ResponseStream.abort} closes the connection.
 */
export class ResponseStream implements AsyncIterable<ResponseStreamEvent> {
  /** The raw fetch `Response`, when the stream came from a request. */
  readonly response: globalThis.Response | undefined;
  /** The server's `x-request-id`, when it sent one. */
  readonly requestId: string | undefined;
  /** The `sequence_number` of the last event received; pass it as `starting_after` to resume. */
  lastSequenceNumber: number | undefined;

  readonly #init: ResponseStreamInit;
  readonly #controller: AbortController;
  readonly #accumulator = new ResponseAccumulator();
  readonly #ended: Promise<void>;
  #markEnded: () => void = () => {};
  #iterated = false;
  #abortedByCaller = false;
  #idle = false;
  #terminal: ResponseStreamEvent | undefined;
  #failure: unknown;

  constructor(init: ResponseStreamInit) {
    this.#init = init;
    this.#controller = init.controller ?? new AbortController();
    this.response = init.response;
    this.requestId = init.requestId;
    this.#ended = new Promise((resolve) => {
      this.#markEnded = resolve;
    });
  }

  /** Stops reading and closes the connection; a `for await` over the stream ends quietly. */
  abort(): void {
    this.#abortedByCaller = true;
    this.#controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<ResponseStreamEvent> {
    if (this.#iterated) {
      throw new StreamError(
        'This stream has already been iterated: a ResponseStream has one consumer.',
      );
    }
    this.#iterated = true;
    return this.#events();
  }

  /** Only the text deltas, as strings: `for await (const text of stream.textDeltas())`. */
  async *textDeltas(): AsyncGenerator<string, void, undefined> {
    for await (const event of this) {
      if (event.type !== 'response.output_text.delta') continue;
      const delta = (event as Record<string, unknown>).delta;
      if (typeof delta === 'string') yield delta;
    }
  }

  /**
   * The response rebuilt from the events, once the stream has ended (reading the rest of it when
   * nobody iterates it). Rejects with {@link StreamError} when the response failed or the stream
   * broke off, and with `APIUserAbortError` when it was aborted first.
   */
  async finalResponse(): Promise<Response> {
    if (!this.#iterated) {
      const drain = async () => {
        for await (const _ of this);
      };
      await drain().catch(() => {});
    }
    await this.#ended;
    if (this.#failure !== undefined) throw this.#failure;
    const terminal = this.#terminal as Record<string, unknown> | undefined;
    if (!terminal) {
      if (this.#abortedByCaller)
        throw new APIUserAbortError('The stream was aborted before it ended.');
      throw new StreamError('The stream was left before its terminal event arrived.');
    }
    if (terminal.type === 'response.failed') {
      const error = (
        terminal.response as { error?: { message?: string; code?: string } } | undefined
      )?.error;
      throw new StreamError(error?.message ?? 'The response failed.', {
        code: error?.code,
        event: terminal,
      });
    }
    const response = this.#accumulator.result();
    if (!response) throw new StreamError('The stream ended without a response object.');
    return response;
  }

  async *#events(): AsyncGenerator<ResponseStreamEvent, void, undefined> {
    const init = this.#init;
    const decoding = init.decoding ?? canonical;
    const messages = readSSE(init.body, {
      signal: this.#controller.signal,
      idleTimeout: init.idleTimeout,
      onIdle: () => {
        this.#idle = true;
        this.#controller.abort();
      },
    });
    try {
      for await (const message of messages) {
        const event = decodeResponseEvent(message, decoding);
        if (event === done) break;
        const sequence = (event as { sequence_number?: unknown }).sequence_number;
        if (typeof sequence === 'number') this.lastSequenceNumber = sequence;
        this.#accumulator.add(event);
        if (isTerminalEvent(event.type)) this.#terminal = event;
        yield event;
      }
      if (!this.#terminal) {
        if (this.#controller.signal.aborted) throw this.#controller.signal.reason;
        throw new StreamError(
          'The stream ended before a terminal event (response.completed, response.incomplete or response.failed).',
        );
      }
    } catch (error) {
      if (this.#abortedByCaller) return;
      this.#failure = this.#idle
        ? new APITimeoutError(`The stream sent nothing for ${init.idleTimeout} ms.`)
        : this.#controller.signal.aborted
          ? (init.abortReason?.() ?? new APIUserAbortError())
          : error;
      throw this.#failure;
    } finally {
      await messages.return();
      init.onEnd?.();
      this.#markEnded();
    }
  }
}
