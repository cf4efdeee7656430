/**
 * The clients the endpoint tests make: of the msw server of test/helpers/msw.ts, or of a fake
 * server (responses-client/testing). Each has key `k` and no retries.
 */
import { HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { expect } from 'vitest';
import { type ClientOptions, type DialectName, ResponsesClient } from '../../src/index.js';
import { createFakeServer, type FakeServerOptions } from '../../src/testing/index.js';
import { baseURL, serve } from './msw.js';
import { specExample, specIssues } from './spec-check.js';

/** What a test lays over a client's options (the client speaks its server's dialect, over HTTP). */
type MoreOptions = Omit<ClientOptions, 'dialect' | 'transport'>;

/** An OpenAI client of the msw server at {@link baseURL}, `options` laid over. */
export const mswClient = (options: MoreOptions = {}): ResponsesClient =>
  new ResponsesClient({ baseURL, apiKey: 'k', maxRetries: 0, ...options });

/**
 * Has `msw` answer every request with `answer`, and gives a client of it with what the server
 * saw: `seen`, as recorded, and `received()`, each request's method, URL and parsed JSON body.
 */
export function canned(msw: SetupServer, answer: () => Response) {
  const seen = serve(msw, answer);
  const received = () =>
    seen.map(({ method, url, body }) => ({
      method,
      url,
      body: body ? JSON.parse(body) : undefined,
    }));
  return { client: mswClient(), seen, received };
}

/**
 * Has `msw` answer with the spec's example answer of `method template`, and checks that `call`
 * gives it back as it is, from a request the spec takes.
 */
export async function readsSpecExample(
  msw: SetupServer,
  method: string,
  template: string,
  call: (client: ResponsesClient) => PromiseLike<unknown>,
): Promise<void> {
  const example = specExample(method, template);
  const { client, received } = canned(msw, () => HttpResponse.json(example));
  expect(await call(client)).toEqual(example);
  expect(received().flatMap(specIssues)).toEqual([]);
}

/**
 * A fake server made with `options` and a client of it speaking its dialect (default OpenAI),
 * `clientOptions` laid over.
 */
export function fakeClient<D extends DialectName = 'openai'>(
  options: FakeServerOptions<D> = {},
  clientOptions: MoreOptions = {},
) {
  const server = createFakeServer(options);
  const client = new ResponsesClient({
    fetch: server.fetch,
    baseURL: server.baseURL,
    apiKey: 'k',
    maxRetries: 0,
    ...clientOptions,
    dialect: options.dialect,
  });
  return { server, client };
}
