import { delay, HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  NotFoundError,
  ResponsesError,
} from '../../src/errors.js';
import { APIPromise } from '../../src/resources/api-promise.js';
import type { FetchLike } from '../../src/transport/request.js';
import {
  baseURL,
  errorResponse,
  hang,
  observe,
  okResponse,
  rejectionOf,
  responseObject,
  scriptFetch,
  serve,
  stallingResponse,
  useMswServer,
} from '../helpers/msw.js';

const server = useMswServer();

/** Fake timers, and no backoff jitter (`Math.random()` is 0), in each test of the describe. */
function useFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** Registers an msw handler that never answers (until the request is aborted). */
function serveNothing() {
  let requests = 0;
  server.use(
    http.all(`${baseURL}/*`, async () => {
      requests++;
      await delay('infinite');
      return new HttpResponse(null);
    }),
  );
  return { count: () => requests };
}

describe('send: the fetch function', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses the fetch option instead of globalThis.fetch', async () => {
    const seen = serve(server, () => okResponse());
    const fetch = vi.fn<FetchLike>(async () => okResponse({ 'x-request-id': 'req_custom' }));
    const client = new ResponsesClient({ baseURL, apiKey: 'sk-test', fetch });
    const { requestId } = await client.responses.retrieve('resp_1').withResponse();
    expect(requestId).toBe('req_custom');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(0);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${baseURL}/responses/resp_1`);
    expect(init?.method).toBe('GET');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer sk-test');
  });

  it('looks up globalThis.fetch on every call, not when the client is built', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    const replacement = vi.fn<FetchLike>(async () => okResponse());
    vi.stubGlobal('fetch', replacement);
    await client.responses.retrieve('resp_1');
    expect(replacement).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(0);

    vi.unstubAllGlobals();
    await client.responses.retrieve('resp_1');
    expect(replacement).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
  });

  it('rejects with a ResponsesError, at once, when there is no fetch at all', async () => {
    vi.stubGlobal('fetch', undefined);
    const client = new ResponsesClient({ baseURL });
    const error = await rejectionOf(client.responses.retrieve('resp_1'));
    expect(error).toBeInstanceOf(ResponsesError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('No fetch function');
  });
});

describe('send: timeouts', () => {
  useFakeClock();

  it('throws APITimeoutError when no headers arrive within timeout', async () => {
    const requests = serveNothing();
    const client = new ResponsesClient({ baseURL, timeout: 1000, maxRetries: 0 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(999);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
    expect(outcome.error).toBeInstanceOf(APIConnectionError);
    expect((outcome.error as Error).message).toBe('Request timed out after 1000 ms.');
    expect(requests.count()).toBe(1);
  });

  it('retries a timeout like a connection error, then throws APITimeoutError', async () => {
    const { fetch, calls } = scriptFetch((call) => hang(call.init));
    const client = new ResponsesClient({ baseURL, fetch, timeout: 1000 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    // Timeout 1000 + backoff 500, timeout 1000 + backoff 1000, then the last timeout of 1000.
    await vi.advanceTimersByTimeAsync(4499);
    expect(calls.map((call) => call.at - (calls[0]?.at ?? 0))).toEqual([0, 1500, 3500]);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
    expect(calls).toHaveLength(3);
  });

  it('gives each attempt its own timeout: a retry after a timeout can succeed', async () => {
    const { fetch, calls } = scriptFetch((call, index) =>
      index === 0 ? hang(call.init) : okResponse(),
    );
    const client = new ResponsesClient({ baseURL, fetch, timeout: 1000 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(1500);
    await done;
    expect(calls).toHaveLength(2);
    expect(outcome.value?.id).toBe('resp_1');
  });

  it('lets the per-request timeout override a longer client timeout', async () => {
    const requests = serveNothing();
    const client = new ResponsesClient({ baseURL, timeout: 60_000, maxRetries: 0 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1', {}, { timeout: 200 }));
    await vi.advanceTimersByTimeAsync(199);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
    expect((outcome.error as Error).message).toBe('Request timed out after 200 ms.');
    expect(requests.count()).toBe(1);
  });

  it('lets the per-request timeout override a shorter client timeout', async () => {
    serveNothing();
    const client = new ResponsesClient({ baseURL, timeout: 100, maxRetries: 0 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1', {}, { timeout: 5000 }));
    await vi.advanceTimersByTimeAsync(4999);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
  });

  it('times out a unary call whose body stalls after the headers', async () => {
    const { fetch, calls } = scriptFetch((call) => stallingResponse(call.init));
    const client = new ResponsesClient({ baseURL, fetch, timeout: 1000 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
    expect((outcome.error as Error).message).toBe('Request timed out after 1000 ms.');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
  });

  it('counts the wait for headers and the body read against one timeout', async () => {
    const { fetch } = scriptFetch(async (call) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return stallingResponse(call.init);
    });
    const client = new ResponsesClient({ baseURL, fetch, timeout: 1000, maxRetries: 0 });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(999);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(outcome.error).toBeInstanceOf(APITimeoutError);
  });

  it('does not time out a call that finished in time', async () => {
    const { fetch } = scriptFetch(() => okResponse());
    const client = new ResponsesClient({ baseURL, fetch, timeout: 1000 });
    const response = await client.responses.retrieve('resp_1');
    await vi.advanceTimersByTimeAsync(5000);
    expect(response.id).toBe('resp_1');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('send: abort', () => {
  useFakeClock();

  it('sends nothing when the signal is already aborted', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    const error = await rejectionOf(
      client.responses.create({ model: 'gpt-test', input: 'Hi' }, { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(0);
  });

  it('rejects with APIUserAbortError when aborted while waiting for headers, and never retries', async () => {
    const requests = serveNothing();
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, maxRetries: 5 });
    const { outcome, done } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(50);
    expect(requests.count()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(outcome.error).toBeInstanceOf(APIUserAbortError);
    expect(outcome.error).not.toBeInstanceOf(APIConnectionError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests.count()).toBe(1);
  });

  it('rejects during the backoff sleep after a retryable status, and sends no further request', async () => {
    const { fetch, calls } = scriptFetch(() => errorResponse(503, { 'retry-after': '30' }));
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, fetch, maxRetries: 5 });
    const { outcome, done } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
    expect(outcome.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome.settled).toBe(true);
    await done;
    expect(outcome.error).toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
  });

  it('rejects during the backoff sleep after a connection error, and sends no further request', async () => {
    const { fetch, calls } = scriptFetch(() => Promise.reject(new TypeError('fetch failed')));
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, fetch });
    const { outcome, done } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(outcome.error).toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it('rejects with APIUserAbortError when aborted while the unary body is read', async () => {
    const { fetch, calls } = scriptFetch((call) => stallingResponse(call.init));
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, fetch, timeout: 10_000 });
    const { outcome, done } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(outcome.settled).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(outcome.error).toBeInstanceOf(APIUserAbortError);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it('aborts the fetch it passed down when the caller aborts', async () => {
    const { fetch, calls } = scriptFetch((call) => hang(call.init));
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, fetch });
    const { done } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(calls[0]?.init.signal?.aborted).toBe(false);
    controller.abort();
    await done;
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('forgets the caller signal once a unary call is done', async () => {
    const { fetch, calls } = scriptFetch(() => okResponse());
    const controller = new AbortController();
    const client = new ResponsesClient({ baseURL, fetch });
    await client.responses.retrieve('resp_1', {}, { signal: controller.signal });
    controller.abort();
    expect(calls[0]?.init.signal?.aborted).toBe(false);
  });

  // BUG (src/transport/request.ts:52-63 with :146-147): between releasing the attempt's abort
  // link and starting the backoff sleep, send awaits `response.body.cancel()`. An abort that
  // lands in that gap is missed by `wait`, which only listens for a future 'abort' event: the
  // call then stays pending for the whole backoff (here retry-after: 30 s) before rejecting.
  it('rejects at once when aborted while the retryable response body is being discarded', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptFetch(() => {
      const body = new ReadableStream<Uint8Array>({
        cancel: () => new Promise<void>((resolve) => setTimeout(resolve, 50)),
      });
      return new Response(body, { status: 503, headers: { 'retry-after': '30' } });
    });
    const client = new ResponsesClient({ baseURL, fetch });
    const { outcome } = observe(
      client.responses.retrieve('resp_1', {}, { signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(outcome.error).toBeInstanceOf(APIUserAbortError);
    expect(calls).toHaveLength(1);
  });
});

describe('withResponse', () => {
  it('gives the parsed data, the raw Response and the request id of a unary call', async () => {
    serve(server, () => okResponse({ 'x-request-id': 'req_123' }));
    const client = new ResponsesClient({ baseURL });
    const promise = client.responses.create({ model: 'gpt-test', input: 'Hi' });
    expect(promise).toBeInstanceOf(APIPromise);
    const { data, response, requestId } = await promise.withResponse();
    expect(requestId).toBe('req_123');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_123');
    expect(response.bodyUsed).toBe(true);
    expect(data.id).toBe('resp_1');
    expect(data.output_text).toBe('Hi');
    expect(data.output).toEqual(responseObject().output);
    expect(await promise).toBe(data);
  });

  it('gives an undefined request id when the server sent none', async () => {
    serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    const { requestId, data } = await client.responses.retrieve('resp_1').withResponse();
    expect(requestId).toBeUndefined();
    expect(data.id).toBe('resp_1');
  });

  it('rejects with the APIError when the call fails', async () => {
    serve(server, () => errorResponse(404, { 'x-request-id': 'req_404' }));
    const client = new ResponsesClient({ baseURL });
    const error = await rejectionOf(client.responses.retrieve('resp_x').withResponse());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req_404');
  });

  it('sends one request whether the promise is awaited, withResponse() is called, or both', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    const promise = client.responses.retrieve('resp_1');
    const [direct, { data }] = await Promise.all([promise, promise.withResponse()]);
    expect(direct).toBe(data);
    expect(seen).toHaveLength(1);
  });
});
