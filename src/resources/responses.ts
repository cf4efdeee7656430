/**
 * `client.responses`: create (here: every app calls it), and the endpoints most apps never call,
 * each in the module of its family, loaded on first use: stored responses, input items, compact
 * and input tokens.
 */

import type { WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { ParsedCallsOf, ParsedResponse } from '../structured/parsed-response.js';
import type { ParsedResponseStream } from '../structured/parsed-response-stream.js';
import type { ZodTextFormat } from '../structured/zod-text-format.js';
import { callOptions } from '../transport/call-options.js';
import {
  sendAndOpenStream,
  sendAndReadJSON,
  type WithResponse,
} from '../transport/send-and-read.js';
import type {
  CompactedResponse,
  InputItemListParams,
  InputTokenCount,
  InputTokenCountParams,
  Response,
  ResponseCompactParams,
  ResponseCreateParams,
  ResponseDeleted,
  ResponseFormatTextConfig,
  ResponseItemList,
  ResponseRetrieveParams,
} from '../types/index.js';
import { APIPromise } from './api-promise.js';
import { PagedList } from './page.js';
import { type AnyDialect, prepare } from './prepare.js';
import { openResponseStream, readResponse, responsesPath } from './read-response.js';

/**
 * @internal The config of each `client.responses`, for the errors the conversation helper builds
 * (their secrets are taken out as the transport's are).
 */
export const clientConfigs = new WeakMap<object, ClientConfig>();

/** An input item of a stored response, as `input_items` lists it. */
export type ResponseItem = ResponseItemList['data'][number];

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
    clientConfigs.set(this, config);
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
    return new APIPromise(createResponse(this.#config, params, options));
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
    return new APIPromise(
      import('./stored-responses.js').then((m) =>
        m.retrieveResponse(this.#config, id, params, options),
      ),
    );
  }

  /** Deletes a stored response. */
  delete(id: string, options?: RequestOptions): APIPromise<ResponseDeleted> {
    return new APIPromise(
      import('./stored-responses.js').then((m) => m.deleteResponse(this.#config, id, options)),
    );
  }

  /** Cancels a background response that is still in progress; resolves to the response. */
  cancel(id: string, options?: RequestOptions): APIPromise<Response> {
    return new APIPromise(
      import('./stored-responses.js').then((m) => m.cancelResponse(this.#config, id, options)),
    );
  }

  /** Compacts a conversation into fewer items that carry its context (`POST /responses/compact`). */
  compact(params: ResponseCompactParams, options?: RequestOptions): APIPromise<CompactedResponse> {
    return new APIPromise(
      import('./compact.js').then((m) => m.compactResponse(this.#config, params, options)),
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
      import('../structured/parse.js').then((m) =>
        m.parseCreate(this as Responses<unknown>, params as WireObject, options),
      ),
    );
  }
}

/** `client.responses.inputItems`: the input items of a stored response, page by page. */
export class InputItems {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.responses.inputItems`. */
  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * Lists a response's input items. `for await (const item of client.responses.inputItems.list(id))`
   * walks every page (from `after`, when given); `await` gives the first page.
   */
  list(
    id: string,
    params: InputItemListParams = {},
    options?: RequestOptions,
  ): PagedList<ResponseItem> {
    return new PagedList((after) =>
      import('./input-items.js').then((m) =>
        m.inputItemsPage(
          this.#config,
          id,
          after === undefined ? params : { ...params, after },
          options,
        ),
      ),
    );
  }
}

/** `client.responses.inputTokens`: what a request would cost in input tokens, without running it. */
export class InputTokens {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.responses.inputTokens`. */
  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Counts the input tokens of a request (`POST /responses/input_tokens`). */
  count(params: InputTokenCountParams, options?: RequestOptions): APIPromise<InputTokenCount> {
    return new APIPromise(
      import('./compact.js').then((m) => m.countInputTokens(this.#config, params, options)),
    );
  }
}

/** `POST /responses`: the request checked and mapped by the dialect, the answer read in canonical form. */
async function createResponse(
  config: ClientConfig,
  params: unknown,
  options: RequestOptions | undefined,
): Promise<WithResponse<Response | ResponseStream>> {
  const call = callOptions(config.transport, options);
  const dialect = (await config.dialect.load()) as AnyDialect;
  const prepared = prepare(dialect, dialect.request, config.requestSchema, params, 'request');
  const request = {
    path: responsesPath(config, dialect),
    auth: dialect.authHeaders,
    method: 'POST',
    body: prepared.body,
    headers: prepared.headers,
    operation: 'chat',
  } as const;
  if ((options?.transport ?? config.webSocket.options.transport) === 'websocket')
    return import('../transport/websocket/create.js').then((m) =>
      m.createOverWebSocket(config, dialect, call, prepared, params as WireObject, options),
    );
  const { stream, background } = params as { stream?: unknown; background?: unknown };
  if (!stream) return sendAndReadJSON(call, request, (json) => readResponse(config, dialect, json));
  const resumable = options?.autoResume && background === true;
  return sendAndOpenStream(call, request, (init) =>
    openResponseStream(config, dialect, call, init, { resumable }),
  );
}
