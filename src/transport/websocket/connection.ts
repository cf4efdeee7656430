/**
 * One connection of a client's pool: a slot that carries one response at a time over a
 * WebSocket, opening a socket when a request needs one and replacing it when it closed or grew
 * old. A conversation pinned to it keeps it across socket replacements (the server's cache is
 * per socket; a replaced one is answered by the conversation's replay fallback).
 */
import { APIConnectionError, StreamError } from '../../errors.js';
import type { WebSocketLike } from '../transport-option.js';
import { FrameSource } from './frame-source.js';
import { background, isLastFrame } from './last-frame.js';
import { openSocket, type Socket } from './socket.js';

/** Where and how a pool's sockets connect. */
export interface Dial {
  /** The `ws:`/`wss:` URL of `/responses`. */
  readonly url: string;
  /** The upgrade request's headers: the dialect's auth and the client's headers. */
  readonly headers: Record<string, string>;
  /** The constructor given; `undefined`: the runtime's. */
  readonly WebSocket: WebSocketLike | undefined;
  /** Scrubbed from every error. */
  readonly apiKey: string | undefined;
  /** Milliseconds between keep-alive pings; default {@link pingIntervalMs}. */
  readonly pingIntervalMs?: number | undefined;
  /** Milliseconds an abandoned response may take to end; default {@link drainMs}. */
  readonly drainMs?: number | undefined;
}

/** How one request goes out on a connection. */
export interface Sending {
  /** The `response.create` message. */
  readonly text: string;
  /** The stream's controller: aborting it lets the response go. */
  readonly signal: AbortSignal;
  /** The caller's signal, which aborts the upgrade. */
  readonly callerSignal: AbortSignal | undefined;
  /** Milliseconds for the upgrade, and for each wait for a frame. */
  readonly timeout: number;
}

/**
 * A socket is replaced before it reaches the server's connection age limit (OpenAI: 60 minutes,
 * `websocket_connection_limit_reached`), between responses.
 */
export const maxSocketAgeMs = 55 * 60_000;
/** Keep-alive pings, where the socket can send them (`ws`): one every 30 s, a missed pong drops it. */
export const pingIntervalMs = 30_000;
/**
 * A response its stream let go of (an abort, `break`) is left to end on its socket, its events
 * dropped, for at most this long: the socket then serves the next request. The protocol has no
 * cancel, so the server goes on with it meanwhile; one that takes longer has its socket closed,
 * which is how the server learns to stop.
 */
export const drainMs = 2_000;
/**
 * A socket the process cannot let go of (a WHATWG one: no `unref`) is closed after this long
 * idle, so that it does not keep a script from exiting for long; the next request opens another.
 */
export const idleCloseMs = 5_000;

/** One slot of the pool: at most one socket, at most one response in flight on it. */
export class Connection {
  /** Held by a request, from `acquire` until its response ended (the pool's mark). */
  busy = false;
  /** The conversation it is pinned to, if any. */
  pin: object | undefined;
  /** When it was last released, for the pool's choice of which pinned slot to give up. */
  lastUsed = 0;

  readonly #dial: Dial;
  readonly #release: (connection: Connection) => void;
  #socket: Socket | undefined;
  /** Bumped for each socket: events of a socket that was replaced are ignored. */
  #generation = 0;
  #openedAt = 0;
  #response: FrameSource | undefined;
  #pinger: ReturnType<typeof setInterval> | undefined;
  #pongDue = false;
  #idleCloser: ReturnType<typeof setTimeout> | undefined;
  /** Set while an abandoned response's remaining events are dropped: ends the drain for good. */
  #draining: ReturnType<typeof setTimeout> | undefined;

  /** `release` is told when a response ends (or never started), so that the pool hands the slot on. */
  constructor(dial: Dial, release: (connection: Connection) => void) {
    this.#dial = dial;
    this.#release = release;
  }

  /**
   * Sends a request's message, opening a socket first when there is none (or the one there is
   * grew old), and returns the source its response's frames go to. The slot must be held.
   */
  async send(sending: Sending): Promise<FrameSource> {
    let socket: Socket;
    try {
      socket = await this.#ready(sending.timeout, sending.callerSignal);
    } catch (error) {
      this.#release(this);
      throw error;
    }
    const source = new FrameSource(sending.signal, sending.timeout, this.#abandon);
    this.#response = source;
    this.#hold(true);
    socket.send(sending.text);
    return source;
  }

  /** The upgrade response's headers of the socket open now, where the implementation shows them. */
  get headers(): Headers {
    return this.#socket?.headers ?? new Headers();
  }

  /** Closes the socket between responses (the server's age limit); the next request opens another. */
  retire(): void {
    const socket = this.#detach();
    socket?.close(1000, 'replaced');
  }

  /**
   * Closes the slot for good: a response in flight fails with a `StreamError`, and the socket
   * is closed (dropped if its close takes longer than `graceMs`). Resolves once it is.
   */
  close(graceMs = 1_000): Promise<void> {
    this.#stopDraining();
    const source = this.#response;
    this.#response = undefined;
    source?.broke(1000, new StreamError('The client was closed before the response ended.'));
    const generation = this.#generation;
    const socket = this.#detach();
    if (!socket) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = background(() => {
        socket.terminate();
        resolve();
      }, graceMs);
      this.#gone.set(generation, () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close(1000, 'client closed');
    });
  }

  /** What to do when a socket being closed for good has closed, by its generation. */
  readonly #gone = new Map<number, () => void>();

  async #ready(timeout: number, signal: AbortSignal | undefined): Promise<Socket> {
    if (this.#socket && Date.now() - this.#openedAt >= maxSocketAgeMs) this.retire();
    if (this.#socket) return this.#socket;
    const generation = ++this.#generation;
    const mine = () => generation === this.#generation;
    const socket = await openSocket(
      this.#dial.WebSocket,
      { ...this.#dial, timeout, signal },
      {
        frame: (text) => {
          if (mine()) this.#frame(text);
        },
        closed: (code, reason) => {
          if (mine()) this.#closed(code, reason);
          this.#gone.get(generation)?.();
          this.#gone.delete(generation);
        },
        pong: () => {
          if (mine()) this.#pongDue = false;
        },
      },
    );
    if (!mine()) {
      socket.close(1000, 'client closed');
      throw new APIConnectionError('The client was closed while its WebSocket opened.');
    }
    this.#socket = socket;
    this.#openedAt = Date.now();
    if (socket.ping) {
      const ping = socket.ping;
      this.#pinger = background(
        () => {
          if (this.#pongDue) socket.terminate();
          else {
            this.#pongDue = true;
            ping();
          }
        },
        this.#dial.pingIntervalMs ?? pingIntervalMs,
        true,
      );
    }
    return socket;
  }

  #frame(text: string): void {
    if (this.#draining !== undefined) {
      // An abandoned response's event: dropped, and its last one frees the socket.
      if (isLastFrame(text)) this.#drained(text);
      return;
    }
    const source = this.#response;
    // No response in flight: a frame of none of ours, dropped.
    if (!source) return;
    const last = isLastFrame(text);
    source.push(text, last);
    if (!last) return;
    // Past the server's age limit the socket takes no more requests: let it go before the slot
    // is handed on (the request that met it is sent again on a new socket).
    if (text.includes('"websocket_connection_limit_reached"')) this.retire();
    this.#done();
  }

  #closed(code: number, reason: string): void {
    this.#detach();
    if (this.#draining !== undefined) {
      this.#stopDraining();
      this.#done();
      return;
    }
    const source = this.#response;
    if (!source) return;
    source.broke(
      code,
      new StreamError(
        `The WebSocket closed (${code}${reason ? ` ${reason}` : ''}) before the response ended.`,
        { code: String(code) },
      ),
    );
    this.#done();
  }

  /**
   * The response's stream let it go before its end: an abort or `break` (the response is left to
   * end, its events dropped, for up to `drainMs`, and the socket kept), or a timeout (`stalled`:
   * the socket is closed, as it would be after `drainMs`). The slot stays held meanwhile, so
   * that no event of it can reach another request's stream.
   */
  readonly #abandon = (source: FrameSource, stalled: boolean): void => {
    if (source !== this.#response) return;
    this.#response = undefined;
    if (stalled || !this.#socket) {
      this.retire();
      this.#done();
      return;
    }
    this.#draining = background(() => {
      // Too long: closing the socket is how the server learns to stop (the protocol has no
      // cancel), as when an HTTP stream's connection closes. The next request opens another.
      this.#stopDraining();
      this.retire();
      this.#done();
    }, this.#dial.drainMs ?? drainMs);
  };

  /** The abandoned response ended: the socket serves the next request (or meets its age limit). */
  #drained(text: string): void {
    this.#stopDraining();
    if (text.includes('"websocket_connection_limit_reached"')) this.retire();
    this.#done();
  }

  #stopDraining(): void {
    clearTimeout(this.#draining);
    this.#draining = undefined;
  }

  /** The response ended: the socket goes idle, the slot back to the pool. */
  #done(): void {
    this.#response = undefined;
    this.#hold(false);
    this.#release(this);
  }

  /** Lets the process exit while the socket is idle (`ws`), or closes it soon after (WHATWG). */
  #hold(held: boolean): void {
    clearTimeout(this.#idleCloser);
    this.#idleCloser = undefined;
    const socket = this.#socket;
    if (!socket || socket.hold(held) || held) return;
    this.#idleCloser = background(() => {
      if (!this.#response && this.#socket === socket) this.retire();
    }, idleCloseMs);
  }

  /** Forgets the socket (its later events are ignored) and its timers; returns it. */
  #detach(): Socket | undefined {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#generation += 1;
    clearInterval(this.#pinger);
    clearTimeout(this.#idleCloser);
    this.#pinger = undefined;
    this.#idleCloser = undefined;
    this.#pongDue = false;
    return socket;
  }
}
