import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIUserAbortError, ResponsesClient } from '../../src/index.js';

/** A real HTTP server on 127.0.0.1 that drips events and records when each connection closes. */
let server: Server;
let baseURL = '';
const closed: Promise<void>[] = [];
const maxEvents = 200;

function drip(res: ServerResponse, onClose: () => void): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let sequence = 0;
  const send = (event: Record<string, unknown>) =>
    res.write(
      `event: ${String(event.type)}\ndata: ${JSON.stringify({ ...event, sequence_number: sequence++ })}\n\n`,
    );
  send({
    type: 'response.created',
    response: { id: 'resp_loop', object: 'response', status: 'in_progress', output: [] },
  });
  const timer = setInterval(() => {
    if (sequence >= maxEvents) {
      clearInterval(timer);
      res.end();
      return;
    }
    send({
      type: 'response.output_text.delta',
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: 'x',
    });
  }, 5);
  res.on('close', () => {
    clearInterval(timer);
    onClose();
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    closed.push(new Promise<void>((resolve) => drip(res, resolve)));
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const within = (promise: Promise<void>, ms: number) =>
  Promise.race([
    promise.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still open'), ms)),
  ]);

describe('ResponseStream over a real connection', () => {
  it('closes the connection on the server side when abort() is called', async () => {
    const client = new ResponsesClient({ baseURL });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    let deltas = 0;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta' && ++deltas === 3) stream.abort();
    }
    expect(deltas).toBe(3);
    expect(await within(closed.at(-1) as Promise<void>, 2000)).toBe('closed');
  });

  it('closes the connection on the server side when the loop breaks', async () => {
    const client = new ResponsesClient({ baseURL });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') break;
    expect(await within(closed.at(-1) as Promise<void>, 2000)).toBe('closed');
  });

  it("closes the connection and throws APIUserAbortError when the caller's signal aborts mid-stream", async () => {
    const client = new ResponsesClient({ baseURL });
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { signal: controller.signal },
    );
    const failure = await (async () => {
      for await (const event of stream)
        if (event.type === 'response.output_text.delta') controller.abort();
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(APIUserAbortError);
    expect(await within(closed.at(-1) as Promise<void>, 2000)).toBe('closed');
  });
});
