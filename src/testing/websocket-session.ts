/**
 * The fake server's WebSocket mode, as the specs write it: each `response.create` message on a
 * socket is answered as `POST /responses` with `stream: true` would be (the same scripted turn,
 * the same rules and state), its SSE events sent as one text frame each, an HTTP error as the
 * `{ type: 'error', status, error }` message, a body that breaks off as a dropped socket. One
 * message at a time per socket, in order; `store: false` responses are kept on the socket that
 * made them (its most recent one), as the server's connection-local cache.
 */
import { createParser } from 'eventsource-parser';
import { isObject } from '../json.js';
import type { ServerEnd, SocketPeer } from './fake-websocket.js';
import type { StoredResponse } from './history.js';

/** A JSON object as sent or received. */
type Json = Record<string, unknown>;

/** What a socket keeps of its own: the `store: false` responses it made. */
export type SocketCache = Map<string, StoredResponse>;

/**
 * Answers one `response.create` (its fields, `type` taken off) as the HTTP path answers a
 * streamed create; rejects when `signal` aborts (the socket closed).
 */
export type AnswerMessage = (
  body: Json,
  signal: AbortSignal,
  cache: SocketCache,
) => Promise<Response>;

/** Headers of an HTTP error answer that the `error` message keeps (how soon to retry, whether to). */
const kept = /^(retry-after|retry-after-ms|x-should-retry)$/;

/** Serves one open socket: its messages answered in order until it closes. */
export function serveSocket(end: ServerEnd, answer: AnswerMessage): SocketPeer {
  const closed = new AbortController();
  const cache: SocketCache = new Map();
  let queue = Promise.resolve();

  async function handle(text: string): Promise<void> {
    if (closed.signal.aborted) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return end.send(refusal(400, 'The message is not valid JSON.', null));
    }
    if (!isObject(message) || message.type !== 'response.create') {
      const type = isObject(message) ? String(message.type) : typeof message;
      return end.send(
        refusal(400, `Unknown event type '${type}': expected 'response.create'.`, 'type'),
      );
    }
    const { type: _, ...body } = message;
    const lane = typeof body.stream_id === 'string' ? body.stream_id : undefined;
    let answered: Response;
    try {
      answered = await answer(body, closed.signal, cache);
    } catch (error) {
      // The socket closed while the turn was being made; or the fake server failed, said so.
      if (closed.signal.aborted) return;
      const why = error instanceof Error ? error.message : String(error);
      return end.send(refusal(500, `fake server: ${why}`, null, { 'x-should-retry': 'false' }));
    }
    if (closed.signal.aborted) return;
    if (!answered.ok) return end.send(await errorMessage(answered, lane));
    await relay(answered, end, lane, closed.signal);
  }

  return {
    message: (text) => {
      queue = queue.then(() => handle(text));
    },
    closed: () => closed.abort(),
  };
}

/** Sends the events of an SSE answer, one frame each; a body that breaks off drops the socket. */
async function relay(
  answered: Response,
  end: ServerEnd,
  lane: string | undefined,
  signal: AbortSignal,
): Promise<void> {
  const parser = createParser({
    onEvent: ({ event, data }) => {
      if (data === '[DONE]') return;
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        return end.send(data);
      }
      if (!isObject(json) || (json.type !== undefined && lane === undefined)) return end.send(data);
      end.send(
        JSON.stringify({
          ...(json.type === undefined && event ? { type: event } : {}),
          ...json,
          ...(lane === undefined ? {} : { stream_id: lane }),
        }),
      );
    },
  });
  const reader = answered.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    // The turn drops the connection midway (or the socket closed, and with it the body).
    if (!signal.aborted) end.close(1006);
  }
}

/** The `error` message of an HTTP error answer: its status, its error body, its retry headers. */
async function errorMessage(answered: Response, lane: string | undefined): Promise<string> {
  const text = await answered.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error: Json =
    isObject(body) && isObject(body.error) ? { ...body.error } : { message: text };
  const headers = [...answered.headers].filter(([name]) => kept.test(name));
  if (headers.length > 0) error.headers = Object.fromEntries(headers);
  return JSON.stringify({
    type: 'error',
    status: answered.status,
    error,
    ...(lane === undefined ? {} : { stream_id: lane }),
  });
}

/** The `error` message for a message the server cannot read (or cannot answer). */
function refusal(
  status: number,
  message: string,
  param: string | null,
  headers?: Record<string, string>,
): string {
  const type = status >= 500 ? 'server_error' : 'invalid_request_error';
  const error = { type, code: null, message, param, ...(headers ? { headers } : {}) };
  return JSON.stringify({ type: 'error', status, error });
}
