import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection } from '../../../src/transport/websocket/connection.js';
import { until } from './setup.js';

describe('Connection: keep-alive pings', () => {
  it('pings an open ws socket, and drops it when a pong does not come back', async () => {
    // A server that never answers pings: a peer gone silent behind a NAT.
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: false });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    let pings = 0;
    let closed = false;
    server.on('connection', (socket) => {
      socket.on('ping', () => {
        pings += 1;
      });
      socket.on('close', () => {
        closed = true;
      });
      socket.on('message', () =>
        socket.send(
          JSON.stringify({ type: 'response.completed', response: { id: 'r', output: [] } }),
        ),
      );
    });
    const connection = new Connection(
      {
        url: `ws://127.0.0.1:${port}/v1/responses`,
        headers: {},
        WebSocket,
        apiKey: undefined,
        pingIntervalMs: 30,
      },
      () => {},
    );
    const controller = new AbortController();
    const source = await connection.send({
      text: '{}',
      signal: controller.signal,
      callerSignal: undefined,
      timeout: 1_000,
    });
    await source.settled();
    expect(source.complete).toBe(true);
    await until(() => closed);
    expect(pings).toBe(1);
    await connection.close();
    server.close();
  });

  it('keeps a socket whose pongs come back', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    let pings = 0;
    let closed = false;
    server.on('connection', (socket) => {
      socket.on('ping', () => {
        pings += 1;
      });
      socket.on('close', () => {
        closed = true;
      });
    });
    const connection = new Connection(
      {
        url: `ws://127.0.0.1:${port}/v1/responses`,
        headers: {},
        WebSocket,
        apiKey: undefined,
        pingIntervalMs: 20,
      },
      () => {},
    );
    const controller = new AbortController();
    const source = await connection.send({
      text: '{}',
      signal: controller.signal,
      callerSignal: undefined,
      timeout: 1_000,
    });
    await until(() => pings >= 3);
    expect(closed).toBe(false);
    source.cancel();
    await connection.close();
    server.close();
  });
});
