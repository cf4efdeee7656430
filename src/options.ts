/**
 * The client's options: what users give, and the one step that normalizes them (from one
 * defaults object), so that the rest of the code never checks for `undefined`.
 */
import {
  type Dialect,
  type DialectContext,
  type DialectHandle,
  type DialectName,
  resolveDialect,
} from './dialects/index.js';
import { ResponsesError } from './errors.js';
import type { ClientHooks, Logger, LogLevel } from './observe/hook-types.js';
import type { InstrumentedOptions } from './observe/instrumentation.js';
import type { WireSchema } from './schemas/validate.js';
import { envelopeValidation, type ResponseValidation } from './schemas/validation.js';
import { guardBrowser } from './transport/browser.js';
import type { CallOverrides, TransportOptions } from './transport/call-options.js';
import type { HeadersLike } from './transport/headers.js';
import type { FetchLike } from './transport/request.js';
import type { Transport, WebSocketLike, WebSocketSettings } from './transport/transport-option.js';

export type { FetchLike, HeadersLike, Transport, WebSocketLike };

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
  /**
   * How `responses.create` reaches the server: `'http'` (default), a request each, or
   * `'websocket'`, the specs' WebSocket mode: one persistent socket per conversation carries
   * every turn and tool round (dialects that have it: `openai`, or your own with `webSocket: true`).
   */
  transport?: Transport | undefined;
  /**
   * The WebSocket constructor for `transport: 'websocket'`; default `globalThis.WebSocket`
   * (Node 22+, Bun, Deno, browsers). On Node 20, the `ws` package's: `{ WebSocket }` from `'ws'`.
   */
  WebSocket?: WebSocketLike | undefined;
  /** How many WebSocket connections the client keeps open at most (one response in flight each). Default 4. */
  maxSockets?: number | undefined;
  /**
   * Functions called as requests go: `onRequest`, `onResponse`, `onRetry`, `onError`, each given
   * values with the client's secrets redacted. See docs/observability.md.
   */
  hooks?: ClientHooks | undefined;
  /**
   * How much the client logs: `'off'`, `'error'` (hooks that threw), `'warn'` (default), `'info'`
   * (retries, and a line per request), `'debug'` (each attempt's headers and body, redacted).
   * Where there is an environment, the `RESPONSES_CLIENT_LOG` variable sets the default.
   */
  logLevel?: LogLevel | undefined;
  /** Where log lines go; default `console`. Nothing logged holds the key. */
  logger?: Logger | undefined;
}

/** Options accepted as the last argument of every method. */
export interface RequestOptions extends CallOverrides {
  /**
   * This request's transport, over the client's (and the conversation's): `{ transport: 'http' }`
   * sends it as an HTTP request from a WebSocket client.
   */
  transport?: Transport | undefined;
  /**
   * For the stream of a `background: true` response: when the connection drops before the
   * response ends, resume it from the last sequence number (at most `maxRetries` times), with no
   * event delivered twice. Default false.
   */
  autoResume?: boolean | undefined;
}

/** The client's options after normalization: what each layer uses, every value present. */
export interface ClientConfig {
  /** Where and how requests are sent. */
  readonly transport: TransportOptions;
  /** The dialect: known at once, loaded on the first request. */
  readonly dialect: DialectHandle;
  /** What the dialect's paths are built from (Karta's project). */
  readonly context: DialectContext;
  /** How what the server sends is checked; `undefined` when it is not. */
  readonly validation: ResponseValidation | undefined;
  /** The schema create requests are checked against before they are sent. */
  readonly requestSchema: WireSchema;
  /** The WebSocket transport's settings, and the client's sockets. */
  readonly webSocket: WebSocketSettings;
}

/** Default values of the client options. */
export const defaults = {
  dialect: 'openai',
  headers: {},
  timeout: 10 * 60 * 1000,
  maxRetries: 2,
  dangerouslyAllowBrowser: false,
  validateResponses: true,
} as const satisfies ClientOptions;

/** A count option (a timeout, a number of retries): a finite number, not negative. */
function checkCount(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new ResponsesError(`The ${name} option must be a finite number ≥ 0; got ${value}.`);
  }
  return value;
}

/**
 * Normalizes the client options once: the dialect resolved and its required options checked,
 * numbers checked, the validation policy chosen, and a secret key refused in a browser.
 */
export function normalizeOptions(options: ClientOptions & InstrumentedOptions): ClientConfig {
  const dialect = resolveDialect(options.dialect ?? defaults.dialect);
  for (const option of dialect.requires) {
    if (!options[option]) {
      throw new ResponsesError(`The ${dialect.name} dialect needs the \`${option}\` option.`);
    }
  }
  // White space around a key (one read from a file, with its newline) is no part of it.
  const apiKey = options.apiKey?.trim() || undefined;
  guardBrowser(apiKey, options.dangerouslyAllowBrowser ?? defaults.dangerouslyAllowBrowser);
  const validation = options.validateResponses ?? defaults.validateResponses;
  let env: string | undefined;
  try {
    env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
      ?.RESPONSES_CLIENT_LOG;
  } catch {
    // Deno without --allow-env refuses the read (NotCapable): no variable, then.
  }
  return {
    transport: {
      baseURL: (options.baseURL ?? dialect.baseURL).replace(/\/+$/, ''),
      apiKey,
      fetch: options.fetch,
      headers: options.headers ?? defaults.headers,
      timeout: checkCount('timeout', options.timeout ?? defaults.timeout),
      maxRetries: Math.floor(checkCount('maxRetries', options.maxRetries ?? defaults.maxRetries)),
      // The instrumentation (hooks, log, spans) loads on the first request, when anything watches
      // (a logger alone has nothing to log at the default level: only hooks that threw).
      observe:
        options.hooks || options.logLevel || options.instrumentation || env
          ? () => import('./observe/observer.js').then((m) => m.observe(options, dialect.name, env))
          : undefined,
    },
    dialect,
    context: { project: options.project },
    validation: validation === true ? envelopeValidation : validation || undefined,
    requestSchema: (validation === true || !validation ? envelopeValidation : validation).request,
    webSocket: {
      // Read when the first WebSocket request loads that code (default transport: 'http').
      options,
      pool: undefined,
    },
  };
}
