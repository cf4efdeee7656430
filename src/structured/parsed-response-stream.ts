/**
 * The stream of `responses.parse({ …, stream: true })`: a {@link ResponseStream} whose final
 * response is parsed by the request's text format and tools.
 */
import { ResponseStream, type ResponseStreamInit } from '../stream/response-stream.js';
import type { ResponseFunctionToolCall } from '../types/index.js';
import { type ParseSource, parseOutput } from './parse-output.js';
import type { ParsedResponse } from './parsed-response.js';

/**
 * A {@link ResponseStream} of `responses.parse()`: the same events, and a final response whose
 * `output_parsed` is the model's JSON parsed by the text format's schema (calls to `zodFunction`
 * tools with `parsed_arguments`).
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
}
