import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection } from '../../../src/transport/websocket/connection.js';
import { until } from './setup.js';

/**
 * A ws server on 127.0.0.1 that counts the pings it gets and notes when its socket closes, and a
 * Connection to it that pings every `pingIntervalMs`, with `send()` sending it one request.
 */
async function pinged(pingIntervalMs: number, options: { autoPong?: boolean } = {}) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const seen = { pings: 0, closed: false };
  server.on('connection', (socket) => {
    socket.on('ping', () => {
      seen.pings += 1;
    });
    socket.on('close', () => {
      seen.closed = true;
    });
  });
  const connection = new Connection(
    {
      url: `ws://127.0.0.1:${port}/v1/responses`,
      headers: {},
      WebSocket,
      apiKey: undefined,
      pingIntervalMs,
    },
    () => {},
  );
  const send = () =>
    connection.send({
      text: '{}',
      signal: new AbortController().signal,
      callerSignal: undefined,
      timeout: 1_000,
    });
  return { server, seen, connection, send };
}

describe('Connection: keep-alive pings', () => {
  it('pings an open ws socket, and drops it when a pong does not come back', async () => {
    // A server that never answers pings: a peer gone silent behind a NAT.
    const { server, seen, connection, send } = await pinged(30, { autoPong: false });
    server.on('connection', (socket) => {
      socket.on('message', () =>
        socket.send(
          JSON.stringify({ type: 'response.completed', response: { id: 'r', output: [] } }),
        ),
      );
    });
    const source = await send();
    await source.settled();
    expect(source.complete).toBe(true);
    await until(() => seen.closed);
    expect(seen.pings).toBe(1);
    await connection.close();
    server.close();
  });

  it('keeps a socket whose pongs come back', async () => {
    const { server, seen, connection, send } = await pinged(20);
    const source = await send();
    await until(() => seen.pings >= 3);
    expect(seen.closed).toBe(false);
    source.cancel();
    await connection.close();
    server.close();
  });
});
