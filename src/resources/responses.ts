import type {
  ParsedCallsOf,
  ParsedResponse,
  ParsedResponseStream,
  ZodTextFormat,
} from '../conversation/parsed-types.js';
import type { WireObject } from '../dialects/index.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import type {
  CompactedResponse,
  Response,
  ResponseCompactParams,
  ResponseCreateParams,
  ResponseDeleted,
  ResponseFormatTextConfig,
  ResponseRetrieveParams,
} from '../types/index.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { callJSON, callStream } from './call.js';
import { InputItems, InputTokens } from './input-items.js';
import { prepare } from './prepare.js';
import { type AnyDialect, below, openStream, parseResponse } from './response-parts.js';

/** What `responses.parse` reads in its params: a text format and tools that may carry zod schemas. */
export interface ParseParams<T, Tools extends readonly unknown[]> {
  /** The text settings; a {@link ZodTextFormat} as `format` types `output_parsed`. */
  text?:
    | {
        /** The format the model writes in: `zodTextFormat(schema, name)`, or a plain one. */
        format?: ZodTextFormat<T> | ResponseFormatTextConfig | undefined;
      }
    | null
    | undefined;
  /** The tools; those made by `zodFunction()` type the calls' `parsed_arguments`. */
  tools?: Tools | null | undefined;
}

/**
 * `client.responses`: create responses (unary or streamed), and, where the server stores them,
 * retrieve, resume, delete, cancel and compact them, list their input items and count tokens.
 */
export class Responses<Params = ResponseCreateParams> {
  /** `for await (const item of client.responses.inputItems.list(id))`: every input item. */
  readonly inputItems: InputItems;
  /** `client.responses.inputTokens.count(params)`: what a request would cost in input tokens. */
  readonly inputTokens: InputTokens;
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.responses`. */
  constructor(config: ClientConfig) {
    this.#config = config;
    this.inputItems = new InputItems(config);
    this.inputTokens = new InputTokens(config);
  }

  /**
   * Creates a response. With `stream: true` it resolves to a {@link ResponseStream} of typed
   * events; otherwise to the response, with `output_text` joined for you. The request is checked
   * against the API and the server's own rules before it is sent.
   */
  create(params: Params & { stream: true }, options?: RequestOptions): APIPromise<ResponseStream>;
  create(
    params: Params & { stream?: false | null | undefined },
    options?: RequestOptions,
  ): APIPromise<Response>;
  create(params: Params, options?: RequestOptions): APIPromise<Response | ResponseStream>;
  create(params: Params, options?: RequestOptions): APIPromise<Response | ResponseStream> {
    const config = this.#config;
    return this.#call<Response | ResponseStream>(async (dialect) => {
      const prepared = prepare(dialect, dialect.request, config.requestSchema, params, 'request');
      const request = {
        ...below(config, dialect),
        method: 'POST',
        body: prepared.body,
        headers: prepared.headers,
      } as const;
      const { stream, background } = params as { stream?: unknown; background?: unknown };
      if (!stream)
        return callJSON(config, request, options, (json) => parseResponse(config, dialect, json));
      // A dropped background stream resumes from its retrieve stream (loaded only when it does).
      const resume =
        options?.autoResume && background === true && dialect.features.retrieve
          ? (id: string, after: number) =>
              import('./stored.js').then((m) => m.resumeBody(config, dialect, options, id, after))
          : undefined;
      return callStream(config, request, options, (init) =>
        openStream(config, dialect, init, { resume }),
      );
    });
  }

  /** Retrieves a stored response; with `{ stream: true, starting_after }`, resumes its event stream. */
  retrieve(
    id: string,
    params: ResponseRetrieveParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<ResponseStream>;
  retrieve(
    id: string,
    params?: ResponseRetrieveParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): APIPromise<Response>;
  retrieve(
    id: string,
    params: ResponseRetrieveParams = {},
    options?: RequestOptions,
  ): APIPromise<Response | ResponseStream> {
    return this.#stored((m, dialect) =>
      m.retrieveResponse(this.#config, dialect, id, params, options),
    );
  }

  /** Deletes a stored response. */
  delete(id: string, options?: RequestOptions): APIPromise<ResponseDeleted> {
    return this.#stored((m, dialect) => m.deleteResponse(this.#config, dialect, id, options));
  }

  /** Cancels a background response that is still in progress; resolves to the response. */
  cancel(id: string, options?: RequestOptions): APIPromise<Response> {
    return this.#stored((m, dialect) => m.cancelResponse(this.#config, dialect, id, options));
  }

  /** Compacts a conversation into fewer items that carry its context (`POST /responses/compact`). */
  compact(params: ResponseCompactParams, options?: RequestOptions): APIPromise<CompactedResponse> {
    return new APIPromise(
      import('./extras.js').then((m) =>
        m.compactResponse(this.#config, params as WireObject, options),
      ),
    );
  }

  /**
   * Creates a response and parses its output: `output_parsed` is the model's JSON parsed by the
   * zod schema of a `zodTextFormat` (`null` when the model refused), and calls to `zodFunction`
   * tools carry `parsed_arguments`. With `stream: true`, the stream's `finalResponse()` is parsed.
   * Output that is not JSON or does not match is a `ResponseValidationError` naming the path.
   */
  parse<T = null, Tools extends readonly unknown[] = []>(
    params: Params & ParseParams<T, Tools> & { stream: true },
    options?: RequestOptions,
  ): APIPromise<ParsedResponseStream<T, ParsedCallsOf<Tools>>>;
  parse<T = null, Tools extends readonly unknown[] = []>(
    params: Params & ParseParams<T, Tools> & { stream?: false | null | undefined },
    options?: RequestOptions,
  ): APIPromise<ParsedResponse<T, ParsedCallsOf<Tools>>>;
  parse(params: Params, options?: RequestOptions): APIPromise<unknown> {
    return new APIPromise(
      import('../conversation/parse.js').then((m) =>
        m.parseCreate(this as Responses<unknown>, params as WireObject, options),
      ),
    );
  }

  #call<T>(run: (dialect: AnyDialect) => Promise<WithResponse<T>>): APIPromise<T> {
    return new APIPromise(
      this.#config.dialect.load().then((dialect) => run(dialect as AnyDialect)),
    );
  }

  /** Runs a stored-response endpoint, from the module that holds them (loaded on first use). */
  #stored<T>(
    run: (m: typeof import('./stored.js'), dialect: AnyDialect) => Promise<WithResponse<T>>,
  ): APIPromise<T> {
    return this.#call((dialect) => import('./stored.js').then((m) => run(m, dialect)));
  }
}
