/**
 * The `transport` option and what it needs on the default path: the names only. The WebSocket
 * transport itself (`transport/websocket/`) loads with `import()` on its first request.
 */
import type { SocketPool } from './websocket/pool.js';

/** How requests to `/responses` travel: a fetch each (`'http'`), or a persistent socket (`'websocket'`). */
export type Transport = 'http' | 'websocket';

/**
 * A WebSocket constructor: the runtime's (`globalThis.WebSocket`: Node 22+, Bun, Deno, workerd,
 * browsers) or the `ws` package's (`import { WebSocket } from 'ws'`, on Node 20). The client calls
 * it as `new WebSocket(url)`, or `new WebSocket(url, { headers })` when it has headers to send.
 */
export type WebSocketLike = new (url: string, ...rest: never[]) => object;

/**
 * The client's WebSocket options as given (the WebSocket code reads and checks them when it
 * loads: none of it is on the default path), and its pool of sockets once the first one opened.
 */
export interface WebSocketSettings {
  /** The options `transport`, `WebSocket` and `maxSockets`, as given. */
  readonly options: {
    readonly transport?: Transport | undefined;
    readonly WebSocket?: WebSocketLike | undefined;
    readonly maxSockets?: number | undefined;
  };
  /**
   * The client's sockets: made by its first WebSocket request, closed and forgotten by
   * `client.close()` (a request after it opens new ones).
   */
  pool: Promise<SocketPool> | undefined;
}

/**
 * The conversation a request belongs to, for the WebSocket transport: the requests of one
 * conversation go over one connection (`store: false` chaining needs the server's
 * connection-local cache). The key of an internal field of the request options.
 */
export const laneKey: unique symbol = Symbol();
