/**
 * A real HTTP server on 127.0.0.1 (port 0) for fault injection: each test says what it does with
 * each request (answer, stall, drip, drop the socket), and the server records what it received
 * and which connections are still open. No msw: the client's own fetch talks to a real socket.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** A request as the server received it. */
export interface Received {
  method: string;
  /** The path and query, e.g. `/v1/responses?after=x`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as text ('' when none). */
  body: string;
}

/** What the server does with one request; `index` counts requests from 0 since the last `handle`. */
export type Handler = (
  request: Received,
  res: ServerResponse,
  index: number,
  req: IncomingMessage,
) => void;

export interface FaultServer {
  /** `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Every request received since the last `handle`. */
  readonly requests: Received[];
  /** Sets what the server does with every request from now on, and clears `requests`. */
  handle(handler: Handler): void;
  /** Resolves when the server has received `count` requests since the last `handle`. */
  received(count: number): Promise<void>;
  /** Resolves when request `index` has come and its response has closed (ended, or its socket gone). */
  closed(index: number): Promise<void>;
  /**
   * Resolves `true` once the response to every request since the last `handle` has closed, or
   * `false` if one is still open after `ms`: a connection the client left hanging.
   */
  allClosed(ms?: number): Promise<boolean>;
  /** How many sockets are open right now. */
  openSockets(): number;
  /** Stops the server: every socket destroyed, every timer the handlers set cleared. */
  close(): Promise<void>;
  /** A `setTimeout` / `setInterval` that `close` clears, for handlers that stall or drip. */
  later(ms: number, run: () => void): void;
  every(ms: number, run: () => void): () => void;
}

/**
 * One fault server for the calling test file, answering 500 until a test sets its own handler:
 * it listens before the file's first test and closes after its last, and after each test every
 * connection that test opened must have closed (the client lets go of what it stops reading).
 * Its fields are read inside tests and hooks (`baseURL` throws before it listens).
 */
export function useFaultServer(): FaultServer {
  const { server, listen } = faultServer();
  beforeAll(listen);
  afterEach(async () => expect(await server.allClosed()).toBe(true));
  afterAll(() => server.close());
  return server;
}

/** A fault server that is not listening yet, and the function that starts it. */
function faultServer(): { server: FaultServer; listen: () => Promise<void> } {
  let handler: Handler = (_request, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('no handler set');
  };
  let requests: Received[] = [];
  let responseClosed: Promise<void>[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let origin: string | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(request) - 1;
      responseClosed[index] = new Promise((resolve) => res.on('close', () => resolve()));
      waiters = waiters.filter((waiter) => {
        if (requests.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
      try {
        handler(request, res, index, req);
      } catch (error) {
        res.destroy(error as Error);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const listening = (): string => {
    if (origin === undefined) throw new Error('The fault server listens from beforeAll on.');
    return origin;
  };

  const received = (count: number): Promise<void> => {
    if (requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ count, resolve }));
  };

  const faults: FaultServer = {
    get baseURL() {
      return `${listening()}/v1`;
    },
    get origin() {
      return listening();
    },
    get requests() {
      return requests;
    },
    handle(next) {
      handler = next;
      requests = [];
      responseClosed = [];
      waiters = [];
    },
    received,
    async closed(index) {
      await received(index + 1);
      return responseClosed[index];
    },
    allClosed(ms = 2_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      const closed = Promise.all(responseClosed).then(() => true);
      return Promise.race([closed, late]).finally(() => clearTimeout(timer));
    },
    openSockets: () => sockets.size,
    later(ms, run) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    },
    every(ms, run) {
      const timer = setInterval(run, ms);
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
      };
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return { server: faults, listen };
}

/** A server port on 127.0.0.1 that nothing listens on any more: connecting to it is refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Json = Record<string, unknown>;

/** One SSE frame with its `event:` line. */
export const frame = (event: Json): string =>
  `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;

/** Starts an event-stream answer and sends its headers at once. */
export function openEventStream(res: ServerResponse, headers: Json = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    ...headers,
  });
  res.flushHeaders();
}

/** A JSON answer. */
export function sendJSON(res: ServerResponse, status: number, body: unknown, headers: Json = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A completed canonical response holding one assistant message with `text`. */
export function completedResponse(id: string, text: string): Json {
  return {
    id,
    object: 'response',
    created_at: 1,
    status: 'completed',
    model: 'm',
    output: [
      {
        type: 'message',
        id: `msg_${id}`,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
  };
}

/** The canonical events of a text answer: created, one delta per piece, done events, completed. */
export function textEvents(id: string, deltas: readonly string[]): Json[] {
  const at = { item_id: `msg_${id}`, output_index: 0, content_index: 0 };
  const text = deltas.join('');
  const done = completedResponse(id, text);
  const item = (done.output as Json[])[0] as Json;
  const events: Json[] = [
    { type: 'response.created', response: { ...done, status: 'in_progress', output: [] } },
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { ...item, status: 'in_progress', content: [] },
    },
    {
      type: 'response.content_part.added',
      ...at,
      part: { type: 'output_text', text: '', annotations: [] },
    },
    ...deltas.map((delta) => ({ type: 'response.output_text.delta', ...at, delta })),
    { type: 'response.output_text.done', ...at, text },
    {
      type: 'response.content_part.done',
      ...at,
      part: { type: 'output_text', text, annotations: [] },
    },
    { type: 'response.output_item.done', output_index: 0, item },
    { type: 'response.completed', response: done },
  ];
  return events.map((event, sequence_number) => ({ ...event, sequence_number }));
}

/** What a call threw (or `undefined` when it did not), for assertions on the error itself. */
export async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Iterates a stream to its end, collecting the events, and says how it ended. */
export async function drain<T>(stream: AsyncIterable<T>): Promise<{ events: T[]; error: unknown }> {
  const events: T[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}
