import type { WireObject } from '../dialects/index.js';
import { ResponseValidationError, StreamError } from '../errors.js';
import {
  parseWire,
  type Response,
  type ResponseCreateParams,
  type ResponseDeleted,
  ResponseDeletedSchema,
  type WireSchema,
} from '../schemas/index.js';
import { withOutputText } from '../stream/output-text.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { send } from '../transport/request.js';
import type { Query } from '../transport/url.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { callJSON, callStream } from './call.js';

/** Create params that ask for a stream. */
export type ResponseCreateParamsStreaming = ResponseCreateParams & { stream: true };
/** Create params that ask for one response object. */
export type ResponseCreateParamsNonStreaming = ResponseCreateParams & {
  stream?: false | null | undefined;
};

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

function asObject(body: unknown, what: string): WireObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ResponseValidationError(
      what,
      [{ path: [], message: `expected a JSON object, got ${JSON.stringify(body) ?? 'nothing'}` }],
      body,
    );
  }
  return body as WireObject;
}

/** `client.responses`: create, retrieve, delete and cancel responses. */
export class Responses {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * Creates a response. With `stream: true` it resolves to a {@link ResponseStream} of typed
   * events; otherwise to the response, with `output_text` joined for you.
   */
  create(
    params: ResponseCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<ResponseStream>;
  create(params: ResponseCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Response>;
  create(
    params: ResponseCreateParams,
    options?: RequestOptions,
  ): APIPromise<Response | ResponseStream>;
  create(
    params: ResponseCreateParams,
    options?: RequestOptions,
  ): APIPromise<Response | ResponseStream> {
    const config = this.#config;
    const exchange = (async (): Promise<WithResponse<Response | ResponseStream>> => {
      const body = config.dialect.mapRequest(params, config.requestSchema);
      const request = { method: 'POST', path: this.#path(), body } as const;
      return params.stream
        ? callStream(config, request, options, this.#resumable(options, params.background === true))
        : callJSON(config, request, options, (json) => this.#parseResponse(json));
    })();
    return new APIPromise(exchange);
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
    const config = this.#config;
    const query: Query = {
      stream: params.stream || undefined,
      starting_after: params.starting_after,
      include: params.include,
      include_obfuscation: params.include_obfuscation,
    };
    const exchange = (async (): Promise<WithResponse<Response | ResponseStream>> => {
      const request = { method: 'GET', path: [...this.#path(), id], query } as const;
      return params.stream
        ? callStream(config, request, options, {
            ...this.#resumable(options, true),
            responseId: id,
          })
        : callJSON(config, request, options, (json) => this.#parseResponse(json));
    })();
    return new APIPromise(exchange);
  }

  /** Deletes a stored response. */
  delete(id: string, options?: RequestOptions): APIPromise<ResponseDeleted> {
    const config = this.#config;
    const request = { method: 'DELETE', path: [...this.#path(), id] } as const;
    return new APIPromise(
      (async () =>
        callJSON(config, request, options, (json) =>
          // Some servers answer 204 with no body: the deletion is still confirmed by the status.
          json === undefined
            ? { id, object: 'response', deleted: true }
            : this.#validate(
                ResponseDeletedSchema,
                asObject(json, 'deleted response'),
                'deleted response',
              ),
        ))(),
    );
  }

  /** Cancels a background response that is still in progress; resolves to the response. */
  cancel(id: string, options?: RequestOptions): APIPromise<Response> {
    const config = this.#config;
    const request = { method: 'POST', path: [...this.#path(), id, 'cancel'] } as const;
    return new APIPromise(
      (async () => callJSON(config, request, options, (json) => this.#parseResponse(json)))(),
    );
  }

  /** How a dropped background stream picks up again: its `retrieve` stream, after the last event. */
  #resumable(options: RequestOptions | undefined, background: boolean) {
    if (!options?.autoResume || !background) return {};
    const resume = async (id: string, startingAfter: number) => {
      const request = {
        method: 'GET',
        path: [...this.#path(), id],
        query: { stream: true, starting_after: startingAfter },
        stream: true,
      } as const;
      const exchange = await send(this.#config, request, options);
      exchange.stopTimer();
      if (!exchange.response.body) throw new StreamError('The resumed stream has no body.');
      return exchange.response.body;
    };
    return { resume };
  }

  #path(): readonly string[] {
    return this.#config.dialect.responsesPath({ project: this.#config.project });
  }

  #validate<T>(schema: WireSchema<T>, value: unknown, what: string): T {
    return this.#config.validation ? parseWire(schema, value, what) : (value as T);
  }

  #parseResponse(json: unknown): Response {
    const normalized = this.#config.dialect.normalizeResponse(asObject(json, 'response'));
    const validation = this.#config.validation;
    const checked = validation
      ? parseWire(validation.response, normalized, 'response')
      : normalized;
    const response = checked as WireObject & {
      output: unknown[];
    };
    if (!Array.isArray(response.output)) {
      throw new ResponseValidationError(
        'response',
        [{ path: ['output'], message: 'expected an array of items' }],
        json,
      );
    }
    return withOutputText(response) as unknown as Response;
  }
}
