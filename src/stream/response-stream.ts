import type { ResponsesError, StreamError } from '../errors.js';
import { asIndex, isObject } from '../json.js';
import { parseStreamEvent } from '../schemas/validation.js';
import type { Response, ResponseStreamEvent, WireObject } from '../types/index.js';
import { decodeResponseEvent, type EventDecoding, isTerminal } from './decode-event.js';
import { end, skip } from './event-iterator.js';
import { EventStream, type EventStreamInit } from './event-stream.js';
import { withOutputText } from './output-text.js';
import { relayStream } from './relay-stream.js';
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

/** What a stream's events have in common, whatever their kind: a type. */
export interface EventWithType {
  /** The event's type, such as `response.output_text.delta` or `tool_call.completed`. */
  type: unknown;
}

const canonical: EventDecoding = { normalize: (event) => event, validate: parseStreamEvent };
const identity = <T>(value: T): T => value;

/**
 * A streamed response: iterate it with `for await` to get typed events as they arrive. One
 * consumer only; `break` or {@link ResponseStream.abort} closes the connection.
 *
 * It keeps no state per delta: the final response is the one the terminal event carries. Until
 * that event comes, it holds the items of `response.output_item.done` events (references, no
 * copies), for a terminal response that comes with an empty `output` (some proxies, and
 * ChatGPT's Responses endpoint, send one); a sparse server's dialect rebuilds the output in its
 * normalizer (see `sparseEvents`).
 */
export class ResponseStream<
  Event extends EventWithType = ResponseStreamEvent,
> extends EventStream<Event> {
  /** The `sequence_number` of the last event received; pass it as `starting_after` to resume. */
  lastSequenceNumber: number | undefined;

  readonly #init: ResponseStreamInit;
  readonly #decoding: EventDecoding;
  #terminal: WireObject | undefined;
  /** The items of `response.output_item.done` events by `output_index`, until the terminal event. */
  #doneItems: WireObject[] | undefined = [];
  #responseId: string | undefined;
  #resumes = 0;

  /** `The stream ended before a terminal event (…)`: its words load then. */
  protected incomplete(): Promise<ResponsesError> {
    return import('./final-errors.js').then((m) => m.endedTooSoon());
  }

  /**
   * A stream of the events in `init.body`, normalized and checked as `init.decoding` says
   * (default: canonical events, validated). `create({ stream: true })` and
   * {@link ResponseStream.fromReadableStream} make one for you.
   */
  constructor(init: ResponseStreamInit) {
    super(init);
    this.#init = init;
    this.#responseId = init.responseId;
    this.#decoding = init.decoding ?? canonical;
  }

  protected decode(
    message: EventSourceMessage,
  ): Event | readonly Event[] | typeof end | typeof skip {
    // Typed as the stream says: a relayed turn's own events (`tool_call.*`) pass as they came.
    const event = decodeResponseEvent(message, this.#decoding) as
      | Event
      | readonly Event[]
      | typeof end;
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

  /** Notes what the final response needs; `response.completed`, `incomplete` and `failed` end the stream. */
  protected observe(event: Event): boolean {
    const e = event as WireObject;
    if (typeof e.sequence_number === 'number') this.lastSequenceNumber = e.sequence_number;
    const type = e.type;
    if (type === 'response.output_item.done') {
      if (this.#doneItems && isObject(e.item))
        this.#doneItems[asIndex(e.output_index) ?? this.#doneItems.length] = e.item;
      return false;
    }
    const response = e.response;
    if (this.#responseId === undefined && isObject(response) && typeof response.id === 'string')
      this.#responseId = response.id;
    if (!isTerminal(type)) return false;
    this.#terminal = e;
    // A terminal response that carries its output makes the items held so far useless.
    if (isObject(response) && Array.isArray(response.output) && response.output.length > 0)
      this.#doneItems = undefined;
    return true;
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
   * Rebuilds a stream from SSE bytes relayed by {@link ResponseStream.toResponse}: the browser
   * side of a relay. Aborting `signal` (a Stop button), even before the first read, closes the
   * body and ends the loop with `APIUserAbortError`:
   * `ResponseStream.fromReadableStream((await fetch('/api/chat', { signal })).body, { signal })`.
   *
   * A relayed conversation turn (`chat.stream(input).toResponse()`) carries the tool loop's own
   * events too: name them, and they are typed, `fromReadableStream<ConversationEvent>(body)`
   * (the type says what the route sends; events of the loop pass as they came).
   */
  static fromReadableStream<Event extends EventWithType = ResponseStreamEvent>(
    body: ReadableStream<Uint8Array>,
    options: Omit<ResponseStreamInit, 'body'> = {},
  ): ResponseStream<Event> {
    return new ResponseStream<Event>({ ...options, body });
  }

  /**
   * The events as SSE bytes, in their canonical form, for a server route to send as is (see
   * {@link EventStream.toResponse} for a whole `Response`). It consumes the stream: iterate one
   * or the other. Cancelling it (the client went away) aborts the upstream request; it is
   * async-iterable too, so `pipeline(stream.toReadableStream(), res)` relays it from `node:http`.
   */
  toReadableStream(): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    // The relay's code loads on first use: most apps never relay a stream.
    const source = import('./relay.js').then((relay) =>
      relay.relaySource(iterator, relay.responseFrames),
    );
    return relayStream(source, () => this.abort());
  }

  /** Only the text deltas, as strings: `for await (const text of stream.textDeltas())`. */
  async *textDeltas(): AsyncGenerator<string, void, undefined> {
    for await (const event of this as AsyncIterable<ResponseStreamEvent>) {
      // A delta is a string once checked; unchecked (`validateResponses: false`), only strings go out.
      if (event.type === 'response.output_text.delta' && typeof event.delta === 'string')
        yield event.delta;
    }
  }

  /**
   * The response the terminal event carries, once the stream has ended (reading the rest of it
   * when nobody iterates it), with `output_text`. When that response came with an empty `output`,
   * the items of the `response.output_item.done` events stand in. Rejects with
   * {@link StreamError} when the response failed or the stream broke off, and with
   * `APIUserAbortError` when it was aborted first.
   */
  async finalResponse(): Promise<Response> {
    await this.settled();
    const terminal = this.#terminal;
    const response = isObject(terminal?.response) ? terminal.response : undefined;
    const done = (this.#doneItems ?? []).filter((item) => item !== undefined);
    if (!terminal || terminal.type === 'response.failed' || (!response && done.length === 0)) {
      // The words of each case load only then; what the server said goes through the redactor.
      const { noFinalResponse } = await import('./final-errors.js');
      throw await (this.init.redact ?? identity)(
        noFinalResponse(terminal, response, this.abortedByCaller),
      );
    }
    const output =
      Array.isArray(response?.output) && response.output.length > 0 ? response.output : done;
    return withOutputText({ ...response, output }) as unknown as Response;
  }
}
