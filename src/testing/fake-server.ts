import {
  type FakeResponseInit,
  type Json,
  messageItem,
  responseObject,
  textReplyEvents,
} from './events.js';
import {
  type ErrorTurn,
  type NormalizedTurn,
  normalizeTurn,
  type TextTurn,
  type Turn,
} from './turns.js';

/** A request the fake server received, for assertions. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** The path below the base URL, decoded, e.g. `['responses', 'resp_1']`. */
  path: string[];
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

/** Options of {@link createFakeServer}. */
export interface FakeServerOptions {
  /** The replies, one per `POST /responses`, in order. */
  turns?: readonly Turn[] | undefined;
  /** The base URL the fake answers under; default `https://fake.responses.test/v1`. */
  baseURL?: string | undefined;
  /** The `model` reported when the request names none; default `fake-model`. */
  model?: string | undefined;
  /** Milliseconds between two streamed events; default 0. */
  delayMs?: number | undefined;
}

/** An in-process Responses server, exposed as a `fetch` function. */
export interface FakeServer {
  /** Pass it as the client's `fetch` option. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Pass it as the client's `baseURL` option. */
  baseURL: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Turns not yet played. */
  readonly remainingTurns: number;
  /** Appends turns to the script. */
  enqueue(...turns: Turn[]): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const apiError = (
  status: number,
  message: string,
  code: string | null = null,
  headers: Record<string, string> = {},
) =>
  json(
    status,
    {
      error: {
        message,
        type: status >= 500 ? 'server_error' : 'invalid_request_error',
        code,
        param: null,
      },
    },
    headers,
  );

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Streams events as SSE, one every `delayMs`, and stops when the request is aborted. */
function sseBody(
  events: readonly Json[],
  delayMs: number,
  signal: AbortSignal | null | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          controller.error(abortError());
        },
        { once: true },
      );
    },
    pull(controller) {
      const event = events[next++];
      if (!event) return controller.close();
      const bytes = encoder.encode(
        `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`,
      );
      if (delayMs <= 0 || next === 1) return controller.enqueue(bytes);
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          controller.enqueue(bytes);
          resolve();
        }, delayMs);
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

function countWords(input: unknown): number {
  const text = typeof input === 'string' ? input : JSON.stringify(input ?? '');
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Creates a fake Responses server that runs in-process: `POST /responses` plays the next scripted
 * turn (unary or streamed, as asked), and `GET`, `DELETE` and `POST …/cancel` act on the responses
 * it created. When the script runs out it answers 500 with `x-should-retry: false`, saying so.
 *
 * @example
 * const server = createFakeServer({ turns: ['Hello there!'] });
 * const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });
 */
export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  const baseURL = (options.baseURL ?? 'https://fake.responses.test/v1').replace(/\/+$/, '');
  const basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  const script: NormalizedTurn[] = (options.turns ?? []).map(normalizeTurn);
  const stored = new Map<string, Json>();
  const requests: RecordedRequest[] = [];
  let created = 0;

  function play(
    turn: TextTurn & { chunks: readonly string[] },
    body: Json,
    signal: AbortSignal | null | undefined,
  ): Response {
    created += 1;
    const init: FakeResponseInit = {
      id: `resp_fake_${created}`,
      model: typeof body.model === 'string' ? body.model : (options.model ?? 'fake-model'),
      createdAt: Math.floor(Date.now() / 1000),
      previousResponseId:
        typeof body.previous_response_id === 'string' ? body.previous_response_id : null,
      inputTokens: countWords(body.input),
    };
    const item = messageItem(init.id.replace(/^resp_/, 'msg_'), turn.chunks.join(''), 'completed');
    const final = responseObject(init, 'completed', [item], turn.chunks.length);
    stored.set(init.id, final);
    if (body.stream !== true) return json(200, final, { 'x-request-id': `req_fake_${created}` });
    const events = textReplyEvents(init, turn.chunks);
    return new Response(sseBody(events, turn.delayMs ?? options.delayMs ?? 0, signal), {
      headers: { 'content-type': 'text/event-stream', 'x-request-id': `req_fake_${created}` },
    });
  }

  function route(
    method: string,
    path: string[],
    body: Json,
    signal: AbortSignal | null | undefined,
  ): Response {
    const [collection, id, action] = path;
    if (collection !== 'responses')
      return apiError(404, `No route for ${method} /${path.join('/')}`);
    if (method === 'POST' && id === undefined) {
      const turn = script.shift();
      if (!turn) {
        return apiError(
          500,
          `fake server: no scripted turn left for request #${requests.length}`,
          'script_exhausted',
          {
            'x-should-retry': 'false',
          },
        );
      }
      if (turn.type === 'error') return playError(turn);
      return play(turn, body, signal);
    }
    const response = id === undefined ? undefined : stored.get(id);
    if (!response || !id)
      return apiError(404, `No response found with id '${id ?? ''}'.`, 'not_found');
    if (method === 'GET' && action === undefined) return json(200, response);
    if (method === 'DELETE' && action === undefined) {
      stored.delete(id);
      return json(200, { id, object: 'response', deleted: true });
    }
    if (method === 'POST' && action === 'cancel')
      return json(200, { ...response, status: 'cancelled' });
    return apiError(404, `No route for ${method} /${path.join('/')}`);
  }

  async function fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const request = new Request(input, init);
    if (request.signal.aborted || init.signal?.aborted) throw abortError();
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return apiError(400, 'fake server: the request body is not JSON.');
    }
    const below = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : url.pathname;
    const path = below.split('/').filter(Boolean).map(decodeURIComponent);
    requests.push({
      method: request.method,
      url: request.url,
      path,
      headers: Object.fromEntries(request.headers),
      body,
    });
    const object = typeof body === 'object' && body !== null ? (body as Json) : {};
    return route(request.method, path, object, init.signal);
  }

  return {
    fetch,
    baseURL,
    requests,
    get remainingTurns() {
      return script.length;
    },
    enqueue: (...turns) => {
      script.push(...turns.map(normalizeTurn));
    },
  };
}

function playError(turn: ErrorTurn): Response {
  return apiError(turn.status, turn.message, turn.code ?? null, turn.headers ?? {});
}
