import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { MessageQueue, type MessageSource } from './message-source.js';

export type { EventSourceMessage };

/** How a body is read: when to stop, and the idle rule while bytes stream. */
export interface SSEReaderOptions {
  /** Stops reading: the body is cancelled and nothing more is taken. */
  signal?: AbortSignal | undefined;
  /** Longest gap, in ms, between two chunks before `onIdle` is called. */
  idleTimeout?: number | undefined;
  /** Called once when no chunk arrived within `idleTimeout`. */
  onIdle?: (() => void) | undefined;
}

/**
 * Reads a `text/event-stream` body into SSE messages with eventsource-parser, one chunk at a
 * time: {@link SSEReader.take} hands out the messages parsed so far without waiting, and
 * {@link SSEReader.fill} reads the next chunk. The last message is delivered even when the body
 * ends without its closing blank line.
 */
export class SSEReader implements MessageSource {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #parser: EventSourceParser;
  readonly #decoder = new TextDecoder();
  readonly #signal: AbortSignal | undefined;
  readonly #queue = new MessageQueue();
  #ended = false;
  /** Set by `cancel()` (an abort, or the end of the iteration): nothing more is handed out. */
  #cancelled = false;
  #lastChunkAt = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(body: ReadableStream<Uint8Array>, options: SSEReaderOptions = {}) {
    this.#reader = body.getReader();
    this.#parser = createParser({ onEvent: (message) => this.#queue.push(message) });
    this.#signal = options.signal;
    if (this.#signal?.aborted) this.cancel();
    else this.#signal?.addEventListener('abort', this.cancel, { once: true });
    if (
      !this.#ended &&
      options.idleTimeout &&
      options.onIdle &&
      Number.isFinite(options.idleTimeout)
    ) {
      this.#watch(options.idleTimeout, options.onIdle);
    }
  }

  /** The next message already parsed, or `undefined` when the next chunk must be read first. */
  take(): EventSourceMessage | undefined {
    return this.#cancelled ? undefined : this.#queue.take();
  }

  /** Reads and parses the next chunk; resolves `false` once the body has ended or was cancelled. */
  async fill(): Promise<boolean> {
    if (this.#ended || this.#signal?.aborted) return false;
    const { done, value } = await this.#reader.read();
    this.#lastChunkAt = Date.now();
    if (done || this.#signal?.aborted) {
      // A final blank line dispatches an event whose closing blank line never came.
      if (!this.#signal?.aborted) this.#parser.feed(`${this.#decoder.decode()}\n\n`);
      this.#finish();
      return this.#queue.pending;
    }
    this.#parser.feed(this.#decoder.decode(value, { stream: true }));
    return true;
  }

  /**
   * Stops reading and cancels the body, which closes the connection. The messages not handed out
   * are let go (after a terminal event, the rest of its chunk: the raw terminal message with it).
   */
  readonly cancel = (): void => {
    this.#cancelled = true;
    this.#queue.clear();
    if (this.#ended) return;
    this.#finish();
    this.#reader.cancel().catch(() => {});
  };

  #finish(): void {
    this.#ended = true;
    clearTimeout(this.#watchdog);
    this.#signal?.removeEventListener('abort', this.cancel);
  }

  /** Calls `onIdle` when no chunk came for `idleTimeout` ms; costs one clock read a chunk. */
  #watch(idleTimeout: number, onIdle: () => void): void {
    this.#lastChunkAt = Date.now();
    const arm = (delay: number) => {
      this.#watchdog = setTimeout(() => {
        if (this.#ended) return;
        const idle = Date.now() - this.#lastChunkAt;
        if (idle >= idleTimeout) onIdle();
        else arm(idleTimeout - idle);
      }, delay);
    };
    arm(idleTimeout);
  }
}
