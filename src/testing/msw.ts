/**
 * `responses-client/testing/msw`: a fake server as msw request handlers, for an app whose tests
 * already run msw. The handlers answer every request below a base URL as the fake server does,
 * streams included, so that a client using its default `fetch` talks to it.
 */
import { type HttpHandler, http } from 'msw';
import type { FakeServer } from './fake-server-options.js';

/** Options of {@link handlersFor}. */
export interface HandlersForOptions {
  /**
   * The base URL the handlers answer under, such as the real server's
   * (`https://api.openai.com/v1`); default the fake server's own `baseURL`.
   */
  baseURL?: string | undefined;
}

/**
 * msw request handlers that answer every request below `baseURL` with the fake server: the path
 * below it is taken as below the server's own base URL, and the server's answer (its status,
 * headers and body, streamed as it streams it) is msw's.
 *
 * @example
 * const server = createFakeServer({ turns: ['Hello!'] });
 * const msw = setupServer(...handlersFor(server, { baseURL: 'https://api.openai.com/v1' }));
 */
export function handlersFor(
  server: Pick<FakeServer<unknown>, 'fetch' | 'baseURL'>,
  options: HandlersForOptions = {},
): HttpHandler[] {
  const base = (options.baseURL ?? server.baseURL).replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const below = request.url.slice(base.length);
      const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.text();
      return server.fetch(`${server.baseURL}${below}`, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      });
    }),
  ];
}
