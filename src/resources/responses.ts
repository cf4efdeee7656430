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
import { clientConfigs, configOf, lazyMethods, Resource } from './lazy-methods.js';
import type { PagedList } from './page.js';
import { type AnyDialect, prepare } from './prepare.js';
import { openResponseStream, readResponse, responsesPath } from './read-response.js';

/** @internal The settings of each `client.responses`, for the conversation helper's errors. */
export { clientConfigs };

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
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class Responses<Params = ResponseCreateParams> extends Resource {
  /** `for await (const item of client.responses.inputItems.list(id))`: every input item. */
  readonly inputItems = new InputItems(configOf(this));
  /** `client.responses.inputTokens.count(params)`: what a request would cost in input tokens. */
  readonly inputTokens = new InputTokens(configOf(this));

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
    return new APIPromise(createResponse(clientConfigs.get(this) as ClientConfig, params, options));
  }
}

export interface Responses<Params = ResponseCreateParams> {
  /** Retrieves a stored response; with `{ stream: true, starting_after }`, resumes its event stream. */
  retrieve(
    id: string,
    params: ResponseRetrieveParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<ResponseStream>;
  /** Retrieves a stored response. */
  retrieve(
    id: string,
    params?: ResponseRetrieveParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): APIPromise<Response>;
  /** Deletes a stored response. */
  delete(id: string, options?: RequestOptions): APIPromise<ResponseDeleted>;
  /** Cancels a background response that is still in progress; resolves to the response. */
  cancel(id: string, options?: RequestOptions): APIPromise<Response>;
  /** Compacts a conversation into fewer items that carry its context (`POST /responses/compact`). */
  compact(params: ResponseCompactParams, options?: RequestOptions): APIPromise<CompactedResponse>;
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
  /** Creates a response and parses its output: `output_parsed` is typed by the format's schema. */
  parse<T = null, Tools extends readonly unknown[] = []>(
    params: Params & ParseParams<T, Tools> & { stream?: false | null | undefined },
    options?: RequestOptions,
  ): APIPromise<ParsedResponse<T, ParsedCallsOf<Tools>>>;
}

const compact = () => import('./compact.js');
lazyMethods(Responses, () => import('./stored-responses.js'), ['retrieve', 'delete', 'cancel']);
lazyMethods(Responses, compact, ['compact']);
lazyMethods(Responses, () => import('../structured/parse.js'), ['parse']);

/** `client.responses.inputItems`: the input items of a stored response, page by page. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class InputItems extends Resource {}

export interface InputItems {
  /**
   * Lists a response's input items. `for await (const item of client.responses.inputItems.list(id))`
   * walks every page (from `after`, when given); `await` gives the first page.
   */
  list(id: string, params?: InputItemListParams, options?: RequestOptions): PagedList<ResponseItem>;
}

lazyMethods(InputItems, () => import('./input-items.js'), [], ['list']);

/** `client.responses.inputTokens`: what a request would cost in input tokens, without running it. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class InputTokens extends Resource {}

export interface InputTokens {
  /** Counts the input tokens of a request (`POST /responses/input_tokens`). */
  count(params: InputTokenCountParams, options?: RequestOptions): APIPromise<InputTokenCount>;
}

lazyMethods(InputTokens, compact, ['count']);

/** `POST /responses`: the request checked and mapped by the dialect, the answer read in canonical form. */
export async function createResponse(
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
