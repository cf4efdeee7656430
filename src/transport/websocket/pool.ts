/**
 * A client's WebSocket connections: at most `maxSockets` slots, one response in flight on each.
 * A request waits for a slot, or gets a new one while there are fewer than `maxSockets`; the
 * requests of one conversation (its pin) keep to one slot, so that the server's
 * connection-local state (`store: false` chaining) serves every turn.
 */
import { APIConnectionError, APIUserAbortError } from '../../errors.js';
import { Connection, type Dial } from './connection.js';

interface Waiter {
  readonly pin: object | undefined;
  grant(connection: Connection): void;
  fail(error: unknown): void;
}

/** The sockets of one client (`client.close()` closes them). */
export class SocketPool {
  readonly #dial: Dial;
  readonly #maxSockets: number;
  readonly #slots: Connection[] = [];
  #waiters: Waiter[] = [];
  /** Slots by the conversation pinned to each. */
  readonly #pins = new WeakMap<object, Connection>();
  #closed = false;

  /** `dial`: where sockets connect and with which headers; `maxSockets`: how many slots at most. */
  constructor(dial: Dial, maxSockets: number) {
    this.#dial = dial;
    this.#maxSockets = maxSockets;
  }

  /** Where its sockets connect, and the upgrade's headers. */
  get dial(): Dial {
    return this.#dial;
  }

  /** How many slots it has (each with a socket open, or one to open when a request comes). */
  get size(): number {
    return this.#slots.length;
  }

  /**
   * A slot for one request, held until its response ends: the pin's own one when it has one
   * (waiting for it while busy), else an idle one, a new one, or an idle one pinned to another
   * conversation (the longest unused), in that order; else the first to be released.
   */
  acquire(pin: object | undefined, signal: AbortSignal | undefined): Promise<Connection> {
    if (this.#closed) return Promise.reject(closedError());
    if (signal?.aborted) return Promise.reject(new APIUserAbortError());
    return new Promise<Connection>((resolve, reject) => {
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== self);
        reject(new APIUserAbortError());
      };
      const self: Waiter = {
        pin,
        grant: (connection) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(connection);
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const connection = this.#choose(pin);
      if (connection) return self.grant(this.#hold(connection, pin));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(self);
    });
  }

  /** Closes every socket; waiting requests fail, responses in flight fail with a `StreamError`. */
  async close(): Promise<void> {
    this.#closed = true;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.fail(closedError());
    await Promise.all(this.#slots.map((slot) => slot.close()));
  }

  #choose(pin: object | undefined): Connection | undefined {
    const own = pin && this.#pins.get(pin);
    if (own) return own.busy ? undefined : own;
    const idle = this.#slots.filter((slot) => !slot.busy);
    const free = idle.find((slot) => slot.pin === undefined);
    if (free) return free;
    if (this.#slots.length < this.#maxSockets) {
      const slot = new Connection(this.#dial, (connection) => this.#released(connection));
      this.#slots.push(slot);
      return slot;
    }
    // Every slot is pinned: the longest unused idle one changes hands (its conversation's next
    // request finds another, and replays if the server no longer knows its last response).
    return idle.sort((a, b) => a.lastUsed - b.lastUsed)[0];
  }

  #hold(connection: Connection, pin: object | undefined): Connection {
    connection.busy = true;
    if (pin && connection.pin !== pin) {
      if (connection.pin) this.#pins.delete(connection.pin);
      connection.pin = pin;
      this.#pins.set(pin, connection);
    }
    return connection;
  }

  /** A slot's response ended: the first waiter it can serve gets it. */
  #released(connection: Connection): void {
    if (!connection.busy) return;
    connection.busy = false;
    connection.lastUsed = Date.now();
    if (this.#closed) return;
    for (const waiter of this.#waiters) {
      const chosen = this.#choose(waiter.pin);
      if (!chosen) continue;
      this.#waiters = this.#waiters.filter((other) => other !== waiter);
      waiter.grant(this.#hold(chosen, waiter.pin));
      return;
    }
  }
}

const closedError = () => new APIConnectionError('The client was closed (client.close()).');
