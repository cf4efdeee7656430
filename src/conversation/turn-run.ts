import { APIUserAbortError, StreamError } from '../errors.js';
import type { Response, ResponseStreamEvent } from '../types/index.js';
import type { ConversationEvent } from './step-types.js';

/**
 * A turn being run: the events of its rounds, for one consumer, and its last response. Nobody
 * reading it, `finalResponse()` reads it to its end. A consumer that leaves early (`break`) ends
 * the turn, which is then not added to the conversation; `abort()` of the stream it belongs to
 * ends a `for await` quietly, and `finalResponse()` then rejects with `APIUserAbortError`.
 */
export class TurnRun implements AsyncIterable<ConversationEvent> {
  readonly #rounds: AsyncGenerator<ConversationEvent, Response, undefined>;
  /** The signal of the stream's own `abort()`. */
  readonly #quiet: AbortSignal | undefined;
  readonly #cleanup: () => void;
  readonly #result: Promise<Response>;
  #resolve: (response: Response) => void = () => {};
  #reject: (error: unknown) => void = () => {};
  #started = false;

  constructor(
    rounds: AsyncGenerator<ConversationEvent, Response, undefined>,
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

  [Symbol.asyncIterator](): AsyncGenerator<ConversationEvent, void, undefined> {
    if (this.#started)
      throw new StreamError('This turn is already being read: a stream has one consumer.');
    this.#started = true;
    return this.#events();
  }

  async *#events(): AsyncGenerator<ConversationEvent, void, undefined> {
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

  /** Only the text deltas, as strings. */
  async *textDeltas(): AsyncGenerator<string, void, undefined> {
    for await (const event of this)
      if (event.type === 'response.output_text.delta') yield event.delta;
  }

  /**
   * The structured output of the turn as it is written (see `ParsedResponseStream.partialOutput`):
   * each step's JSON text starts a new value; the loop ends as `finalResponse()` does.
   */
  async *partialOutput(): AsyncGenerator<unknown, void, undefined> {
    const { partialSnapshots } = await import('../structured/partial-output.js');
    yield* partialSnapshots(this as AsyncIterable<ResponseStreamEvent>);
    await this.finalResponse();
  }

  /** The source of the turn's relay: its events as SSE bytes (see `turn-relay.ts`). */
  async relay(): Promise<UnderlyingDefaultSource<Uint8Array>> {
    const [{ relaySource, responseFrames }, { relayedTurn }] = await Promise.all([
      import('../stream/relay.js'),
      import('./turn-relay.js'),
    ]);
    return relaySource(relayedTurn(this), responseFrames);
  }
}
