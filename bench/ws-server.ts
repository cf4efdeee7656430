/**
 * The loopback server of `npm run bench:ws`, run in a process of its own (so that the bench's
 * CPU figures are the client's alone): `/v1/responses` over HTTP (SSE) and over WebSocket, with
 * the same scripted events (a unary HTTP create gets the response they end with). A response whose `previous_response_id` is round n of a tool loop
 * is round n + 1; rounds before the last call the `step` tool, the last one answers in text.
 * Prints its port, then serves until killed.
 *   ROUNDS=20 tsx bench/ws-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';

const rounds = Number(process.env.ROUNDS ?? 20);
const roundOf = new Map<string, number>();
let made = 0;

type Json = Record<string, unknown>;

/** The events of one round: a function call streamed in pieces, or the final text. */
function events(message: Json): Json[] {
  const previous = message.previous_response_id;
  const round = typeof previous === 'string' ? (roundOf.get(previous) ?? 0) + 1 : 1;
  const id = `resp_${++made}`;
  roundOf.set(id, round);
  const response = (status: string, output: Json[]) => ({
    id,
    object: 'response',
    status,
    model: 'bench',
    output,
  });
  let sequence = 0;
  const event = (type: string, fields: Json) => ({ type, sequence_number: sequence++, ...fields });
  const body: Json[] = [event('response.created', { response: response('in_progress', []) })];
  let item: Json;
  if (round < rounds) {
    const args = JSON.stringify({ round, note: 'x'.repeat(40) });
    item = {
      type: 'function_call',
      id: `fc_${id}`,
      call_id: `call_${id}`,
      name: 'step',
      arguments: args,
      status: 'completed',
    };
    body.push(
      event('response.output_item.added', {
        output_index: 0,
        item: { ...item, arguments: '', status: 'in_progress' },
      }),
    );
    for (let at = 0; at < args.length; at += 8)
      body.push(
        event('response.function_call_arguments.delta', {
          item_id: item.id,
          output_index: 0,
          delta: args.slice(at, at + 8),
        }),
      );
    body.push(
      event('response.function_call_arguments.done', {
        item_id: item.id,
        output_index: 0,
        arguments: args,
      }),
    );
  } else {
    const text = 'All twenty steps are done. '.repeat(4);
    item = {
      type: 'message',
      id: `msg_${id}`,
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text, annotations: [] }],
    };
    for (let at = 0; at < text.length; at += 12)
      body.push(
        event('response.output_text.delta', {
          item_id: item.id,
          output_index: 0,
          content_index: 0,
          delta: text.slice(at, at + 12),
        }),
      );
  }
  body.push(event('response.output_item.done', { output_index: 0, item }));
  body.push(event('response.completed', { response: response('completed', [item]) }));
  return body;
}

const server = createServer((request, response) => {
  let text = '';
  request.on('data', (chunk) => {
    text += chunk;
  });
  request.on('end', () => {
    const message = JSON.parse(text) as Json;
    const answer = events(message);
    if (message.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.end(answer.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
    } else {
      // A unary create: the response the stream would end with.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify((answer.at(-1) as Json).response));
    }
  });
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket) => {
  // The events of a round are written at once, as the HTTP answer's are (one write, not one
  // per frame): the same bytes on the wire, framed differently.
  const tcp = (socket as unknown as { _socket: Socket })._socket;
  socket.on('message', (data) => {
    tcp.cork();
    for (const e of events(JSON.parse(String(data)) as Json)) socket.send(JSON.stringify(e));
    tcp.uncork();
  });
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
