import { APIUserAbortError, StreamError } from '../errors.js';
import type { Response, ResponseStreamEvent } from '../types/index.js';

/**
 * A turn being run: the events of its rounds, for one consumer, and its last response. Nobody
 * reading it, `finalResponse()` reads it to its end. A consumer that leaves early (`break`) ends
 * the turn, which is then not added to the conversation; `abort()` of the stream it belongs to
 * ends a `for await` quietly, and `finalResponse()` then rejects with `APIUserAbortError`.
 */
export class TurnRun implements AsyncIterable<ResponseStreamEvent> {
  readonly #rounds: AsyncGenerator<ResponseStreamEvent, Response, undefined>;
  /** The signal of the stream's own `abort()`. */
  readonly #quiet: AbortSignal | undefined;
  readonly #cleanup: () => void;
  readonly #result: Promise<Response>;
  #resolve: (response: Response) => void = () => {};
  #reject: (error: unknown) => void = () => {};
  #started = false;

  constructor(
    rounds: AsyncGenerator<ResponseStreamEvent, Response, undefined>,
    quiet: AbortSignal | undefined,
    cleanup: () => void,
  ) {
    this.#rounds = rounds;
    this.#quiet = quiet;
    this.#cleanup = cleanup;
    this.#result = new Promise<Response>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Whoever asks for the result gets its failure; nobody asking is not an unhandled rejection.
    this.#result.catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncGenerator<ResponseStreamEvent, void, undefined> {
    if (this.#started)
      throw new StreamError('This turn is already being read: a stream has one consumer.');
    this.#started = true;
    return this.#events();
  }

  async *#events(): AsyncGenerator<ResponseStreamEvent, void, undefined> {
    let settled = false;
    try {
      const response = yield* this.#rounds;
      settled = true;
      this.#resolve(response);
    } catch (error) {
      settled = true;
      this.#reject(error);
      if (!this.#quiet?.aborted) throw error;
    } finally {
      if (!settled)
        this.#reject(
          new APIUserAbortError(
            'The stream was left before the turn ended: the turn was not added to the conversation.',
          ),
        );
      this.#cleanup();
    }
  }

  /** The turn's last response, once it has ended (reading it to its end when nobody does). */
  finalResponse(): Promise<Response> {
    if (!this.#started) {
      const events = this[Symbol.asyncIterator]();
      const drain = async () => {
        while (!(await events.next()).done);
      };
      drain().catch(() => {});
    }
    return this.#result;
  }
}
