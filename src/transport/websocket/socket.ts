/**
 * One WebSocket, whoever made it: the runtime's WHATWG `WebSocket` (Node 22+, Bun, Deno,
 * workerd, browsers) or the `ws` package's. Both take `new WebSocket(url, { headers })` for the
 * upgrade's `Authorization` header (a browser's cannot: see the README). What only `ws` offers is
 * used where it exists, by feature, never by name: the status and body of a refused upgrade
 * (`unexpected-response`), pings, and the TCP socket, to let the process exit while idle.
 */
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../../errors.js';
import { redactSecret } from '../redact.js';
import type { WebSocketLike } from '../transport-option.js';

/** What a socket tells its connection. */
export interface SocketEvents {
  /** A text frame: one server event's JSON. */
  frame(text: string): void;
  /** The socket closed (`code` 1006 when it broke without a close frame). */
  closed(code: number, reason: string): void;
  /** The answer to a ping. */
  pong(): void;
}

/** An open WebSocket, as a connection uses it. */
export interface Socket {
  /** Sends one text frame. */
  send(text: string): void;
  /** Closes it (a close frame, then the TCP connection); `closed` follows. */
  close(code?: number, reason?: string): void;
  /** Drops the TCP connection at once, where the implementation can (`ws`); else `close()`. */
  terminate(): void;
  /**
   * Whether the socket keeps the process alive: `true` while a response is in flight, `false`
   * while idle. Returns `false` when the runtime gives no way to let go of it (a WHATWG socket).
   */
  hold(held: boolean): boolean;
  /** Sends a ping, where the implementation can (`ws`); `undefined` elsewhere (WHATWG has none). */
  readonly ping: (() => void) | undefined;
  /** The upgrade response's headers, where the implementation shows them (`ws`). */
  readonly headers: Headers;
}

/** How a socket is opened. */
export interface SocketInit {
  /** The `ws:`/`wss:` URL of `/responses`. */
  url: string;
  /** The upgrade request's headers (auth, the client's own); none in a browser. */
  headers: Record<string, string>;
  /** Milliseconds the upgrade may take. */
  timeout: number;
  /** Aborts the upgrade. */
  signal: AbortSignal | undefined;
  /** Scrubbed from every error. */
  apiKey: string | undefined;
}

/** The members of a `ws` socket used here, each checked before use. */
interface NodeSocketLike {
  on(event: string, listener: (...args: never[]) => void): void;
  ping(): void;
  terminate(): void;
}

/** A TCP socket that can stop keeping the process alive (Node's `net.Socket`). */
interface Unreffable {
  ref(): void;
  unref(): void;
}

/** An HTTP response as `ws` reports a refused upgrade (Node's `IncomingMessage`). */
interface RefusedUpgrade {
  statusCode?: number;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end' | 'error', listener: () => void): void;
}

interface EventTargetLike {
  addEventListener(type: string, listener: (event: never) => void): void;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const isNodeSocket = (socket: object): socket is NodeSocketLike & object =>
  typeof (socket as Partial<NodeSocketLike>).on === 'function' &&
  typeof (socket as Partial<NodeSocketLike>).ping === 'function';

const toHeaders = (raw: RefusedUpgrade['headers']): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
};

/** The WebSocket constructor to use: the one given, else the runtime's. */
function constructorOf(given: WebSocketLike | undefined): WebSocketLike {
  const found = given ?? (globalThis as { WebSocket?: WebSocketLike }).WebSocket;
  if (typeof found !== 'function') {
    throw new APIConnectionError(
      "No WebSocket: this runtime has no globalThis.WebSocket (Node 20). Pass the `ws` package's as the client's `WebSocket` option: new ResponsesClient({ transport: 'websocket', WebSocket }) with import { WebSocket } from 'ws'.",
    );
  }
  return found;
}

/**
 * Opens a socket and resolves once the upgrade succeeded. A refused upgrade is the
 * `APIError` of its status where the implementation reports it (`ws`), else an
 * `APIConnectionError`; a slow one an `APITimeoutError`; an aborted one an `APIUserAbortError`.
 */
export function openSocket(
  given: WebSocketLike | undefined,
  init: SocketInit,
  events: SocketEvents,
): Promise<Socket> {
  const { url, headers, timeout, signal, apiKey } = init;
  if (signal?.aborted) return Promise.reject(new APIUserAbortError());
  const WebSocket = constructorOf(given) as unknown as new (
    url: string,
    options?: { headers: Record<string, string> },
  ) => EventTargetLike;
  let raw: EventTargetLike;
  try {
    raw = Object.keys(headers).length ? new WebSocket(url, { headers }) : new WebSocket(url);
  } catch (cause) {
    throw new APIConnectionError(
      redactSecret(
        `Could not open a WebSocket to ${url}: ${describe(cause)}. The WebSocket of a browser or of workerd cannot send headers (the API key): see "WebSocket mode" in the README.`,
        apiKey,
      ),
      { cause: redactSecret(cause, apiKey) },
    );
  }
  const node = isNodeSocket(raw) ? raw : undefined;
  let tcp: Unreffable | undefined;
  let upgradeHeaders = new Headers();
  let open = false;

  return new Promise<Socket>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve(socket);
      else {
        reject(error);
        stop();
      }
    };
    const stop = () => (node ? node.terminate() : raw.close());
    const onAbort = () => settle(new APIUserAbortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => settle(new APITimeoutError(`The WebSocket upgrade took longer than ${timeout} ms.`)),
      timeout,
    );

    const socket: Socket = {
      send: (text) => raw.send(text),
      close: (code, reason) => raw.close(code, reason),
      terminate: stop,
      hold: (held) => {
        if (!tcp) return false;
        if (held) tcp.ref();
        else tcp.unref();
        return true;
      },
      ping: node ? () => node.ping() : undefined,
      get headers() {
        return upgradeHeaders;
      },
    };

    if (node) {
      node.on('upgrade', (response: { socket?: Partial<Unreffable>; headers?: never }) => {
        const handle = response.socket;
        if (typeof handle?.ref === 'function' && typeof handle.unref === 'function')
          tcp = handle as Unreffable;
        if (response.headers) upgradeHeaders = toHeaders(response.headers);
      });
      node.on('unexpected-response', (_request: never, response: RefusedUpgrade) => {
        refused(response, apiKey).then(settle, settle);
      });
      node.on('pong', () => events.pong());
      // `ws` throws an 'error' with no listener; the close that follows says what happened.
      node.on('error', () => {});
    } else {
      raw.addEventListener('error', () => {});
    }
    raw.addEventListener('open', () => {
      open = true;
      settle();
    });
    raw.addEventListener('message', (event: { data: unknown }) => {
      if (typeof event.data === 'string') events.frame(event.data);
    });
    raw.addEventListener('close', (event: { code: number; reason: string }) => {
      if (!open) {
        settle(
          new APIConnectionError(
            `The WebSocket upgrade to ${url} failed (close code ${event.code}${event.reason ? `: ${event.reason}` : ''}).`,
          ),
        );
        return;
      }
      events.closed(event.code, event.reason);
    });
  });
}

/** The `APIError` of a refused upgrade: its status, headers and error body, the key scrubbed. */
async function refused(response: RefusedUpgrade, apiKey: string | undefined): Promise<never> {
  const decoder = new TextDecoder();
  let text = '';
  await new Promise<void>((done) => {
    response.on('data', (chunk) => {
      text += decoder.decode(chunk, { stream: true });
    });
    response.on('end', done);
    response.on('error', done);
  });
  text += decoder.decode();
  const { errorFromResponse } = await import('../error-body.js');
  const status = response.statusCode ?? 500;
  // A Response cannot carry a status outside 200-599; the error still says the real one.
  const carrier = new Response(text, {
    status: status >= 200 && status <= 599 ? status : 500,
    headers: toHeaders(response.headers),
  });
  const error = await errorFromResponse(carrier, { apiKey });
  throw error;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
