/**
 * WebSocket mode: a tool loop whose every round goes over one persistent connection. It runs
 * against a small loopback server made with the `ws` package (a stand-in for OpenAI's
 * `wss://api.openai.com/v1/responses`: it calls `roll_die` until two sixes came, then
 * answers), and counts the connections it accepted.
 *
 *   npx tsx examples/websocket.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod/mini';
import { ResponsesClient } from '../src/index.js';

// The stand-in server: each `response.create` message is answered with the events of one
// response, one text frame each (the events an HTTP stream would carry). It calls roll_die
// until two sixes came back, then answers.
const http = createServer();
const wss = new WebSocketServer({ server: http });
let connections = 0;
let made = 0;
wss.on('connection', (socket) => {
  connections += 1;
  let rolled = 0;
  let sixes = 0;
  socket.on('message', (data) => {
    const request = JSON.parse(String(data)) as { input?: { type?: string; output?: string }[] };
    for (const item of request.input ?? [])
      if (item.type === 'function_call_output') {
        rolled += 1;
        if (item.output === '6') sixes += 1;
      }
    const id = `resp_${++made}`;
    const text = `Two sixes in ${rolled} rolls.`;
    const item =
      sixes >= 2
        ? {
            type: 'message',
            id: `msg_${id}`,
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text, annotations: [] }],
          }
        : {
            type: 'function_call',
            id: `fc_${id}`,
            call_id: `call_${id}`,
            name: 'roll_die',
            arguments: '{}',
            status: 'completed',
          };
    const response = (status: string, output: object[]) => ({
      id,
      object: 'response',
      status,
      output,
    });
    for (const event of [
      { type: 'response.created', sequence_number: 0, response: response('in_progress', []) },
      { type: 'response.output_item.done', sequence_number: 1, output_index: 0, item },
      { type: 'response.completed', sequence_number: 2, response: response('completed', [item]) },
    ])
      socket.send(JSON.stringify(event));
  });
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;

// The app: a client whose requests go over WebSocket (`ws` on Node 20; Node 22+ has its own).
const client = new ResponsesClient({
  baseURL,
  apiKey: 'sk-local',
  transport: 'websocket',
  WebSocket,
});
let rolls = 0;
const chat = client.conversation({
  model: 'gpt-5',
  store: false, // chained by previous_response_id all the same: the connection keeps the last one
  maxToolRounds: 20,
  tools: {
    roll_die: {
      description: 'Rolls a six-sided die',
      parameters: z.object({}),
      execute: () => String((++rolls % 6) + 1),
    },
  },
});

console.log('> Roll the die until two sixes come up.');
const answer = await chat.send('Roll the die until two sixes come up.');
console.log(answer.output_text);
console.log(`${made} responses over ${connections} WebSocket connection(s), ${rolls} tool calls`);

await client.close();
wss.close();
http.close();
