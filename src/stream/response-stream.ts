import { APIUserAbortError, StreamError } from '../errors.js';
import { parseStreamEvent } from '../schemas/validation.js';
import type { Response, ResponseStreamEvent } from '../types/index.js';
import { isTerminalEvent, ResponseAccumulator } from './accumulate.js';
import { decodeResponseEvent, type EventDecoding } from './decode-event.js';
import { EventStream, type EventStreamInit, end, skip } from './event-stream.js';
import { eventsToReadableStream, responseFrames } from './relay.js';
import type { EventSourceMessage } from './sse.js';

/** What a {@link ResponseStream} is built from. */
export interface ResponseStreamInit extends EventStreamInit {
  /** The dialect's normalizer and the validation policy; default: canonical, validated. */
  decoding?: EventDecoding | undefined;
  /**
   * Re-opens the stream of a background response after `startingAfter` (its `retrieve` with
   * `stream: true`), used when the connection drops before a terminal event. Off when absent.
   */
  resume?:
    | ((responseId: string, startingAfter: number) => Promise<ReadableStream<Uint8Array>>)
    | undefined;
  /** How many times a dropped stream is resumed at most. Default 3. */
  maxResumes?: number | undefined;
  /** The response's id, when known before its first event (a stream resumed by `retrieve`). */
  responseId?: string | undefined;
}

const canonical: EventDecoding = { normalize: (event) => event, validate: parseStreamEvent };

/**
 * A streamed response: iterate it with `for await` to get typed events as they arrive. One
 * consumer only; `break` or {@link ResponseStream.abort} closes the connection.
 */
export class ResponseStream extends EventStream<ResponseStreamEvent> {
  /** The `sequence_number` of the last event received; pass it as `starting_after` to resume. */
  lastSequenceNumber: number | undefined;

  readonly #init: ResponseStreamInit;
  readonly #decoding: EventDecoding;
  readonly #accumulator = new ResponseAccumulator();
  #terminal: ResponseStreamEvent | undefined;
  #responseId: string | undefined;
  #resumes = 0;

  protected readonly incompleteMessage =
    'The stream ended before a terminal event (response.completed, response.incomplete or response.failed).';

  constructor(init: ResponseStreamInit) {
    super(init);
    this.#init = init;
    this.#responseId = init.responseId;
    this.#decoding = init.decoding ?? canonical;
  }

  protected decode(
    message: EventSourceMessage,
  ): ResponseStreamEvent | readonly ResponseStreamEvent[] | typeof end | typeof skip {
    const event = decodeResponseEvent(message, this.#decoding);
    // After a resume, what the server sends again is what was already yielded.
    if (
      event !== end &&
      this.#resumes > 0 &&
      this.lastSequenceNumber !== undefined &&
      !Array.isArray(event)
    ) {
      const sequence = (event as { sequence_number?: unknown }).sequence_number;
      if (typeof sequence === 'number' && sequence <= this.lastSequenceNumber) return skip;
    }
    return event;
  }

  protected observe(event: ResponseStreamEvent): void {
    const e = event as { sequence_number?: unknown; response?: { id?: unknown } };
    if (typeof e.sequence_number === 'number') this.lastSequenceNumber = e.sequence_number;
    if (this.#responseId === undefined && typeof e.response?.id === 'string')
      this.#responseId = e.response.id;
    this.#accumulator.add(event);
    if (isTerminalEvent(event.type as string)) this.#terminal = event;
  }

  protected isComplete(): boolean {
    return this.#terminal !== undefined;
  }

  protected override async reconnect(): Promise<ReadableStream<Uint8Array> | undefined> {
    const { resume, maxResumes = 3 } = this.#init;
    const id = this.#responseId;
    const after = this.lastSequenceNumber;
    if (!resume || id === undefined || after === undefined || this.#resumes >= maxResumes)
      return undefined;
    this.#resumes += 1;
    return resume(id, after);
  }

  /**
   * Rebuilds a stream from SSE bytes relayed by {@link ResponseStream.toReadableStream}: the
   * browser side of a relay, e.g. `ResponseStream.fromReadableStream((await fetch('/api/chat')).body)`.
   */
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options: Omit<ResponseStreamInit, 'body'> = {},
  ): ResponseStream {
    return new ResponseStream({ ...options, body });
  }

  /**
   * The events as SSE bytes, in their canonical form, for a server route to return as is
   * (`new Response(stream.toReadableStream(), { headers: { 'content-type': 'text/event-stream' } })`).
   * It consumes the stream: iterate one or the other.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    return eventsToReadableStream(this, responseFrames);
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
    await this.settled();
    const terminal = this.#terminal as Record<string, unknown> | undefined;
    if (!terminal) {
      if (this.abortedByCaller)
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
}
