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
