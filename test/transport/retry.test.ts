import { HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import {
  APIConnectionError,
  APIError,
  BadRequestError,
  errorClassFor,
  ServiceUnavailableError,
} from '../../src/errors.js';
import {
  isRetryableStatus,
  maxRetryAfterMs,
  retryAfterMs,
  retryDelayMs,
  shouldRetryResponse,
} from '../../src/transport/retry.js';
import {
  baseURL,
  errorResponse,
  gaps,
  observe,
  okResponse,
  scriptFetch,
  serve,
  useMswServer,
} from '../helpers/msw.js';

const server = useMswServer();

const never = () => 0;
const always = () => 1;

describe('isRetryableStatus', () => {
  it.each([408, 409, 429, 500, 501, 502, 503, 504, 599])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([200, 301, 400, 401, 402, 403, 404, 405, 418, 422])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('shouldRetryResponse', () => {
  it('follows x-should-retry: true even on a status that is never retried', () => {
    expect(shouldRetryResponse(400, new Headers({ 'x-should-retry': 'true' }))).toBe(true);
  });

  it('follows x-should-retry: false even on a status that is always retried', () => {
    expect(shouldRetryResponse(503, new Headers({ 'x-should-retry': 'false' }))).toBe(false);
  });

  it('falls back to the status when x-should-retry is absent or neither true nor false', () => {
    expect(shouldRetryResponse(503, new Headers())).toBe(true);
    expect(shouldRetryResponse(400, new Headers({ 'x-should-retry': 'maybe' }))).toBe(false);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2030-01-01T00:00:00.000Z');

  it('reads retry-after-ms in milliseconds', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1234' }), now)).toBe(1234);
  });

  it('prefers retry-after-ms over retry-after', () => {
    const headers = new Headers({ 'retry-after-ms': '250', 'retry-after': '30' });
    expect(retryAfterMs(headers, now)).toBe(250);
  });

  it('falls back to retry-after when retry-after-ms is negative or not a number', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5', 'retry-after': '2' }), now)).toBe(
      2000,
    );
    expect(retryAfterMs(new Headers({ 'retry-after-ms': 'soon', 'retry-after': '2' }), now)).toBe(
      2000,
    );
  });

  it('reads retry-after in seconds, decimals included', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': ' 1.5 ' }), now)).toBe(1500);
  });

  it('reads retry-after as an HTTP date, relative to now', () => {
    const headers = new Headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:07 GMT' });
    expect(retryAfterMs(headers, now)).toBe(7000);
  });

  it('reads an HTTP date in the past as no wish at all: the normal backoff applies', () => {
    const headers = new Headers({ 'retry-after': 'Mon, 31 Dec 2029 23:59:00 GMT' });
    expect(retryAfterMs(headers, now)).toBeUndefined();
  });

  it('reads the two obsolete HTTP date forms, the asctime one in GMT', () => {
    expect(
      retryAfterMs(new Headers({ 'retry-after': 'Tuesday, 01-Jan-30 00:00:07 GMT' }), now),
    ).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue Jan  1 00:00:07 2030' }), now)).toBe(
      7000,
    );
  });

  it.each(['-5', '1 2', '5s', '0x10', '1e3', 'Infinity', ' - 3', 'Tue, 01 Jan 2030'])(
    'reads retry-after %j as no wish at all, where Date.parse would take it for a date',
    (value) => {
      expect(retryAfterMs(new Headers({ 'retry-after': value }), now)).toBeUndefined();
    },
  );

  it.each(['-5', '1 2', '5ms', '1e3', ''])(
    'reads retry-after-ms %j as no wish at all, and falls back to retry-after',
    (value) => {
      const headers = new Headers({ 'retry-after-ms': value, 'retry-after': '2' });
      expect(retryAfterMs(headers, now)).toBe(2000);
      expect(retryAfterMs(new Headers({ 'retry-after-ms': value }), now)).toBeUndefined();
    },
  );

  it('returns undefined without a header or with one it cannot read', () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': 'later, please' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': '' }), now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('doubles from 0.5 s up to 8 s with no jitter when random() is 0', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) =>
      retryDelayMs(attempt, undefined, never),
    );
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('shortens each delay by 25% when random() is 1', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, undefined, always));
    expect(delays).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it('stays within [0.75×, 1×] of the backoff for any random value', () => {
    for (const value of [0, 0.1, 0.25, 0.5, 0.75, 0.999, 1]) {
      for (const [attempt, backoff] of [
        [0, 500],
        [1, 1000],
        [2, 2000],
        [3, 4000],
        [4, 8000],
        [7, 8000],
      ] as const) {
        const delay = retryDelayMs(attempt, new Headers(), () => value);
        expect(delay).toBeGreaterThanOrEqual(backoff * 0.75);
        expect(delay).toBeLessThanOrEqual(backoff);
      }
    }
  });

  it('waits exactly what the server asked for, without jitter', () => {
    expect(retryDelayMs(3, new Headers({ 'retry-after-ms': '250' }), always)).toBe(250);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '2' }), always)).toBe(2000);
  });

  it('caps what the server asked for at 60 s', () => {
    expect(maxRetryAfterMs).toBe(60_000);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '3600' }))).toBe(60_000);
    expect(retryDelayMs(0, new Headers({ 'retry-after-ms': '600000' }))).toBe(60_000);
  });

  it('backs off when the server asked for nothing readable', () => {
    expect(retryDelayMs(1, new Headers({ 'retry-after': 'soon' }), never)).toBe(1000);
  });
});

describe('send: retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  // retrieve() loads its module on first use, and a failed request the module that reads its
  // error body: load them before the clock is faked.
  beforeAll(async () => {
    await import('../../src/resources/stored-responses.js');
    await import('../../src/transport/error-body.js');
  });

  /** Runs a retrieve to completion, letting every backoff timer fire. */
  async function run(client: ResponsesClient, options = {}) {
    const { outcome, done } = observe(client.responses.retrieve('resp_1', {}, options));
    await vi.runAllTimersAsync();
    await done;
    return outcome;
  }

  it.each([408, 409, 429, 500, 502, 503, 504])(
    'retries a %i twice by default (three requests), then throws its error',
    async (status) => {
      const { fetch, calls } = scriptFetch(() => errorResponse(status));
      const outcome = await run(new ResponsesClient({ baseURL, fetch }));
      expect(calls).toHaveLength(3);
      expect(outcome.error).toBeInstanceOf(errorClassFor(status));
      expect((outcome.error as APIError).status).toBe(status);
      expect((outcome.error as APIError).message).toBe(`${status} failed with ${status}`);
    },
  );

  it.each([400, 401, 403, 404, 422])('never retries a %i', async (status) => {
    const { fetch, calls } = scriptFetch(() => errorResponse(status));
    const outcome = await run(new ResponsesClient({ baseURL, fetch, maxRetries: 5 }));
    expect(calls).toHaveLength(1);
    expect((outcome.error as APIError).status).toBe(status);
  });

  it('resolves with the first success after failed attempts', async () => {
    const { fetch, calls } = scriptFetch((_, index) =>
      index < 2 ? errorResponse(503) : okResponse(),
    );
    const outcome = await run(new ResponsesClient({ baseURL, fetch }));
    expect(calls).toHaveLength(3);
    expect(outcome.error).toBeUndefined();
    expect(outcome.value?.id).toBe('resp_1');
  });

  it('sends the same method, URL, headers and body on every attempt', async () => {
    const { fetch, calls } = scriptFetch((_, index) =>
      index < 1 ? errorResponse(500) : okResponse(),
    );
    const client = new ResponsesClient({ baseURL, fetch, apiKey: 'sk-test' });
    const { done } = observe(client.responses.create({ model: 'gpt-test', input: 'Hi' }));
    await vi.runAllTimersAsync();
    await done;
    expect(calls).toHaveLength(2);
    const [first, second] = calls;
    expect(second?.url).toBe(first?.url);
    expect(second?.init.method).toBe('POST');
    expect(second?.init.body).toBe(first?.init.body);
    expect(second?.headers.get('authorization')).toBe('Bearer sk-test');
    expect(second?.init.signal).not.toBe(first?.init.signal);
  });

  it('retries a fetch that throws TypeError, then throws APIConnectionError with it as cause', async () => {
    const failure = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const { fetch, calls } = scriptFetch(() => Promise.reject(failure));
    const outcome = await run(new ResponsesClient({ baseURL, fetch }));
    expect(calls).toHaveLength(3);
    const error = outcome.error as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.message).toBe('Connection error: fetch failed (connect ECONNREFUSED)');
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe('fetch failed');
    expect((error.cause as Error).name).toBe('TypeError');
  });

  it('retries a network error answered by msw, then throws APIConnectionError', async () => {
    const seen = serve(server, () => HttpResponse.error());
    const outcome = await run(new ResponsesClient({ baseURL }));
    expect(seen).toHaveLength(3);
    expect(outcome.error).toBeInstanceOf(APIConnectionError);
    expect((outcome.error as Error).message).toMatch(/^Connection error: /);
  });

  it('recovers when the connection comes back', async () => {
    const { fetch, calls } = scriptFetch((_, index) =>
      index === 0 ? Promise.reject(new TypeError('fetch failed')) : okResponse(),
    );
    const outcome = await run(new ResponsesClient({ baseURL, fetch }));
    expect(calls).toHaveLength(2);
    expect(outcome.value?.output_text).toBe('Hi');
  });

  it.each([
    ['the client', { maxRetries: 0 }, {}, 1],
    ['the request', { maxRetries: 2 }, { maxRetries: 0 }, 1],
    ['the request, above the client', { maxRetries: 0 }, { maxRetries: 1 }, 2],
    ['the client, above the default', { maxRetries: 4 }, {}, 5],
    ['nobody (default 2)', {}, {}, 3],
  ])('takes maxRetries from %s', async (_, clientOptions, requestOptions, requests) => {
    const { fetch, calls } = scriptFetch(() => errorResponse(500));
    const outcome = await run(
      new ResponsesClient({ baseURL, fetch, ...clientOptions }),
      requestOptions,
    );
    expect(calls).toHaveLength(requests);
    expect((outcome.error as APIError).status).toBe(500);
  });

  it('makes exactly one connection attempt with maxRetries: 0', async () => {
    const { fetch, calls } = scriptFetch(() => Promise.reject(new TypeError('fetch failed')));
    const outcome = await run(new ResponsesClient({ baseURL, fetch, maxRetries: 0 }));
    expect(calls).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(APIConnectionError);
  });

  it('retries a 429 after the retry-after-ms delay, not a millisecond sooner', async () => {
    const { fetch, calls } = scriptFetch((_, index) =>
      index === 0 ? errorResponse(429, { 'retry-after-ms': '1234' }) : okResponse(),
    );
    const client = new ResponsesClient({ baseURL, fetch });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(1233);
    expect(calls).toHaveLength(1);
    expect(outcome.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(calls).toHaveLength(2);
    expect(outcome.value?.id).toBe('resp_1');
  });

  it.each([
    ['retry-after in seconds', { 'retry-after': '3' }, 3000],
    ['retry-after in decimal seconds', { 'retry-after': '1.5' }, 1500],
    ['retry-after as an HTTP date', { 'retry-after': 'Tue, 01 Jan 2030 00:00:07 GMT' }, 7000],
    ['retry-after-ms over retry-after', { 'retry-after-ms': '250', 'retry-after': '30' }, 250],
    ['retry-after above 60 s, capped', { 'retry-after': '3600' }, 60_000],
    ['retry-after-ms above 60 s, capped', { 'retry-after-ms': '120000' }, 60_000],
    [
      'an HTTP date two hours away, capped',
      { 'retry-after': 'Tue, 01 Jan 2030 02:00:00 GMT' },
      60_000,
    ],
    ['an unreadable retry-after, as backoff', { 'retry-after': 'soon' }, 500],
  ])('waits as told by %s', async (_, headers, delay) => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, calls } = scriptFetch((_, index) =>
      index === 0 ? errorResponse(503, headers) : okResponse(),
    );
    const client = new ResponsesClient({ baseURL, fetch });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(delay - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(calls).toHaveLength(2);
    expect(gaps(calls)).toEqual([delay]);
    expect(outcome.value?.id).toBe('resp_1');
  });

  it('retries a 400 carrying x-should-retry: true', async () => {
    const { fetch, calls } = scriptFetch(() => errorResponse(400, { 'x-should-retry': 'true' }));
    const outcome = await run(new ResponsesClient({ baseURL, fetch }));
    expect(calls).toHaveLength(3);
    expect(outcome.error).toBeInstanceOf(BadRequestError);
  });

  it('does not retry a 503 carrying x-should-retry: false', async () => {
    const { fetch, calls } = scriptFetch(() => errorResponse(503, { 'x-should-retry': 'false' }));
    const outcome = await run(new ResponsesClient({ baseURL, fetch }));
    expect(calls).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('backs off 0.5, 1, 2, 4, 8, 8 s when Math.random() is 0', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, calls } = scriptFetch(() => errorResponse(503));
    await run(new ResponsesClient({ baseURL, fetch, maxRetries: 6 }));
    expect(calls).toHaveLength(7);
    expect(gaps(calls)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('backs off 25% less when Math.random() is 1', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { fetch, calls } = scriptFetch(() => errorResponse(503));
    await run(new ResponsesClient({ baseURL, fetch, maxRetries: 6 }));
    expect(gaps(calls)).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it('keeps each jittered delay within [0.75×, 1×] of the backoff', async () => {
    const values = [0.2, 0.9, 0.5, 0.01, 0.66, 0.33];
    let next = 0;
    vi.spyOn(Math, 'random').mockImplementation(() => values[next++ % values.length] ?? 0);
    const { fetch, calls } = scriptFetch(() => errorResponse(502));
    await run(new ResponsesClient({ baseURL, fetch, maxRetries: 6 }));
    const backoffs = [500, 1000, 2000, 4000, 8000, 8000];
    const delays = gaps(calls);
    expect(delays).toHaveLength(6);
    delays.forEach((delay, index) => {
      const backoff = backoffs[index] ?? 0;
      expect(delay).toBeGreaterThanOrEqual(backoff * 0.75);
      expect(delay).toBeLessThanOrEqual(backoff);
    });
    expect(delays[0]).toBe(Math.floor(500 * (1 - 0.2 * 0.25)));
  });

  it('backs off between connection attempts as well', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, calls } = scriptFetch(() => Promise.reject(new TypeError('fetch failed')));
    await run(new ResponsesClient({ baseURL, fetch }));
    expect(gaps(calls)).toEqual([500, 1000]);
  });

  // BUG (src/transport/request.ts:146): `await response.body?.cancel()` never settles when the
  // fetch implementation (msw, a logging wrapper, a cache) has cloned the response, because a
  // tee'd stream's cancel waits for both branches. The timeout timer and the abort listener are
  // already released at that point, so the call hangs forever instead of retrying.
  it('retries a 503 whose response the fetch implementation has cloned', async () => {
    const { fetch: inner, calls } = scriptFetch((_, index) =>
      index === 0 ? errorResponse(503) : okResponse(),
    );
    const client = new ResponsesClient({
      baseURL,
      fetch: async (url, init) => {
        const response = await inner(url, init);
        response.clone(); // what a logging or caching fetch wrapper does
        return response;
      },
    });
    const { outcome, done } = observe(client.responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    expect(outcome.settled).toBe(true);
    await done;
    expect(outcome.value?.id).toBe('resp_1');
  });

  // The same bug, as any msw user meets it: msw hands fetch a clone of the handler's response.
  it('retries a 503 answered by msw', async () => {
    const seen = serve(server, (_, index) =>
      index === 0 ? HttpResponse.text('busy', { status: 503 }) : okResponse(),
    );
    const { outcome } = observe(new ResponsesClient({ baseURL }).responses.retrieve('resp_1'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toHaveLength(2);
    expect(outcome.value?.id).toBe('resp_1');
  });
});
