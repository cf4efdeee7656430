/**
 * The fake server's WebSocket: a constructor shaped like the WHATWG one (`readyState`, `send`,
 * `close`, `open`/`message`/`close`/`error` events and their `on…` handlers), whose sockets
 * connect in memory to the server that made it. Like a server-side runtime's, it takes the
 * upgrade's headers as `new WebSocket(url, { headers })`. Nothing is sent over a network and no
 * timer is left behind: every event is delivered on a microtask, in order.
 */

/** The options the constructor takes besides the URL: subprotocols, or `{ headers, protocols }`. */
export type FakeWebSocketInit =
  | string
  | readonly string[]
  | {
      /** The upgrade request's headers (`authorization`…). */
      headers?: Record<string, string> | undefined;
      /** Subprotocols to ask for (none is negotiated). */
      protocols?: string | readonly string[] | undefined;
    };

/** One in-memory socket, as a client sees it: the members of a WHATWG `WebSocket`. */
export interface FakeWebSocket extends EventTarget {
  /** The URL it was opened with. */
  readonly url: string;
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Always `''` (no subprotocol is negotiated). */
  readonly protocol: string;
  /** Sends a text frame (the server reads text only). Throws while still connecting. */
  send(data: string): void;
  /** Closes it: `code` 1000 or 3000–4999, as the WHATWG socket allows. */
  close(code?: number, reason?: string): void;
  /** Called once the upgrade is accepted. */
  onopen: ((event: Event) => void) | null;
  /** Called with each text frame the server sends (`data`: one event's JSON). */
  onmessage: ((event: Event & { data: string }) => void) | null;
  /** Called once when it closes, with the close code and reason (1006: it broke, or was refused). */
  onclose: ((event: Event & { code: number; reason: string; wasClean: boolean }) => void) | null;
  /** Called before `onclose` when it broke or the upgrade was refused. */
  onerror: ((event: Event) => void) | null;
}

/** The constructor a fake server gives as `server.WebSocket`: pass it as the client's `WebSocket` option. */
export interface FakeWebSocketConstructor {
  /** Opens a socket to `url` on the fake server (the upgrade is checked as the server would). */
  new (url: string | URL, init?: FakeWebSocketInit): FakeWebSocket;
  /** `readyState` while the upgrade is pending. */
  readonly CONNECTING: 0;
  /** `readyState` once open. */
  readonly OPEN: 1;
  /** `readyState` while closing. */
  readonly CLOSING: 2;
  /** `readyState` once closed. */
  readonly CLOSED: 3;
}

/** The server's end of one socket. */
export interface ServerEnd {
  /** Sends one text frame to the client (dropped once the socket is closing). */
  send(text: string): void;
  /** Closes the socket from the server's side; `1006` is a drop (an `error` event, no clean close). */
  close(code: number, reason?: string): void;
}

/** What the server is told of one open socket. */
export interface SocketPeer {
  /** A text frame from the client. */
  message(text: string): void;
  /** The socket closed (the client closed it, or the server did). */
  closed(): void;
}

/** The server's answer to an upgrade: the peer that serves the socket, or a refusal. */
export type Upgrade = (
  request: { url: string; headers: Record<string, string> },
  end: ServerEnd,
) => SocketPeer | { status: number; message: string };

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const headersOf = (init: FakeWebSocketInit | undefined): Record<string, string> => {
  if (init === undefined || typeof init === 'string' || Array.isArray(init)) return {};
  const given = (init as { headers?: Record<string, string> }).headers ?? {};
  return Object.fromEntries(
    Object.entries(given).map(([name, value]) => [name.toLowerCase(), value]),
  );
};

/** A WebSocket constructor whose sockets `upgrade` answers, in memory. */
export function fakeWebSocketClass(upgrade: Upgrade): FakeWebSocketConstructor {
  class InMemoryWebSocket extends EventTarget implements FakeWebSocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly url: string;
    readonly protocol = '';
    onopen: FakeWebSocket['onopen'] = null;
    onmessage: FakeWebSocket['onmessage'] = null;
    onclose: FakeWebSocket['onclose'] = null;
    onerror: FakeWebSocket['onerror'] = null;
    #state = CONNECTING;
    #peer: SocketPeer | undefined;
    #closed = false;

    constructor(url: string | URL, init?: FakeWebSocketInit) {
      super();
      const parsed = new URL(String(url));
      if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
        throw new DOMException(
          `The URL's scheme must be ws or wss; got ${parsed.protocol}`,
          'SyntaxError',
        );
      this.url = parsed.href;
      const headers = headersOf(init);
      queueMicrotask(() => {
        if (this.#state !== CONNECTING) return;
        const answer = upgrade({ url: this.url, headers }, this.#serverEnd());
        if ('status' in answer) {
          // A browser says nothing more than 1006; the fake says why, for the test's sake.
          this.#finish(1006, `${answer.status} ${answer.message}`);
          return;
        }
        this.#peer = answer;
        this.#state = OPEN;
        this.#emit('open', {});
      });
    }

    get readyState(): number {
      return this.#state;
    }

    send(data: string): void {
      if (this.#state === CONNECTING)
        throw new DOMException('The WebSocket is still connecting.', 'InvalidStateError');
      if (this.#state !== OPEN) return;
      const peer = this.#peer;
      const text = String(data);
      queueMicrotask(() => peer?.message(text));
    }

    close(code?: number, reason = ''): void {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999))
        throw new DOMException(
          `The close code must be 1000 or 3000-4999; got ${code}.`,
          'InvalidAccessError',
        );
      if (this.#state === CLOSING || this.#state === CLOSED) return;
      if (this.#state === CONNECTING) {
        this.#state = CLOSED;
        queueMicrotask(() => {
          this.#emit('error', {});
          this.#emit('close', { code: 1006, reason: '', wasClean: false });
        });
        return;
      }
      this.#state = CLOSING;
      queueMicrotask(() => this.#finish(code ?? 1005, reason));
    }

    #serverEnd(): ServerEnd {
      return {
        send: (text) => {
          if (this.#state !== OPEN) return;
          queueMicrotask(() => {
            if (this.#state === OPEN) this.#emit('message', { data: text });
          });
        },
        close: (code, reason = '') => {
          if (this.#state === CLOSED) return;
          this.#state = CLOSING;
          queueMicrotask(() => this.#finish(code, reason));
        },
      };
    }

    /** The socket closed: the server is told, then the client (once, whoever closed first). */
    #finish(code: number, reason: string): void {
      if (this.#closed) return;
      this.#closed = true;
      this.#state = CLOSED;
      this.#peer?.closed();
      if (code === 1006) this.#emit('error', {});
      this.#emit('close', { code, reason, wasClean: code !== 1006 });
    }

    #emit(type: 'open' | 'message' | 'close' | 'error', fields: object): void {
      const event = Object.assign(new Event(type), fields);
      this.dispatchEvent(event);
      (this[`on${type}`] as ((event: Event) => void) | null)?.call(this, event);
    }
  }
  return InMemoryWebSocket as unknown as FakeWebSocketConstructor;
}
