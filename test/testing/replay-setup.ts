/** What the replay tests share: a "real" server to record against, the app's client, the network cut off. */
import { afterEach, beforeEach, vi } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import {
  type Cassette,
  createFakeServer,
  createRecorder,
  type FetchFunction,
  type Turn,
} from '../../src/testing/index.js';

export const KEY = 'sk-live-0123456789abcdefSECRET';
export const REAL = 'https://api.openai.com/v1';

/** Every secret the recordings see: the key, and the auth header it goes in. */
export const secrets = [KEY, `Bearer ${KEY}`];

/**
 * A fake server playing the real one at OpenAI's URL (it requires the key), and a recorder in
 * front of it; `fetch` may wrap the real server's fetch.
 */
export function recordAgainst(turns: Turn[], fetch?: (real: FetchFunction) => FetchFunction) {
  const real = createFakeServer({ baseURL: REAL, apiKey: KEY, turns });
  const recorder = createRecorder({ fetch: fetch ? fetch(real.fetch) : real.fetch });
  return { real, recorder };
}

/** A client as the app makes it, on `fetch`; only `fetch` differs between recording and replay. */
export const appClient = (fetch: FetchFunction, apiKey = KEY, options: { timeout?: number } = {}) =>
  new ResponsesClient({ apiKey, fetch, maxRetries: 2, ...options });

/** The cassette as saved and loaded again: plain JSON. */
export const saved = (cassette: Cassette): Cassette => JSON.parse(JSON.stringify(cassette));

/**
 * Cuts the network off for each test of the calling file: any use of the global fetch fails,
 * and is listed in what this returns.
 */
export function unreachableNetwork(): string[] {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('fetch', async (input: string | URL | Request) => {
      calls.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('the network is unreachable in this test');
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return calls;
}
