import type { RequestProbe, Watcher } from '../observe/instrumentation.js';
import type { HeadersLike } from './headers.js';
import type { FetchLike } from './request.js';

/** What the transport is given of the client's options, normalized: where, how and how patiently to send. */
export interface TransportOptions {
  /** The base URL, without a trailing slash. */
  readonly baseURL: string;
  /** The API key, handed to the request's `auth` rule; never put in an error. */
  readonly apiKey: string | undefined;
  /** The fetch function; `undefined` looks up `globalThis.fetch` on every call. */
  readonly fetch: FetchLike | undefined;
  /** Headers sent with every request. */
  readonly headers: HeadersLike;
  /** Milliseconds to wait for response headers (a unary call: and its body; a stream: each chunk). */
  readonly timeout: number;
  /** How many times a failed request is retried. */
  readonly maxRetries: number;
  /** Loads the client's instrumentation and the instrumented path; `undefined` when nothing watches. */
  readonly observe: (() => Promise<Watcher>) | undefined;
}

/** The options a call may set for itself: the transport's part of the last argument of every method. */
export interface CallOverrides {
  /** Aborts the request, or the stream it returned. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeout` for this request. */
  timeout?: number | undefined;
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number | undefined;
  /** Headers for this request only; a `null` value removes a header. */
  headers?: HeadersLike | undefined;
  /**
   * Fields merged into the JSON body as written, after the request was checked and mapped to
   * the server's format: the way to send a field the params' types do not have (one newer than
   * this version, or a server's own). They override fields of the same name.
   */
  extraBody?: Record<string, unknown> | undefined;
}

/** One call's options: the client's, with the call's own laid over. */
export interface CallOptions extends Omit<TransportOptions, 'headers'> {
  /** Header sets in the order they apply (the client's, then the call's). */
  readonly headers: readonly HeadersLike[];
  readonly signal: AbortSignal | undefined;
  readonly extraBody: Record<string, unknown> | undefined;
  /** The probe of this request, set by the instrumented path (`observe/observed-send.ts`). */
  readonly probe?: RequestProbe | undefined;
}

/** Lays a call's own options over the client's: the one place where per-request options are merged. */
export function callOptions(client: TransportOptions, call: CallOverrides = {}): CallOptions {
  return {
    ...client,
    headers: call.headers ? [client.headers, call.headers] : [client.headers],
    timeout: call.timeout ?? client.timeout,
    maxRetries: call.maxRetries ?? client.maxRetries,
    signal: call.signal,
    extraBody: call.extraBody,
  };
}
