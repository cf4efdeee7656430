/**
 * The conversation a user holds: its state, read at once (`items`, `previousResponseId`,
 * `toJSON()`), and its turns, whose logic (strategies, the tool loop, structured output) loads
 * on the first `send` or `stream`. This module is all that `client.conversation` costs an app
 * that never calls it, so it stays small.
 */
import type { DialectHandle } from '../dialects/index.js';
import { RequestValidationError } from '../errors.js';
import type { RequestOptions } from '../options.js';
import type { Responses } from '../resources/responses.js';
import { relayStream, sseResponse } from '../stream/relay-stream.js';
import type { ParsedResponse } from '../structured/parsed-response.js';
import type { DeepPartial } from '../structured/partial-output.js';
import type { ZodTextFormat } from '../structured/zod-text-format.js';
import type { ResponseCreateParams, ResponseInputItem } from '../types/index.js';
import type {
  ConversationInput,
  ConversationOptions,
  ConversationStrategy,
  ConversationTurnParams,
  SavedConversation,
  TurnResponse,
} from './conversation-types.js';
import type { ConversationEvent, PendingApproval, TurnSummary } from './step-types.js';
import type { TurnRun } from './turn.js';

/** What a conversation's turns work on: its client, its options, and its state. */
export interface Session {
  readonly responses: Responses<unknown>;
  readonly options: ConversationOptions<unknown>;
  /** The state, replaced (never changed in place) when a turn completes. */
  state: SavedConversation;
  /** Settles when the last turn started has ended, reading it to its end if nobody does. */
  tail?: (() => Promise<unknown>) | undefined;
  /** What the last complete turn did. */
  lastTurn?: TurnSummary | undefined;
}

const turns = () => import('./turn.js');

/** Refused before anything is sent. */
const refuse = (path: string, message: string) =>
  new RequestValidationError([{ path: [path], message }], 'conversation');

/**
 * What a turn takes: what it says, the params laid over the conversation's, request options.
 * The params may carry the turn's abort `signal` too (`chat.stream('Hi', { signal })`): it stops
 * the turn as `options.signal` does, and is never sent.
 */
export type PlainTurn<Params> = [
  input: ConversationInput,
  params?: ConversationTurnParams<Params> & {
    /** Aborts the turn, as `options.signal` does; never sent. */
    signal?: AbortSignal | undefined;
  },
  options?: RequestOptions,
];

/** A turn with a zod text format (`zodTextFormat`): its answer carries a typed `output_parsed`. */
export type FormatTurn<Params, U> = [
  input: ConversationInput,
  params: ConversationTurnParams<Params> & {
    /** Aborts the turn, as `options.signal` does; never sent. */
    signal?: AbortSignal | undefined;
    /** The text settings of this turn. */
    text: {
      /** The zod format the answer's text is parsed with (`zodTextFormat(schema, name)`). */
      format: ZodTextFormat<U>;
    };
  },
  options?: RequestOptions,
];

/**
 * A multi-turn conversation with a model (`client.conversation(options)`): each turn sends what
 * the server needs to see the whole conversation (the strategy follows its dialect), runs the
 * model's tool calls, and enters the history only once it is complete.
 *
 * @example
 * const chat = client.conversation({ model: 'gpt-5', instructions: 'Be brief.' });
 * await chat.send('What roasts do you have?');
 * for await (const text of chat.stream('Which is the darkest?').textDeltas()) ui.append(text);
 */
export class Conversation<Params = ResponseCreateParams, T = null> {
  readonly #session: Session;

  /** @internal Made by `client.conversation(options)`. */
  constructor(
    responses: Responses<unknown>,
    dialect: DialectHandle,
    options: ConversationOptions<Params>,
  ) {
    const {
      resume,
      tools,
      maxToolRounds,
      toolErrors,
      conversation,
      transport,
      stopWhen,
      prepareStep,
      onStepEnd,
      ...params
    } = options as ConversationOptions;
    for (const key of ['tools', 'instructions'] as const)
      if (dialect.takes?.[key] === false && options[key as keyof typeof options] != null)
        throw refuse(key, `the ${dialect.name} dialect's server takes no ${key}`);
    if (conversation && dialect.state === 'replay')
      throw refuse('conversation', `the ${dialect.name} dialect's server keeps no conversations`);
    if (
      resume &&
      (resume.version !== 1 || resume.dialect !== dialect.name || !Array.isArray(resume.items))
    )
      throw refuse(
        'resume',
        `expected a conversation saved by toJSON() in the ${dialect.name} dialect (version 1)`,
      );
    const stored = (dialect.state ?? 'previous_response_id') === 'previous_response_id';
    this.#session = {
      responses,
      options: options as ConversationOptions<unknown>,
      state: {
        version: 1,
        dialect: dialect.name,
        strategy: conversation
          ? 'conversation'
          : stored && (params.store !== false || transport === 'websocket')
            ? 'previous_response_id'
            : 'replay',
        previousResponseId: null,
        conversation: conversation ?? null,
        items: [],
        ...resume,
        params: { ...resume?.params, ...params },
      },
    };
  }

  /** The transcript: what was said in complete turns, as canonical input items, oldest first. */
  get items(): readonly ResponseInputItem[] {
    return this.#session.state.items;
  }

  /** The id of the last complete response; `null` before the first. */
  get previousResponseId(): string | null {
    return this.#session.state.previousResponseId;
  }

  /** How each turn gives the server its context (`replay` once a server refused the other). */
  get strategy(): ConversationStrategy {
    return this.#session.state.strategy;
  }

  /** What the last complete turn did: its steps, their usage summed, its answer; `undefined` before one. */
  get lastTurn(): TurnSummary | undefined {
    return this.#session.lastTurn;
  }

  /**
   * Calls waiting for the user's approval (tools with `needsApproval`), which the next turn
   * answers: `chat.send({ approvals: { [call_id]: true } })`. Kept by `toJSON()`.
   */
  get pendingApprovals(): readonly PendingApproval[] {
    return this.#session.state.pendingApprovals ?? [];
  }

  /** The conversation as plain JSON, to store and pass back as `resume`. */
  toJSON(): SavedConversation {
    return JSON.parse(JSON.stringify(this.#session.state));
  }

  /**
   * Says something and resolves to the model's answer: the response of the turn's last round,
   * once every tool call the model made was run. Params given here are laid over the
   * conversation's for this turn only.
   */
  send<U>(...turn: FormatTurn<Params, U>): Promise<ParsedResponse<U>>;
  send(...turn: PlainTurn<Params>): Promise<TurnResponse<T>>;
  send(...[input, params, options]: PlainTurn<Params>): Promise<unknown> {
    return turns().then((m) => m.startTurn(this.#session, input, params, options).finalResponse());
  }

  /** The same turn, streamed: the events of every round, as they arrive. */
  stream<U>(...turn: FormatTurn<Params, U>): ConversationStream<ParsedResponse<U>>;
  stream(...turn: PlainTurn<Params>): ConversationStream<TurnResponse<T>>;
  stream(...[input, params, options]: PlainTurn<Params>): ConversationStream<unknown> {
    return new ConversationStream((signal) =>
      turns().then((m) => m.startTurn(this.#session, input, params, options, signal)),
    );
  }
}

/** What a turn's answer parses to: `T` of a `ParsedResponse<T>` (`unknown` for a plain `Response`). */
export type OutputOf<R> = R extends ParsedResponse<infer T> ? T : unknown;

/**
 * A streamed turn: iterate it with `for await` for the events of every step (the first
 * response's, its tool calls', then the next response's…). One consumer; `break` or
 * {@link ConversationStream.abort} ends the turn, which then does not enter the history.
 */
export class ConversationStream<R> implements AsyncIterable<ConversationEvent> {
  readonly #controller = new AbortController();
  readonly #turn: Promise<TurnRun>;

  /** @internal Made by `conversation.stream(input)`. */
  constructor(start: (signal: AbortSignal) => Promise<TurnRun>) {
    this.#turn = start(this.#controller.signal);
    this.#turn.catch(() => {});
  }

  /**
   * The events of every step, in order, as they arrive: the wire events, and between them
   * `tool_call.started`, `tool_call.completed`, `tool_call.failed` and `step.completed`.
   */
  [Symbol.asyncIterator](): AsyncGenerator<ConversationEvent, void, undefined> {
    return this.#later((turn) => turn);
  }

  /** The turn's structured output as it grows (a turn with a zod `text.format`), like `responses.parse`'s. */
  partialOutput(): AsyncGenerator<DeepPartial<OutputOf<R>>, void, undefined> {
    return this.#later((turn) => turn.partialOutput() as AsyncIterable<DeepPartial<OutputOf<R>>>);
  }

  /** Only the text deltas, as strings: `for await (const text of stream.textDeltas())`. */
  textDeltas(): AsyncGenerator<string, void, undefined> {
    return this.#later((turn) => turn.textDeltas());
  }

  /** What `pick` reads of the turn, once it has started (the reading's code loads with it). */
  async *#later<T>(pick: (turn: TurnRun) => AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
    yield* pick(await this.#turn);
  }

  /**
   * The whole turn (every step, its tool events too) as a web `Response` of SSE bytes, for a
   * route handler; `ResponseStream.fromReadableStream` reads it back. It consumes the stream.
   */
  toResponse(init?: ResponseInit): globalThis.Response {
    return sseResponse(
      relayStream(
        this.#turn.then((turn) => turn.relay()),
        () => this.abort(),
      ),
      init,
    );
  }

  /** The turn's answer: its last round's response, once the turn has ended. */
  finalResponse(): Promise<R> {
    return this.#turn.then((turn) => turn.finalResponse() as Promise<R>);
  }

  /** Stops the turn where it is: in a request, in a stream, or while its tools run. */
  abort(): void {
    this.#controller.abort();
  }
}
