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

function lookUpFetch(call: CallOptions): FetchLike {
  const fetch = call.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetch !== 'function') {
    throw new ResponsesError(
      'No fetch function: pass one as the `fetch` option (globalThis.fetch is missing).',
    );
  }
  return fetch;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
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
 * An absolute http(s) URL with no user or password: any other goes through `checkURL` (one
 * fetch would refuse, like `http://exa mple`, is caught by {@link refused} and never retried).
 */
const plainURL = /^https?:\/\/[^/?#@\s]*(?:[/?#]|$)/i;
/** The checks that explain what fetch would refuse, loaded when a quick check fails. */
const checks = () => import('./request-checks.js');

/**
 * A failure another attempt cannot fix: an argument fetch refused (undici's `UND_ERR_INVALID_ARG`,
 * `ERR_INVALID_URL`), a proxy that asks for credentials (`Proxy response (407) …`).
 */
function refused(cause: unknown): boolean {
  for (let at = cause, depth = 0; at instanceof Object && depth < 8; depth++) {
    const { code, message, cause: next } = at as Partial<Record<string, unknown>>;
    if (/\(407\)|INVALID_(ARG|URL)/.test(`${code} ${message}`)) return true;
    at = next;
  }
  return false;
}

/** A response that says to look elsewhere (one a browser keeps opaque included). */
const isRedirect = (response: Response) =>
  (response.status > 299 && response.status < 400) || response.type === 'opaqueredirect';

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
  const url = buildURL(call.baseURL, request.path, request.query);
  if (!plainURL.test(url)) (await checks()).checkURL(url);
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
    const sets = [auth, extra, ...call.headers];
    throw (await checks()).headersError(
      sets.map((set, index) => ({ option: index === 0 ? 'apiKey' : 'headers', set })),
    );
  }
  // `extraBody` is laid over the checked, mapped body (always an object): fields sent as written.
  const body =
    request.body === undefined
      ? undefined
      : JSON.stringify({ ...(request.body as object), ...extraBody });
  // Outside a browser the client sees each redirect, to follow it only within the origin; a
  // browser shows none (an opaque answer), so it follows them itself (see docs/reliability.md).
  const redirect = isBrowserLike() ? 'follow' : 'manual';

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const link = linkAbort(signal, timeout);
    // False while fetch is being called: a throw then is fetch refusing its arguments.
    let sent = true;
    const fetchHop = (hop: Hop) => {
      sent = false;
      const pending = lookUpFetch(call)(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body ?? null,
        signal: link.controller.signal,
        redirect,
      });
      sent = true;
      return pending;
    };
    let response: Response;
    try {
      const first: Hop = { url, method: request.method, headers, body };
      response = await fetchHop(first);
      if (isRedirect(response))
        response = await (await import('./redirect.js')).follow(fetchHop, first, response);
    } catch (cause) {
      link.release();
      if (link.reason() === 'user' || signal?.aborted) throw new APIUserAbortError();
      if (cause instanceof ResponsesError) throw await redact(cause);
      const timedOut = link.reason() === 'timeout';
      // Retried without loading anything first (a test's fake timers then run the backoff as is).
      if (attempt < maxRetries && sent && (timedOut || !refused(cause))) {
        await wait(retryDelayMs(attempt), signal);
        continue;
      }
      if (timedOut) throw new APITimeoutError(`Request timed out after ${timeout} ms.`);
      throw await redact((await import('./connection-error.js')).connectionError(cause));
    }

    if (!response.ok) {
      if (attempt < maxRetries && shouldRetryResponse(response.status, response.headers)) {
        link.release();
        // Not awaited: cancelling one branch of a cloned body waits for the other, forever.
        void response.body?.cancel().catch(() => {});
        await wait(retryDelayMs(attempt, response.headers), signal);
        continue;
      }
      const { errorFromResponse } = await import('./error-body.js');
      const error = await errorFromResponse(response, secrets, link.controller.signal);
      link.release();
      if (link.reason() === 'user' || signal?.aborted) throw new APIUserAbortError();
      if (link.reason() === 'timeout')
        throw new APITimeoutError(`Request timed out after ${timeout} ms.`);
      throw error;
    }

    return {
      response,
      requestId: response.headers.get('x-request-id') ?? undefined,
      controller: link.controller,
      abortReason: () =>
        link.reason() === 'timeout'
          ? new APITimeoutError(`Request timed out after ${timeout} ms.`)
          : new APIUserAbortError(),
      release: link.release,
      stopTimer: link.stopTimer,
      redact,
    };
  }
}
