import {
  type Dialect,
  type DialectHandle,
  type DialectName,
  resolveDialect,
} from '../dialects/index.js';
import { ResponsesError } from '../errors.js';
import { envelopeValidation, type ResponseValidation, type WireSchema } from '../schemas/index.js';

/** Any function with the shape of `fetch`. */
export type FetchLike = (input: string, init: RequestInit) => Promise<globalThis.Response>;

/** Headers as users give them: a `null` or `undefined` value removes a header set by the client. */
export type HeadersLike =
  | Headers
  | readonly (readonly [string, string])[]
  | Record<string, string | null | undefined>;

/** Options of {@link ResponsesClient}. */
export interface ClientOptions {
  /** Sent as `Authorization: Bearer …`; leave it out where the server needs no key (or a same-origin proxy adds it). */
  apiKey?: string | undefined;
  /** Where the server lives; default: the dialect's documented base URL. */
  baseURL?: string | undefined;
  /** Which server dialect to speak: a built-in name or your own `Dialect` object. Default `'openai'`. */
  dialect?: DialectName | Dialect<never> | undefined;
  /** Karta's `{project_ref}` path segment (URL-encoded for you). */
  project?: string | undefined;
  /** A fetch-compatible function; default `globalThis.fetch`, looked up on every call. */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: HeadersLike | undefined;
  /** Milliseconds to wait for response headers (and, for a unary call, its body). Default 10 minutes. */
  timeout?: number | undefined;
  /** How many times a failed request is retried. Default 2. */
  maxRetries?: number | undefined;
  /** Allows an `apiKey` in a browser, where anyone can read it. Default false. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * How responses and stream events are checked: `true` (default) checks every field of events,
   * responses and requests and nested items, tools and parts by their type; `deepValidation`
   * checks those in full too; `false` checks nothing the server sends (requests are still checked).
   */
  validateResponses?: boolean | ResponseValidation | undefined;
}

/** Options accepted as the last argument of every method. */
export interface RequestOptions {
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
  /**
   * For the stream of a `background: true` response: when the connection drops before the
   * response ends, resume it from the last sequence number (at most `maxRetries` times), with no
   * event delivered twice. Default false.
   */
  autoResume?: boolean | undefined;
}

/** The client's options after normalization: every value present, checked once. */
export interface ClientConfig {
  readonly apiKey: string | undefined;
  readonly baseURL: string;
  /** The dialect: known at once, loaded on the first request. */
  readonly dialect: DialectHandle;
  readonly project: string | undefined;
  readonly fetch: FetchLike | undefined;
  readonly headers: HeadersLike;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly dangerouslyAllowBrowser: boolean;
  /** How what the server sends is checked; `undefined` when it is not. */
  readonly validation: ResponseValidation | undefined;
  /** The schema create requests are checked against before they are sent. */
  readonly requestSchema: WireSchema;
}

/** Default values of the client options. */
export const defaults = {
  timeout: 10 * 60 * 1000,
  maxRetries: 2,
  dangerouslyAllowBrowser: false,
  validateResponses: true,
} as const;

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new ResponsesError(`The ${name} option must be a finite number ≥ ${min}; got ${value}.`);
  }
  return value;
}

/** Normalizes the client options once, so the rest of the code never checks for `undefined`. */
export function normalizeOptions(options: ClientOptions): ClientConfig {
  const dialect = resolveDialect(options.dialect);
  for (const option of dialect.requires) {
    if (!options[option]) {
      throw new ResponsesError(`The ${dialect.name} dialect needs the \`${option}\` option.`);
    }
  }
  const validation = options.validateResponses ?? defaults.validateResponses;
  return {
    apiKey: options.apiKey || undefined,
    baseURL: (options.baseURL ?? dialect.baseURL).replace(/\/+$/, ''),
    dialect,
    project: options.project,
    fetch: options.fetch,
    headers: options.headers ?? {},
    timeout: checkCount('timeout', options.timeout ?? defaults.timeout, 0),
    maxRetries: Math.floor(checkCount('maxRetries', options.maxRetries ?? defaults.maxRetries, 0)),
    dangerouslyAllowBrowser: options.dangerouslyAllowBrowser ?? defaults.dangerouslyAllowBrowser,
    validation: validation === true ? envelopeValidation : validation || undefined,
    requestSchema: (validation === true || !validation ? envelopeValidation : validation).request,
  };
}
