/**
 * Shared test setup: an msw server that intercepts `globalThis.fetch` in-process (nothing leaves
 * the machine), a recorder of the requests it saw, and small helpers for promises under fake timers.
 *
 * Build responses with msw's `HttpResponse`, not the global `Response`: once msw listens it patches
 * the global `Response` and `Headers`, and copying the headers of a `Response.json(…)` answered
 * through msw with `new Headers(response.headers)` then yields an empty set.
 */
import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FetchLike } from '../../src/transport/request.js';

/** The base URL every test client talks to. */
export const baseURL = 'https://api.test/v1';

/** Starts one msw server for the calling test file; unhandled requests fail the test. */
export function useMswServer(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  /** `Date.now()` when the request arrived (fake while fake timers are on). */
  at: number;
}

/**
 * Answers every request below {@link baseURL} with `respond(request, index)` and records each one.
 * `index` counts from 0, so a test can fail the first attempts and succeed afterwards.
 */
export function serve(
  server: SetupServer,
  respond: (request: Request, index: number) => Response | Promise<Response>,
): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.use(
    http.all(`${baseURL}/*`, async ({ request }) => {
      const index = seen.length;
      seen.push({
        method: request.method,
        url: request.url,
        headers: new Headers(request.headers),
        body: await request.clone().text(),
        at: Date.now(),
      });
      return respond(request, index);
    }),
  );
  return seen;
}

/** One call a {@link scriptFetch} function received. */
export interface FetchCall {
  url: string;
  init: RequestInit;
  /** The request headers as sent. */
  headers: Headers;
  /** `Date.now()` when the call was made (fake while fake timers are on). */
  at: number;
}

/**
 * A `fetch` function to pass as the client's `fetch` option, answering each call with
 * `respond(call, index)` and recording it. Unlike msw, it hands the client the very `Response`
 * it built (never a clone), and lets a test script a fetch that throws or hangs.
 */
export function scriptFetch(
  respond: (call: FetchCall, index: number) => Response | Promise<Response>,
): { fetch: FetchLike; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: FetchCall = { url, init, headers: new Headers(init.headers), at: Date.now() };
    calls.push(call);
    return respond(call, calls.length - 1);
  };
  return { fetch, calls };
}

/** The error a real fetch rejects with when its signal aborts. */
export function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** Never answers, like a server that accepted the connection and went quiet; rejects on abort. */
export function hang(init: RequestInit): Promise<never> {
  return new Promise((_, reject) => {
    const { signal } = init;
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/**
 * A 200 whose headers arrive at once and whose body sends `firstChunk` and then stalls. Like a
 * real fetch, aborting the request's signal errors the body.
 */
export function stallingResponse(init: RequestInit, firstChunk = '{"id":"resp_1",'): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(firstChunk));
      init.signal?.addEventListener('abort', () => controller.error(abortError()), { once: true });
    },
  });
  return new HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A JSON error answer in OpenAI's shape. */
export function errorResponse(status: number, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { error: { message: `failed with ${status}`, type: 'server_error', code: null, param: null } },
    { status, headers },
  );
}

/** A minimal valid response object, with one message whose text is `text`. */
export function responseObject(id = 'resp_1', text = 'Hi') {
  return {
    id,
    object: 'response',
    created_at: 1_700_000_000,
    status: 'completed',
    model: 'gpt-test',
    output: [
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
  };
}

/** A 200 answer carrying {@link responseObject}. */
export function okResponse(headers: Record<string, string> = {}): Response {
  return HttpResponse.json(responseObject(), { headers });
}

/** A promise's outcome, readable synchronously while fake timers decide when it settles. */
export interface Outcome<T> {
  settled: boolean;
  value: T | undefined;
  error: unknown;
}

/**
 * Observes a promise without letting its rejection go unhandled. `outcome` fills in when it
 * settles; `done` resolves then (never rejects).
 */
export function observe<T>(promise: PromiseLike<T>): { outcome: Outcome<T>; done: Promise<void> } {
  const outcome: Outcome<T> = { settled: false, value: undefined, error: undefined };
  const done = Promise.resolve(promise).then(
    (value) => {
      outcome.settled = true;
      outcome.value = value;
    },
    (error: unknown) => {
      outcome.settled = true;
      outcome.error = error;
    },
  );
  return { outcome, done };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** What a call rejected with (`undefined` when it resolved). */
export const failureOf = (call: PromiseLike<unknown>): Promise<unknown> =>
  Promise.resolve(call).then(
    () => undefined,
    (error: unknown) => error,
  );

/** The time between consecutive requests, in ms. */
export function gaps(seen: readonly { at: number }[]): number[] {
  return seen.slice(1).map((request, index) => request.at - (seen[index]?.at ?? 0));
}
