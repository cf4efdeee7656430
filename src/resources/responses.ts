import type { WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import type { ResponseStream } from '../stream/response-stream.js';
import { callJSON, callStream } from '../transport/answer.js';
import { callOptions } from '../transport/call-options.js';
import type {
  CompactedResponse,
  Response,
  ResponseCompactParams,
  ResponseCreateParams,
  ResponseDeleted,
  ResponseRetrieveParams,
} from '../types/index.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { InputItems, InputTokens } from './input-items.js';
import { prepare } from './prepare.js';
import { type AnyDialect, below, openStream, parseResponse } from './response-parts.js';

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
        return callJSON(callOptions(config.transport, options), request, (json) =>
          parseResponse(config, dialect, json),
        );
      // A dropped background stream resumes from its retrieve stream (loaded only when it does).
      const resume =
        options?.autoResume && background === true && dialect.features.retrieve
          ? (id: string, after: number) =>
              import('./stored.js').then((m) => m.resumeBody(config, dialect, options, id, after))
          : undefined;
      return callStream(callOptions(config.transport, options), request, (init) =>
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
