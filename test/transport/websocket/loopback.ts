/**
 * A loopback server for the WebSocket transport's tests: `ws`'s WebSocketServer on 127.0.0.1
 * (port 0) behind a node:http server that also answers HTTP, counting both. Each test scripts
 * how a `response.create` message is answered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A JSON object as sent or received. */
export type Json = Record<string, unknown>;

/** How the server answers one `response.create`: what it does on the socket. */
export type Answer = (message: Json, socket: WebSocket, index: number) => void | Promise<void>;

/** The running server, and what it saw. */
export interface Loopback {
  /** The base URL to give the client (`http://127.0.0.1:port/v1`). */
  readonly baseURL: string;
  /** WebSocket connections accepted so far. */
  connections: number;
  /** HTTP requests other than upgrades. */
  httpRequests: number;
  /** Every message received, parsed, in order. */
  readonly received: Json[];
  /** The `Authorization` header of each upgrade. */
  readonly authorizations: (string | undefined)[];
  /** The server side of every socket, in order of connection. */
  readonly sockets: WebSocket[];
  /** Stops the server and drops every socket. */
  close(): Promise<void>;
}

/** Options of {@link loopback}. */
export interface LoopbackOptions {
  /** Refuses an upgrade with this status and JSON body. */
  refuse?: (request: IncomingMessage, index: number) => { status: number; body: Json } | undefined;
  /** Milliseconds to wait before accepting each upgrade. */
  upgradeDelay?: number;
  /** Answers an HTTP request (default: 404). */
  http?: (request: IncomingMessage, response: ServerResponse) => void;
}

/** Starts a loopback server that answers each `response.create` as `answer` says. */
export async function loopback(answer: Answer, options: LoopbackOptions = {}): Promise<Loopback> {
  const server = createServer((request, response) => {
    state.httpRequests += 1;
    if (options.http) options.http(request, response);
    else response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  let upgrades = 0;
  server.on('upgrade', async (request, socket, head) => {
    if (options.upgradeDelay)
      await new Promise((resolve) => setTimeout(resolve, options.upgradeDelay));
    const refusal = options.refuse?.(request, upgrades++);
    if (refusal) {
      const body = JSON.stringify(refusal.body);
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      state.connections += 1;
      state.authorizations.push(request.headers.authorization);
      state.sockets.push(ws);
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as Json;
        state.received.push(message);
        void answer(message, ws, state.received.length - 1);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: Loopback = {
    baseURL: `http://127.0.0.1:${port}/v1`,
    connections: 0,
    httpRequests: 0,
    received: [],
    authorizations: [],
    sockets: [],
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/** The events of a response that says `text` in `parts` deltas: created, deltas, completed. */
export function textEvents(id: string, text: string, parts = 2): Json[] {
  const chunks = Array.from({ length: parts }, (_, i) =>
    text.slice(Math.floor((i * text.length) / parts), Math.floor(((i + 1) * text.length) / parts)),
  );
  const item = {
    type: 'message',
    id: `msg_${id}`,
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
  return lifecycle(id, [item], (n) =>
    chunks.map((delta, i) => ({
      type: 'response.output_text.delta',
      sequence_number: n + i,
      item_id: `msg_${id}`,
      output_index: 0,
      content_index: 0,
      delta,
    })),
  );
}

/** The events of a response that calls `name` with `args` (one function call). */
export function callEvents(id: string, name: string, args: Json, callId = `call_${id}`): Json[] {
  const item = {
    type: 'function_call',
    id: `fc_${id}`,
    call_id: callId,
    name,
    arguments: JSON.stringify(args),
    status: 'completed',
  };
  return lifecycle(id, [item], (n) => [
    { type: 'response.output_item.done', sequence_number: n, output_index: 0, item },
  ]);
}

function lifecycle(id: string, output: Json[], middle: (next: number) => Json[]): Json[] {
  const response = (status: string, items: Json[]) => ({
    id,
    object: 'response',
    status,
    output: items,
  });
  const events = middle(1);
  return [
    { type: 'response.created', sequence_number: 0, response: response('in_progress', []) },
    ...events,
    {
      type: 'response.completed',
      sequence_number: events.length + 1,
      response: response('completed', output),
    },
  ];
}

/** Sends each event as one text frame. */
export function send(socket: WebSocket, events: readonly Json[]): void {
  for (const event of events) socket.send(JSON.stringify(event));
}

/** The `{ type: 'error', status, error }` message of the specs. */
export function errorMessage(
  status: number,
  code: string,
  message: string,
  extra: Json = {},
): Json {
  return {
    type: 'error',
    status,
    error: { type: 'invalid_request_error', code, message, param: null, ...extra },
  };
}

/** The text of a message's input: a string, or the texts of its items joined. */
export function inputText(message: Json): string {
  const input = message.input;
  if (typeof input === 'string') return input;
  return JSON.stringify(input);
}
