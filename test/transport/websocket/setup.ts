/** What the WebSocket transport's tests share: a loopback server and a client of it, both closed after each test. */
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { ResponsesClient } from '../../../src/client.js';
import type { ClientOptions } from '../../../src/options.js';
import {
  type Answer,
  type Loopback,
  type LoopbackOptions,
  loopback,
  send,
  textEvents,
} from './loopback.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** A loopback server, closed after the test. */
export async function serve(answer: Answer, options?: LoopbackOptions): Promise<Loopback> {
  const server = await loopback(answer, options);
  opened.push(server);
  return server;
}

/** A server that answers each request with `echo: <input>`, as response `resp_<n>`. */
export function echo(options?: LoopbackOptions): Promise<Loopback> {
  return serve(
    (message, socket, index) =>
      send(socket, textEvents(`resp_${index}`, `echo: ${String(message.input)}`)),
    options,
  );
}

/** A WebSocket client of `server` (`ws`'s constructor, as on Node 20), closed after the test. */
export function clientOf(server: Loopback, options: ClientOptions = {}) {
  const client = new ResponsesClient({
    baseURL: server.baseURL,
    apiKey: 'sk-test-key',
    transport: 'websocket',
    WebSocket,
    maxRetries: 2,
    ...options,
  });
  opened.push(client);
  return client;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is true, polling every 5 ms, for at most `ms`. */
export async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(5);
  }
}
