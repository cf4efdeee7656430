import { APITimeoutError, APIUserAbortError, ResponsesError } from '../errors.js';
import { isBrowserLike } from './browser.js';
import type { CallOptions } from './call-options.js';
import { mergeHeaders } from './headers.js';
import type { SecretSources } from './redact.js';
import type { Hop } from './redirect.js';
import { retryDelayMs, shouldRetryResponse } from './retry.js';
import { buildURL, type Query } from './url.js';

/** Any function with the shape of `fetch`. */
export type FetchLike = (input: string, init: RequestInit) => Promise<globalThis.Response>;

/** One call to the server, before it is sent. */
export interface APIRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path segments below the base URL, unencoded. */
  path: readonly string[];
  query?: Query | undefined;
  /** A JSON body. */
  body?: unknown;
  /** Asks for `text/event-stream`; the caller reads the body as it streams. */
  stream?: boolean | undefined;
  /** The headers that carry the API key (the dialect's rule). */
  auth?: ((apiKey: string) => Record<string, string>) | undefined;
  /** Headers the request adds, under the client's and the caller's own. */
  headers?: Record<string, string> | undefined;
  /**
   * What telemetry makes a `chat` span of: `chat` for a request that creates a response,
   * `chat.completions` for one that creates a chat completion.
   */
  operation?: 'chat' | 'chat.completions' | undefined;
}

/** A response whose headers have arrived, with the means to stop it. */
export interface Exchange {
  /** The raw fetch `Response`; its body is not read yet. */
  response: Response;
  /** The server's `x-request-id`. */
  requestId: string | undefined;
  /** Aborting it closes the connection. */
  controller: AbortController;
  /** Why the exchange was aborted, as the error to throw. */
  abortReason(): ResponsesError;
  /** Stops the timeout timer and forgets the caller's signal; call when the body is read. */
  release(): void;
  /** Stops the timeout timer only (a stream's body has its own idle rule). */
  stopTimer(): void;
  /**
   * Takes every secret of the client out of an error built from this exchange's answer (its
   * message, stack, cause and fields), in place; loads the redactor on first use.
   */
  redact<E>(error: E): Promise<E>;
}

/** The fetch function of a call: the option, else `globalThis.fetch`, looked up each time. */
const lookUpFetch = (call: CallOptions): FetchLike | undefined =>
  call.fetch ?? (globalThis.fetch as FetchLike | undefined);

/** Resolves after `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Tells the request's probe (when something watches) of a retry, then waits for it. */
function backoff(call: CallOptions, attempt: number, delayMs: number, error: unknown) {
  call.probe?.retry({ attempt: attempt + 2, delayMs, error });
  return wait(delayMs, call.signal);
}

/** One attempt's abort wiring: the caller's signal and the timeout, folded into one controller. */
function linkAbort(signal: AbortSignal | undefined, timeout: number) {
  const controller = new AbortController();
  let reason: 'user' | 'timeout' | undefined;
  const onUserAbort = () => {
    reason ??= 'user';
    controller.abort();
  };
  signal?.addEventListener('abort', onUserAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    reason ??= 'timeout';
    controller.abort();
  }, timeout);
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    controller,
    reason: () => reason,
    stopTimer,
    release: () => {
      stopTimer();
      signal?.removeEventListener('abort', onUserAbort);
    },
  };
}

/**
 * An absolute http(s) URL with no `@` and no white space: any other goes through `checkURL`,
 * which parses it (an `@` in a path or a query is fine; a user or password is not).
 */
const plainURL = /^https?:\/\/[^@\s]*$/i;
/** Why a request failed, in words: loaded when one does. */
export const failures = () => import('./failures.js');

/**
 * A failure another attempt cannot fix: a proxy that asks for credentials (undici: `Proxy
 * response (407) !== 200 when HTTP Tunneling`, or `Proxy Authentication Required (407)`).
 */
const refused = (cause: unknown, depth = 0): boolean =>
  depth < 8 &&
  cause instanceof Object &&
  (/\(407\)/.test(String((cause as Error).message)) || refused((cause as Error).cause, depth + 1));

/**
 * Sends a request with the client's retry, timeout and abort rules, and resolves once response
 * headers with a success status have arrived. Retries 408, 409, 429, 5xx and connection errors
 * (or whatever `x-should-retry` says), with backoff; never after the caller aborted, and never a
 * failure that another attempt cannot fix (a header or URL fetch refuses is a
 * `RequestValidationError` before anything is sent). Redirects are followed within the
 * request's origin only (see `follow`); a browser follows them itself. Every error built from
 * what the server or the network said has the client's secrets taken out.
 */
export async function send(call: CallOptions, request: APIRequest): Promise<Exchange> {
  const { apiKey, maxRetries, timeout, signal, extraBody } = call;
  const extra = request.headers ?? {};
  const secrets: SecretSources = { ...call, auth: request.auth };
  const redact = <E>(error: E): Promise<E> =>
    import('./redact.js').then((m) => m.redactError(error, m.secretsOf(secrets)));
  const timeoutError = () => new APITimeoutError(`Request timed out after ${timeout} ms.`);
  const url = buildURL(call.baseURL, request.path, request.query);
  if (!plainURL.test(url)) (await failures()).checkURL(url);
  const auth = apiKey && request.auth ? request.auth(apiKey) : {};
  let headers: Headers;
  try {
    headers = mergeHeaders(
      { accept: request.stream ? 'text/event-stream' : 'application/json' },
      request.body === undefined ? {} : { 'content-type': 'application/json' },
      auth,
      extra,
      ...call.headers,
    );
  } catch {
    throw (await failures()).headersError(auth, [extra, ...call.headers]);
  }
  // `extraBody` is laid over the checked, mapped body (always an object): fields sent as written.
  const body =
    request.body === undefined
      ? null
      : JSON.stringify({ ...(request.body as object), ...extraBody });
  // Outside a browser the client sees each redirect, to follow it only within the origin; a
  // browser shows none (an opaque answer), so it follows them itself (see docs/reliability.md).
  const redirect = isBrowserLike() ? 'follow' : 'manual';

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const link = linkAbort(signal, timeout);
    // False while fetch is being called: a throw then is fetch refusing its arguments.
    let sent = true;
    /** Sends one hop; the hop is the fetch init too (its `url` is a key fetch ignores). */
    const fetchHop = (hop: Hop) => {
      sent = false;
      // No fetch at all throws here too (not a function): said in the error path, below.
      const pending = (lookUpFetch(call) as FetchLike)(hop.url, hop);
      sent = true;
      return pending;
    };
    const first: Hop = {
      url,
      method: request.method,
      headers,
      body,
      signal: link.controller.signal,
      redirect,
    };
    let response: Response;
    try {
      call.probe?.attempt(first, attempt + 1);
      response = await fetchHop(first);
      // A redirect (a browser follows them itself: see `redirect` above).
      if (response.status > 299 && response.status < 400)
        response = await (await import('./redirect.js')).follow(fetchHop, first, response);
      call.probe?.response(response);
    } catch (cause) {
      link.release();
      if (link.reason() === 'user' || signal?.aborted) throw new APIUserAbortError();
      if (cause instanceof ResponsesError) throw await redact(cause);
      const timedOut = link.reason() === 'timeout';
      // Retried without loading anything first (a test's fake timers then run the backoff as is).
      if (attempt < maxRetries && sent && (timedOut || !refused(cause))) {
        await backoff(call, attempt, retryDelayMs(attempt), timedOut ? timeoutError() : cause);
        continue;
      }
      if (timedOut) throw timeoutError();
      throw await redact((await failures()).connectionError(cause, lookUpFetch(call)));
    }

    if (!response.ok) {
      if (attempt < maxRetries && shouldRetryResponse(response.status, response.headers)) {
        link.release();
        // Not awaited: cancelling one branch of a cloned body waits for the other, forever.
        void response.body?.cancel().catch(() => {});
        await backoff(call, attempt, retryDelayMs(attempt, response.headers), response);
        continue;
      }
      const { errorFromResponse } = await import('./error-body.js');
      const error = await errorFromResponse(response, secrets, link.controller.signal);
      link.release();
      if (link.reason() === 'user' || signal?.aborted) throw new APIUserAbortError();
      if (link.reason() === 'timeout') throw timeoutError();
      throw error;
    }

    return {
      response,
      requestId: response.headers.get('x-request-id') ?? undefined,
      controller: link.controller,
      abortReason: () => (link.reason() === 'timeout' ? timeoutError() : new APIUserAbortError()),
      release: link.release,
      stopTimer: link.stopTimer,
      redact,
    };
  }
}
