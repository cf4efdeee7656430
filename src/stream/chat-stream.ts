import { APIUserAbortError, StreamError } from '../errors.js';
import type { ChatCompletion, ChatCompletionChunk, WireObject } from '../types/index.js';
import { ChatCompletionAccumulator } from './chat-accumulate.js';
import { parseEventData, streamError } from './decode-event.js';
import { end } from './event-iterator.js';
import { EventStream, type EventStreamInit } from './event-stream.js';
import { chatFrames, relaySource } from './relay.js';
import { relayStream } from './relay-stream.js';
import type { EventSourceMessage } from './sse.js';

type Json = Record<string, unknown>;

/** What a {@link ChatCompletionStream} is built from. */
export interface ChatCompletionStreamInit extends EventStreamInit {
  /** Turns a server's chunk into the canonical (OpenAI) one. */
  normalize?: ((chunk: WireObject) => WireObject) | undefined;
  /** Checks a chunk; throws `ResponseValidationError`. Off when absent. */
  validate?: ((chunk: WireObject) => ChatCompletionChunk) | undefined;
}

/**
 * A streamed chat completion: `for await` over its chunks, as OpenAI sends them (`data:` lines
 * ending in `[DONE]`) or as `event: chunk` lines (Karta). Ends at `[DONE]`, or with a finish
 * reason when a server sends no `[DONE]`; anything else is a {@link StreamError}, as is an
 * `{ error }` chunk.
 */
export class ChatCompletionStream extends EventStream<ChatCompletionChunk> {
  readonly #normalize: (chunk: Json) => Json;
  readonly #validate: ((chunk: Json) => ChatCompletionChunk) | undefined;
  readonly #accumulator = new ChatCompletionAccumulator();
  #done = false;

  protected incomplete(): Promise<StreamError> {
    return Promise.resolve(
      new StreamError('The chat completion stream ended before [DONE] or a finish reason.'),
    );
  }

  /**
   * A stream of the chunks in `init.body`, normalized and checked as `init` says.
   * `chat.completions.create({ stream: true })` makes one for you.
   */
  constructor(init: ChatCompletionStreamInit) {
    super(init);
    this.#normalize = init.normalize ?? ((chunk) => chunk);
    this.#validate = init.validate;
  }

  /**
   * Rebuilds a stream from SSE bytes (a relayed chat completion stream). Aborting `signal`
   * closes the body and ends the loop with `APIUserAbortError`.
   */
  static fromReadableStream(
    body: ReadableStream<Uint8Array>,
    options: Omit<ChatCompletionStreamInit, 'body'> = {},
  ): ChatCompletionStream {
    return new ChatCompletionStream({ ...options, body });
  }

  protected decode(message: EventSourceMessage): ChatCompletionChunk | typeof end {
    if (message.event === '[DONE]') {
      this.#done = true;
      return end;
    }
    const json = parseEventData(message);
    if (json === end) {
      this.#done = true;
      return end;
    }
    // Normalized first: a dialect may say that a chunk of its server is an error (OpenRouter's).
    const chunk = this.#normalize(json);
    if (chunk.error !== undefined && chunk.choices === undefined) throw streamError(chunk, json);
    return this.#validate ? this.#validate(chunk) : (chunk as ChatCompletionChunk);
  }

  /** A chunk never ends the stream: servers send usage after the finish reason; only `[DONE]` ends it. */
  protected observe(chunk: ChatCompletionChunk): boolean {
    this.#accumulator.add(chunk);
    return false;
  }

  protected isComplete(): boolean {
    return this.#done || this.#accumulator.finished;
  }

  /**
   * The chunks as SSE bytes (`data:` lines ending in `data: [DONE]`), in canonical form, for a
   * server route to relay as is; `ChatCompletionStream.fromReadableStream` reads them back. It
   * consumes the stream: iterate one or the other. Cancelling it aborts the upstream request.
   */
  toReadableStream(): ReadableStream<Uint8Array> & AsyncIterable<Uint8Array> {
    const source = relaySource(this[Symbol.asyncIterator](), chatFrames);
    return relayStream(Promise.resolve(source), () => this.abort());
  }

  /** Only the content deltas of the first choice, as strings. */
  async *textDeltas(): AsyncGenerator<string, void, undefined> {
    for await (const chunk of this) {
      const content = (chunk.choices[0] as { delta?: { content?: unknown } } | undefined)?.delta
        ?.content;
      if (typeof content === 'string' && content) yield content;
    }
  }

  /** The completion rebuilt from the chunks, once the stream has ended (reading the rest of it when nobody iterates it). */
  async finalChatCompletion(): Promise<ChatCompletion> {
    await this.settled();
    if (this.abortedByCaller && !this.isComplete())
      throw new APIUserAbortError('The stream was aborted before it ended.');
    if (!this.isComplete())
      throw new StreamError('The stream was left before the completion ended.');
    return this.#accumulator.result();
  }
}
