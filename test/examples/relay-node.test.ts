import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { relayReply } from '../../examples/relay-node.js';
import { ResponsesClient } from '../../src/client.js';
import { APIUserAbortError } from '../../src/errors.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { textStreamFrames } from '../helpers/streams.js';

/**
 * The relay recipe of docs/browser-and-relays.md (examples/relay-node.ts) between three real
 * parties on 127.0.0.1: a model server upstream, the relay (node:http, then Express), and a
 * browser-side reader.
 */

const servers: Server[] = [];
/** What each relay call returned: it must settle, never hang, however the browser left. */
const relayed: Promise<void>[] = [];
afterEach(async () => {
  relayed.length = 0;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A model server: `POST /v1/responses` streams the frames of `Hel`, `lo`, ` there`; with
 * `hold`, it sends the first four (created and two deltas, after `holdHeaders` none at all)
 * and keeps the connection open. `closed` resolves when the connection of a request it has
 * not finished closes: what the relay must cause when the browser goes away; `arrived`, when
 * the first request has come in.
 */
async function modelServer(mode: 'whole' | 'hold' | 'holdHeaders') {
  let closedEarly!: () => void;
  const closed = new Promise<void>((resolve) => {
    closedEarly = resolve;
  });
  let requests = 0;
  let received!: () => void;
  const arrived = new Promise<void>((resolve) => {
    received = resolve;
  });
  const url = await listen((req, res) => {
    requests += 1;
    received();
    res.on('close', () => {
      if (!res.writableFinished) closedEarly();
    });
    req.resume();
    if (mode === 'holdHeaders') return; // never answers: the request is still pending
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const frames = textStreamFrames(['Hel', 'lo', ' there']);
    if (mode === 'whole') res.end(frames.join(''));
    else res.write(frames.slice(0, 4).join(''));
  });
  return { baseURL: `${url}/v1`, arrived, closed, requests: () => requests };
}

/** The relay in node:http: the body is `{ "input": … }`, as the guide shows it. */
function nodeRelay(client: ResponsesClient): RequestListener {
  return async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const done = relayReply(client, JSON.parse(body).input, res);
    relayed.push(done);
    await done;
  };
}

/** The same relay as an Express route, `express.json()` parsing the body. */
function expressRelay(client: ResponsesClient): RequestListener {
  const app = express();
  app.post('/api/chat', express.json(), (req, res) => {
    const done = relayReply(client, req.body.input, res);
    relayed.push(done);
    return done;
  });
  return app;
}

/** The browser side: POST to the relay, read the events back, aborting with `signal`. */
async function ask(relay: string, signal: AbortSignal): Promise<ResponseStream> {
  const response = await fetch(`${relay}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: 'Hello?' }),
    signal,
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  return ResponseStream.fromReadableStream(response.body as ReadableStream<Uint8Array>, { signal });
}

const relays = { 'node:http': nodeRelay, Express: expressRelay };

describe.each(Object.entries(relays))('the relay recipe of the guide in %s', (_name, makeRelay) => {
  it('relays the whole reply, which the browser side reads as typed events', async () => {
    const upstream = await modelServer('whole');
    const client = new ResponsesClient({ baseURL: upstream.baseURL, apiKey: 'k', maxRetries: 0 });
    const relay = await listen(makeRelay(client));
    const stream = await ask(relay, new AbortController().signal);
    let text = '';
    for await (const delta of stream.textDeltas()) text += delta;
    expect(text).toBe('Hello there');
    expect((await stream.finalResponse()).output_text).toBe('Hello there');
  });

  it('closes the upstream connection when the browser aborts midway, and the browser gets APIUserAbortError', async () => {
    const upstream = await modelServer('hold');
    const client = new ResponsesClient({ baseURL: upstream.baseURL, apiKey: 'k', maxRetries: 0 });
    const relay = await listen(makeRelay(client));
    const stop = new AbortController();
    const stream = await ask(relay, stop.signal);
    const deltas: string[] = [];
    const failure = await (async () => {
      for await (const delta of stream.textDeltas()) {
        deltas.push(delta);
        if (deltas.length === 2) stop.abort();
      }
    })().catch((caught: unknown) => caught);

    expect(deltas).toEqual(['Hel', 'lo']);
    expect(failure).toBeInstanceOf(APIUserAbortError);
    // Resolves only when the model server sees its unfinished response's connection close.
    await expect(upstream.closed).resolves.toBeUndefined();
    expect(upstream.requests()).toBe(1);
    await expect(Promise.all(relayed.splice(0))).resolves.toHaveLength(1);
  });

  it('aborts the upstream request when the browser goes away before the stream has started', async () => {
    const upstream = await modelServer('holdHeaders');
    const client = new ResponsesClient({ baseURL: upstream.baseURL, apiKey: 'k', maxRetries: 0 });
    const relay = await listen(makeRelay(client));
    const stop = new AbortController();
    const asked = ask(relay, stop.signal).catch((caught: unknown) => caught);
    await upstream.arrived;
    stop.abort();

    expect(await asked).toMatchObject({ name: 'AbortError' });
    await expect(upstream.closed).resolves.toBeUndefined();
    expect(upstream.requests()).toBe(1);
    await expect(Promise.all(relayed.splice(0))).resolves.toHaveLength(1);
  });
});
