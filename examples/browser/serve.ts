/**
 * Serves this example on 127.0.0.1: the two pages (`index.html`, `relay.html`), their code
 * bundled by esbuild on each request (as any bundler would: Vite, webpack, Next.js), and the
 * relay variant's route, `POST /api/chat` (route.ts). Open the URL it prints.
 *
 *   npm run example:browser
 *
 * The route's client talks to the fake server of `responses-client/testing`, here in Node; in
 * an app it is `new ResponsesClient({ apiKey: process.env.OPENAI_API_KEY })`, on the server.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { context } from 'esbuild';
import { ResponsesClient } from 'responses-client';
import { createFakeServer } from 'responses-client/testing';
import { chatRoute } from './route.js';

const dir = import.meta.dirname;
const bundler = await context({
  entryPoints: [`${dir}/main.ts`, `${dir}/relay.ts`],
  outdir: dir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
});

const model = createFakeServer({
  delayMs: 80,
  turns: () =>
    'Through the relay: Sunrise is bright and fruity, Midnight dark and chocolatey, and Decaf ' +
    'Dusk gentle, with a caramel finish. Stop me whenever you like.',
});
const route = chatRoute(new ResponsesClient({ fetch: model.fetch, baseURL: model.baseURL }));

const pages: Record<string, string> = { '/': 'index.html', '/relay.html': 'relay.html' };

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  try {
    if (path === '/api/chat' && req.method === 'POST') return await answer(route, req, res);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(await readFile(`${dir}/${page}`));
    }
    const code = (await bundler.rebuild()).outputFiles?.find((file) => file.path.endsWith(path));
    if (code) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(code.contents);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});

/**
 * Runs a web route handler in node:http, as a framework does: the request's signal aborts when
 * the browser goes away, and the response body is piped with `pipeline`, which cancels it then.
 */
async function answer(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  let body = '';
  for await (const chunk of req) body += chunk;
  const response = await handler(
    new Request(`http://127.0.0.1${req.url}`, { method: 'POST', body, signal: gone.signal }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  // A framework's adapter: Node's stream types and the DOM's differ, hence the cast.
  const nodeBody = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  await pipeline(nodeBody, res).catch(() => {}); // the browser left: the body is cancelled
}

server.listen(Number(process.env.PORT ?? 5173), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(
    `The browser example: http://127.0.0.1:${port}/  (relay variant: /relay.html; Ctrl-C stops it)`,
  );
});
