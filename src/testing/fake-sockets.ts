/**
 * The sockets of a fake server's WebSocket mode: the upgrade (path, key, whether the server has
 * the mode), the count of connections, and each `response.create` recorded and answered.
 */
import type { FakeWebSocketConstructor } from './fake-websocket.js';
import { fakeWebSocketClass } from './fake-websocket.js';
import type { RecordedRequest } from './recorded-request.js';
import { bearerOf, routeOf, segmentsOf } from './routes.js';
import { type SocketCache, serveSocket } from './websocket-session.js';
import type { Wire } from './wire/wire.js';

/** How a fake server takes WebSocket connections. */
export interface SocketOptions<Params> {
  wire: Wire;
  /** The base URL's path, without its trailing slash. */
  basePath: string;
  /** Why every upgrade is refused (no WebSocket mode), if it is. */
  refuseAll?: string | undefined;
  /** The key the upgrade must carry, if one is required. */
  apiKey?: string | undefined;
  /** Where each message's record goes (`server.requests`). */
  requests: RecordedRequest<Params>[];
  /** Answers a recorded `response.create` as a streamed `POST /responses`. */
  create(
    request: RecordedRequest<Params>,
    index: number,
    signal: AbortSignal,
    cache: SocketCache,
  ): Promise<Response>;
}

/** A server's WebSocket constructor, and how many connections it accepted. */
export interface FakeSockets {
  readonly WebSocket: FakeWebSocketConstructor;
  readonly connections: number;
}

/** The WebSocket side of a fake server. */
export function fakeSockets<Params>(options: SocketOptions<Params>): FakeSockets {
  const { wire, basePath, requests } = options;
  let connections = 0;
  const WebSocket = fakeWebSocketClass(({ url, headers }, end) => {
    if (options.refuseAll !== undefined) return { status: 404, message: options.refuseAll };
    const path = segmentsOf(new URL(url).pathname, basePath);
    if (routeOf('POST', path, wire).endpoint !== 'create')
      return { status: 404, message: `No WebSocket endpoint at ${new URL(url).pathname}.` };
    const key = bearerOf(headers);
    if (options.apiKey !== undefined && key !== options.apiKey)
      return { status: 401, message: wire.unauthorized(key).message };
    connections += 1;
    return serveSocket(end, async (body, signal, cache) => {
      const recorded: RecordedRequest<Params> = {
        transport: 'websocket',
        method: 'POST',
        url,
        path,
        endpoint: 'create',
        headers,
        body: body as Params,
        context: [],
        status: undefined,
      };
      const index = requests.push(recorded) - 1;
      const answered = await options.create(recorded, index, signal, cache);
      recorded.status = answered.status;
      return answered;
    });
  });
  return {
    WebSocket,
    get connections() {
      return connections;
    },
  };
}
