import type { EventSourceMessage } from './sse.js';

/**
 * Where an event iterator takes its messages from, one at a time: an `SSEReader` parsing a
 * `text/event-stream` body, or a WebSocket lane handing over the text frames of one response.
 * Each message's `data` is one event's JSON, decoded the same way whichever transport carried it.
 */
export interface MessageSource {
  /** The next message already received, or `undefined` when `fill()` must wait for more. */
  take(): EventSourceMessage | undefined;
  /**
   * Waits for more messages; resolves `false` once no more will come (the body ended, the
   * response's last frame was taken, or the source was cancelled). Rejects when the transport broke.
   */
  fill(): Promise<boolean>;
  /** Stops receiving: nothing more is handed out, and the transport lets the rest go. */
  cancel(): void;
}

/**
 * The messages a {@link MessageSource} received and has not handed out yet, in order. Taking the
 * last one lets the whole batch go at once (a chunk's messages are freed together).
 */
export class MessageQueue {
  #messages: EventSourceMessage[] = [];
  #next = 0;

  /** Adds a message received. */
  push(message: EventSourceMessage): void {
    this.#messages.push(message);
  }

  /** The next message, or `undefined` when every one was taken. */
  take(): EventSourceMessage | undefined {
    if (this.#next < this.#messages.length) return this.#messages[this.#next++];
    if (this.#next > 0) this.clear();
    return undefined;
  }

  /** The next message, left in the queue. */
  peek(): EventSourceMessage | undefined {
    return this.#messages[this.#next];
  }

  /** Whether a message is waiting to be taken. */
  get pending(): boolean {
    return this.#next < this.#messages.length;
  }

  /** The last message received, if the queue still holds it. */
  last(): EventSourceMessage | undefined {
    return this.#messages.at(-1);
  }

  /** Lets every message go, taken or not. */
  clear(): void {
    this.#messages = [];
    this.#next = 0;
  }
}
