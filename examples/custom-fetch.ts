/**
 * A custom `fetch`: undici's, with an `Agent` that keeps connections alive between requests
 * (and bounds how many it opens). Anything with fetch's signature goes in the client's `fetch`
 * option: a proxy agent, a logging wrapper, a test double.
 *
 * Here the fake server of `responses-client/testing` is served over HTTP on 127.0.0.1, so the
 * connections are real; three requests go out over one of them.
 *
 *   npx tsx examples/custom-fetch.ts      # no key, no network
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ResponsesClient } from 'responses-client';
import { createFakeServer } from 'responses-client/testing';
import { Agent } from 'undici';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 1 });

const server = await serveOverHttp(
  createFakeServer({ turns: ['Sunrise.', 'Midnight.', 'Decaf Dusk.'] }).fetch,
);
const client = new ResponsesClient({
  baseURL: `${server.url}/v1`,
  // Node's own fetch takes undici's `dispatcher` option (a field its RequestInit type omits).
  fetch: (url, init) => {
    const withAgent = { ...init, dispatcher: agent };
    return fetch(url, withAgent);
  },
});

for (const input of ['A light roast?', 'A dark one?', 'Without caffeine?']) {
  const stream = await client.responses.create({ model: 'fake-model', input, stream: true });
  let text = '';
  for await (const delta of stream.textDeltas()) text += delta;
  console.log(`> ${input}  ${text}`);
}
console.log(`[3 requests over ${server.connections()} connection(s)]`);

await agent.close();
await server.close();

/** Serves a fetch function (here the fake server) on 127.0.0.1, counting TCP connections. */
async function serveOverHttp(handle: (request: Request) => Promise<Response>) {
  let connections = 0;
  const http = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const response = await handle(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method ?? 'GET',
        headers: req.headers as Record<string, string>,
        body: body || null,
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  });
  http.on('connection', () => connections++);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((done) => http.close(() => done())),
  };
}
