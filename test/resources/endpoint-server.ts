/**
 * What the tests of the conversations, stored chat completions and one-model endpoints share: an
 * msw server for the file that answers one route at a time and records what it received (body
 * parsed), and a client of it.
 */
import { HttpResponse, http, type JsonBodyType } from 'msw';
import type { SetupServer } from 'msw/node';
import { afterEach } from 'vitest';
import { type ClientOptions, ResponsesClient } from '../../src/index.js';
import { baseURL, useMswServer } from '../helpers/msw.js';
import type { SentRequest } from '../helpers/spec-check.js';

export { baseURL };

/** An answer: a JSON body (200), or a `Response` as given. */
type Answer = JsonBodyType | Response;

/** How a route answers: from the request, its parsed body and its path parameters. */
export type Route = (
  request: Request,
  body: unknown,
  params: Record<string, string>,
) => Answer | Promise<Answer>;

/**
 * The msw server of the calling test file, what it received (emptied after each test), `on` to
 * answer a route, and `client`.
 */
export function useEndpointServer(): {
  server: SetupServer;
  received: SentRequest[];
  on: (method: 'get' | 'post' | 'delete', path: string, route: Route) => void;
  /** An OpenAI client of the server (no retries), with `options` laid over. */
  client: (options?: Omit<ClientOptions, 'dialect'>) => ResponsesClient;
} {
  const server = useMswServer();
  const received: SentRequest[] = [];
  afterEach(() => {
    received.length = 0;
  });
  const on = (method: 'get' | 'post' | 'delete', path: string, route: Route) => {
    server.use(
      http[method](`${baseURL}${path}`, async ({ request, params }) => {
        const text = await request.clone().text();
        const body: unknown = text ? JSON.parse(text) : undefined;
        received.push({ method: request.method, url: request.url, body });
        const answer = await route(request, body, params as Record<string, string>);
        return answer instanceof Response ? answer : HttpResponse.json(answer);
      }),
    );
  };
  const client = (options: Omit<ClientOptions, 'dialect'> = {}) =>
    new ResponsesClient({ baseURL, apiKey: 'k', maxRetries: 0, ...options });
  return { server, received, on, client };
}
