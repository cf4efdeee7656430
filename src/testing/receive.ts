import { abortError } from './body.js';
import type { RecordedRequest } from './recorded-request.js';
import { type Route, routeOf, segmentsOf } from './routes.js';
import type { Wire } from './wire/wire.js';

/** A request as a fake server receives it: recorded for `server.requests`, and routed. */
export interface Received<Params> {
  recorded: RecordedRequest<Params>;
  route: Route;
  url: URL;
  /** The body as sent. */
  text: string;
  /** Whether the body is text that is not JSON. */
  unreadable: boolean;
  /** The caller's own signal. */
  signal: AbortSignal | null;
}

/**
 * Reads a request sent to a fake server's `fetch`: its body (parsed when JSON), its path below
 * `basePath` and the endpoint of `wire` it reaches. An aborted signal rejects, as fetch does.
 */
export async function receive<Params>(
  input: string | URL | Request,
  init: RequestInit | undefined,
  basePath: string,
  wire: Wire,
): Promise<Received<Params>> {
  const request = new Request(input, init);
  // The caller's own signal: a copy made by `new Request` may stop following it once the
  // request is garbage-collected (undici follows through a WeakRef).
  const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
  if (signal?.aborted) throw abortError();
  const url = new URL(request.url);
  const text = await request.text();
  let body: unknown;
  let unreadable = false;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    unreadable = true;
  }
  const path = segmentsOf(url.pathname, basePath);
  const route = routeOf(request.method, path, wire);
  const recorded: RecordedRequest<Params> = {
    transport: 'http',
    method: request.method,
    url: request.url,
    path,
    endpoint: route.endpoint,
    headers: Object.fromEntries(request.headers),
    body: body as Params | undefined,
    context: [],
    status: undefined,
  };
  return { recorded, route, url, text, unreadable, signal };
}
