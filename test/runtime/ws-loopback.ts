/**
 * The loopback server of the runtime matrix's WebSocket check (smoke/websocket.mjs): `ws`'s
 * WebSocketServer answering `response.create` messages at `/v1/responses`, each turn of a
 * conversation two rounds of calls to `add`, then a text that says what the server saw: the
 * rounds, the upgrade's `Authorization` header, its connections and its HTTP requests to `/v1`.
 * Standalone on 127.0.0.1, or on the server of the page (same origin, for Chromium).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { callEvents, type Json, send, textEvents } from '../transport/websocket/loopback.js';

/** A server's WebSocket side, and what it counts. */
export interface ResponsesSocket {
  /** Hands it an upgrade request (the `upgrade` event of a node:http server). */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Counts an HTTP request to `/v1` (none is expected). */
  countHttp(): void;
  close(): void;
}

/** The WebSocket side of a loopback server. */
export function responsesSocket(): ResponsesSocket {
  const wss = new WebSocketServer({ noServer: true });
  const state = { connections: 0, http: 0, made: 0 };
  const roundOf = new Map<string, number>();
  const answer = (message: Json, socket: WebSocket, auth: string | undefined) => {
    const input = message.input;
    const fresh =
      typeof input === 'string' ||
      (Array.isArray(input) && input.some((item: Json) => item.role === 'user'));
    const previous = String(message.previous_response_id);
    const round = fresh ? 1 : (roundOf.get(previous) ?? 0) + 1;
    const id = `resp_${++state.made}`;
    roundOf.set(id, round);
    const said = `rounds=${round - 1} auth=${auth ?? 'none'} connections=${state.connections} http=${state.http}`;
    send(socket, round <= 2 ? callEvents(id, 'add', { a: round, b: 1 }) : textEvents(id, said));
  };
  return {
    upgrade(request, socket, head) {
      if (new URL(request.url ?? '/', 'http://x').pathname !== '/v1/responses') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        state.connections += 1;
        const auth = request.headers.authorization;
        ws.on('message', (data) => answer(JSON.parse(String(data)) as Json, ws, auth));
      });
    },
    countHttp: () => {
      state.http += 1;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** A loopback server of its own on 127.0.0.1: its base URL (`http://127.0.0.1:port/v1`). */
export async function startLoopback(): Promise<{
  baseURL: string;
  host: string;
  close(): Promise<void>;
}> {
  const sockets = responsesSocket();
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/v1')) sockets.countHttp();
    response.writeHead(404).end();
  });
  server.on('upgrade', sockets.upgrade);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        sockets.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
