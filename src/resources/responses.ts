import type { Dialect, WireObject } from '../dialects/index.js';
import { ResponseValidationError, StreamError } from '../errors.js';
import {
  type CompactedResponse,
  parseWire,
  type Response,
  type ResponseCompactParams,
  type ResponseCreateParams,
  type ResponseDeleted,
  ResponseDeletedSchema,
} from '../schemas/index.js';
import { withOutputText } from '../stream/output-text.js';
import { ResponseStream } from '../stream/response-stream.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { type APIRequest, send } from '../transport/request.js';
import { encodeSegment, type Query } from '../transport/url.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { asObject, callJSON, callStream } from './call.js';
import { InputItems, InputTokens } from './input-items.js';
import { prepare, unsupported } from './prepare.js';

/** Query of `retrieve`. */
export interface ResponseRetrieveParams {
  /** Stream the response's events (a background response's, or a resumed one). */
  stream?: boolean | undefined;
  /** Resume after this event `sequence_number` (with `stream: true`). */
  starting_after?: number | undefined;
  /** Extra output data to include, as in `create`. */
  include?: readonly string[] | undefined;
  /** With `stream: true`, asks the server not to pad deltas with obfuscation fields. */
  include_obfuscation?: boolean | undefined;
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
    return this.#call<Response | ResponseStream>(async (dialect) => {
      const config = this.#config;
      const prepared = prepare(dialect, dialect.request, config.requestSchema, params, 'request');
      const request = {
        ...this.#base(dialect, []),
        method: 'POST',
        body: prepared.body,
        headers: prepared.headers,
      } as const;
      const { stream, background } = params as { stream?: unknown; background?: unknown };
      if (!stream) return callJSON(config, request, options, (json) => this.#parse(dialect, json));
      const resume =
        options?.autoResume && background === true ? this.#resume(dialect, options) : undefined;
      return callStream(config, request, options, (init) =>
        this.#stream(dialect, init, { resume }),
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
    return this.#call<Response | ResponseStream>(async (dialect) => {
      this.#require(dialect, 'retrieve', 'responses.retrieve');
      const query: Query = {
        stream: params.stream || undefined,
        starting_after: params.starting_after,
        include: params.include,
        include_obfuscation: params.include_obfuscation,
      };
      const request = { ...this.#base(dialect, [id]), method: 'GET', query } as const;
      if (!params.stream)
        return callJSON(this.#config, request, options, (json) => this.#parse(dialect, json));
      const resume = options?.autoResume ? this.#resume(dialect, options) : undefined;
      return callStream(this.#config, request, options, (init) =>
        this.#stream(dialect, init, { resume, responseId: id }),
      );
    });
  }

  /** Deletes a stored response. */
  delete(id: string, options?: RequestOptions): APIPromise<ResponseDeleted> {
    return this.#call(async (dialect) => {
      this.#require(dialect, 'retrieve', 'responses.delete');
      const request = { ...this.#base(dialect, [id]), method: 'DELETE' } as const;
      return callJSON(this.#config, request, options, (json) =>
        // Some servers answer 204 with no body: the deletion is still confirmed by the status.
        json === undefined
          ? { id, object: 'response', deleted: true }
          : this.#check(
              ResponseDeletedSchema,
              asObject(json, 'deleted response'),
              'deleted response',
            ),
      );
    });
  }

  /** Cancels a background response that is still in progress; resolves to the response. */
  cancel(id: string, options?: RequestOptions): APIPromise<Response> {
    return this.#call(async (dialect) => {
      this.#require(dialect, 'retrieve', 'responses.cancel');
      const request = { ...this.#base(dialect, [id, 'cancel']), method: 'POST' } as const;
      return callJSON(this.#config, request, options, (json) => this.#parse(dialect, json));
    });
  }

  /** Compacts a conversation into fewer items that carry its context (`POST /responses/compact`). */
  compact(params: ResponseCompactParams, options?: RequestOptions): APIPromise<CompactedResponse> {
    return new APIPromise(
      import('./extras.js').then((m) =>
        m.compactResponse(this.#config, params as WireObject, options),
      ),
    );
  }

  #call<T>(run: (dialect: Dialect<Params>) => Promise<WithResponse<T>>): APIPromise<T> {
    return new APIPromise(
      this.#config.dialect.load().then((dialect) => run(dialect as Dialect<Params>)),
    );
  }

  #require(dialect: Dialect<Params>, feature: keyof Dialect['features'], method: string): void {
    if (!dialect.features[feature]) throw unsupported(dialect as Dialect<unknown>, method);
  }

  /** The request's path below the responses collection, and the dialect's auth. */
  #base(dialect: Dialect<Params>, below: readonly string[]): Omit<APIRequest, 'method'> {
    for (const segment of below) encodeSegment(segment, 'id');
    return {
      path: [...dialect.paths.responses({ project: this.#config.project }), ...below],
      auth: dialect.authHeaders,
    };
  }

  #stream(
    dialect: Dialect<Params>,
    init: ConstructorParameters<typeof ResponseStream>[0],
    extra: Pick<ConstructorParameters<typeof ResponseStream>[0], 'resume' | 'responseId'>,
  ): ResponseStream {
    const decoding = {
      normalize: dialect.eventNormalizer(),
      validate: this.#config.validation?.event,
    };
    return new ResponseStream({
      ...init,
      decoding,
      maxResumes: this.#config.maxRetries,
      ...(extra.resume ? { resume: extra.resume } : {}),
      ...(extra.responseId ? { responseId: extra.responseId } : {}),
    });
  }

  /** How a dropped background stream picks up again: its `retrieve` stream, after the last event. */
  #resume(dialect: Dialect<Params>, options: RequestOptions) {
    if (!dialect.features.retrieve) return undefined;
    return async (id: string, startingAfter: number) => {
      const request = {
        ...this.#base(dialect, [id]),
        method: 'GET',
        query: { stream: true, starting_after: startingAfter },
        stream: true,
      } as const;
      const exchange = await send(this.#config, request, options);
      exchange.stopTimer();
      if (!exchange.response.body) throw new StreamError('The resumed stream has no body.');
      return exchange.response.body;
    };
  }

  #check<T>(schema: Parameters<typeof parseWire<T>>[0], value: unknown, what: string): T {
    return this.#config.validation ? parseWire(schema, value, what) : (value as T);
  }

  #parse(dialect: Dialect<Params>, json: unknown): Response {
    const normalized = dialect.normalizeResponse(asObject(json, 'response'));
    const validation = this.#config.validation;
    const checked = (
      validation ? parseWire(validation.response, normalized, 'response') : normalized
    ) as WireObject;
    if (!Array.isArray(checked.output)) {
      throw new ResponseValidationError(
        'response',
        [{ path: ['output'], message: 'expected an array of items' }],
        json,
      );
    }
    return withOutputText(checked as WireObject & { output: unknown[] }) as unknown as Response;
  }
}
