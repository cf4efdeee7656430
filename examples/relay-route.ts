/**
 * A relay route: your server asks the model and streams the reply on to the page, which never
 * sees the API key. A web route handler (Next.js, Hono, Bun, Deno, workers) returns
 * `stream.toResponse()`; in node:http or Express, `relayReply` (examples/relay-node.ts) pipes it.
 * The page reads either with `ResponseStream.fromReadableStream(body, { signal })`, and its Stop
 * button aborts that signal, which closes the connection all the way upstream.
 *
 *   npx tsx examples/relay-route.ts      # the built-in fake server: no key, no network
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIUserAbortError, ResponseStream } from 'responses-client';
import { connect, model } from './connect.js';
import { relayReply } from './relay-node.js';

const client = connect([
  'Sunrise is our lightest roast: bright, with blueberry notes.',
  'Midnight is roasted long and slow, for chocolate and smoke, and it stands up to milk.',
]);

/** The web route handler: `POST /api/chat` with `{ "input": "…" }`. */
export async function POST(request: Request): Promise<Response> {
  const { input } = (await request.json()) as { input: string };
  const stream = await client.responses.create(
    { model, input, stream: true },
    { signal: request.signal }, // the client went away before the stream started
  );
  return stream.toResponse(); // text/event-stream; cancelling its body aborts the upstream
}

/** The page's side: shows the reply as it comes; returns how it ended. */
async function show(response: Response, signal: AbortSignal, stopAfter = Infinity) {
  const stream = ResponseStream.fromReadableStream(response.body!, { signal });
  let deltas = 0;
  try {
    for await (const text of stream.textDeltas()) {
      process.stdout.write(text);
      if (++deltas === stopAfter) stop.abort(); // as a Stop button would
    }
    return 'done';
  } catch (error) {
    if (error instanceof APIUserAbortError) return 'stopped';
    throw error;
  } finally {
    process.stdout.write('\n');
  }
}

console.log('> the web route handler, called as a framework calls it');
const request = new Request('http://localhost/api/chat', {
  method: 'POST',
  body: JSON.stringify({ input: 'Tell me about Sunrise.' }),
});
const response = await POST(request);
console.log(`[${response.headers.get('content-type')}]`);
console.log(`[${await show(response, new AbortController().signal)}]`);

console.log('> node:http with relayReply, stopped after three pieces');
const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  await relayReply(client, JSON.parse(body).input, res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const stop = new AbortController();
const relayed = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
  method: 'POST',
  body: JSON.stringify({ input: 'And Midnight?' }),
  signal: stop.signal,
});
console.log(`[${await show(relayed, stop.signal, 3)}]`);
server.close();
