/**
 * The public types of `hooks`, `logLevel` and `logger`. Every value a hook or a log line is
 * given has the client's secrets taken out first (the key in every header, URL, body and error),
 * by the same redactor as errors.
 */
import type { ResponsesError } from '../errors.js';

/** What `onRequest` is given: one attempt of a request, as it is sent. */
export interface RequestHookInfo {
  /** The request's URL (a `wss:` URL for a message on a WebSocket). */
  url: string;
  /** `GET`, `POST`, `DELETE`; `WEBSOCKET` for a `response.create` message on a socket. */
  method: string;
  /** The headers sent, as a record of lower-case names, secrets redacted (`authorization: Bearer [redacted]`). */
  headers: Record<string, string>;
  /** The body sent (JSON text), secrets redacted; `null` when there is none. */
  body: string | null;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
}

/** What `onResponse` is given: an attempt's answer, once its headers have arrived. */
export interface ResponseHookInfo {
  /** The URL that answered. */
  url: string;
  /** The HTTP status (a retried 429 or 503 too). */
  status: number;
  /** The response headers, as a record of lower-case names, secrets redacted. */
  headers: Record<string, string>;
  /** The server's `x-request-id`, when it sent one. */
  requestId: string | undefined;
  /** Milliseconds from sending the attempt to its response headers. */
  durationMs: number;
}

/** What `onRetry` is given: a retry about to wait and go again. */
export interface RetryHookInfo {
  /** The attempt about to be made: 2 for the first retry. */
  attempt: number;
  /** How long the client waits before it (backoff, or the server's `Retry-After`). */
  delayMs: number;
  /**
   * Why: the `APIError` of the status (its body is not read before a retry), or the
   * `APIConnectionError` / `APITimeoutError` of the attempt.
   */
  error: ResponsesError;
}

/**
 * Functions the client calls as its requests go (`new ResponsesClient({ hooks })`, laid over by
 * `withOptions`). They watch; they cannot change a request. A hook that throws (or rejects) does
 * not break the request: its error is logged at `error` level and the request goes on.
 */
export interface ClientHooks {
  /** Before each attempt of a request is sent (a retry too). */
  onRequest?: ((info: RequestHookInfo) => void) | undefined;
  /** When an attempt's response headers arrive, whatever the status. */
  onResponse?: ((info: ResponseHookInfo) => void) | undefined;
  /** Before the client waits to retry a request. */
  onRetry?: ((info: RetryHookInfo) => void) | undefined;
  /**
   * When a request ends in an error, after it was sent: the error the caller gets (an
   * `APIError`, a connection or timeout error, a stream's failure), once per request.
   */
  onError?: ((error: ResponsesError) => void) | undefined;
}

/** How much the client logs: each level logs what the ones before it do, and more. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where log lines go: `console`, or any object with these four methods (pino, winston…). */
export interface Logger {
  /** A hook or the telemetry threw (the request went on). */
  error(message: string, ...rest: unknown[]): void;
  /** A setting the client could not follow. */
  warn(message: string, ...rest: unknown[]): void;
  /** A retry, or a request that ended. */
  info(message: string, ...rest: unknown[]): void;
  /** An attempt, an answer, a first chunk, a turn, a tool call; `rest` holds headers and body. */
  debug(message: string, ...rest: unknown[]): void;
}
