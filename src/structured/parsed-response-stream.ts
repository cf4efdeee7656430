/**
 * The stream of `responses.parse({ …, stream: true })`: a {@link ResponseStream} whose final
 * response is parsed by the request's text format and tools, and whose structured output can be
 * read as it grows (`partialOutput()`).
 */
import { ResponseStream, type ResponseStreamInit } from '../stream/response-stream.js';
import type { ResponseFunctionToolCall } from '../types/index.js';
import { type ParseSource, parseOutput } from './parse-output.js';
import type { ParsedResponse } from './parsed-response.js';
import type { DeepPartial } from './partial-output.js';

/**
 * A {@link ResponseStream} of `responses.parse()`: the same events, a final response whose
 * `output_parsed` is the model's JSON parsed by the text format's schema (calls to `zodFunction`
 * tools with `parsed_arguments`), and `partialOutput()`, that JSON as it grows.
 */
export class ParsedResponseStream<
  T = unknown,
  Call extends ResponseFunctionToolCall = ResponseFunctionToolCall,
> extends ResponseStream {
  /** The request's text format and tools, which say how the output is parsed. */
  readonly #source: ParseSource;
  #parsed: Promise<ParsedResponse<T, Call>> | undefined;

  /** @internal `responses.parse({ stream: true })` makes one (see {@link ParsedResponseStream.of}). */
  constructor(init: ResponseStreamInit, source: ParseSource) {
    super(init);
    this.#source = source;
  }

  /**
   * @internal The parsed stream of the stream `responses.create()` opened, before anything read
   * it: built from the same init (body, controller, decoding, resume…), so it reads the same
   * connection, and the stream given is left unread.
   */
  static of<T, Call extends ResponseFunctionToolCall>(
    stream: ResponseStream,
    source: ParseSource,
  ): ParsedResponseStream<T, Call> {
    // `init` is the ResponseStreamInit the stream was built from (EventStream keeps it).
    const init = (stream as ParsedResponseStream<T, Call>).init as ResponseStreamInit;
    return new ParsedResponseStream<T, Call>(init, source);
  }

  /**
   * The response the terminal event carries (see {@link ResponseStream.finalResponse}), its
   * output parsed: `output_parsed` typed `T` (`null` when the model refused). Output that is
   * not JSON, or does not match the schema, rejects with a `ResponseValidationError`.
   */
  override finalResponse(): Promise<ParsedResponse<T, Call>> {
    this.#parsed ??= super
      .finalResponse()
      .then((response) => parseOutput<T>(response, this.#source) as ParsedResponse<T, Call>);
    return this.#parsed;
  }

  /**
   * The structured output as it is written: a snapshot each time a text delta changes the JSON
   * value, each a valid prefix of the final value, in which a field never changes type (strings
   * grow; numbers, booleans and `null` show once whole). Snapshots share what did not change
   * and are never changed afterwards, so a UI can compare them by reference. The last one is the
   * whole value, and the loop then ends as `finalResponse()` does: a `ResponseValidationError`
   * when the output is not JSON or does not match the schema. Like iterating the stream, it
   * consumes it (one or the other); `finalResponse()` still works after it.
   *
   * @example
   * for await (const recipe of stream.partialOutput()) render(recipe.title ?? '', recipe.steps ?? []);
   */
  async *partialOutput(): AsyncGenerator<DeepPartial<T>, void, undefined> {
    // The parser loads on first use: most parsed streams never ask for it.
    const { partialSnapshots } = await import('./partial-output.js');
    yield* partialSnapshots(this) as AsyncGenerator<DeepPartial<T>, void, undefined>;
    await this.finalResponse();
  }
}
