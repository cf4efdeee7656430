/**
 * The types of a conversation: its options, its runnable tools, the params of one turn, and the
 * plain JSON it saves to. Written by hand: they are generic over a client's params and over
 * what each tool's schema parses to.
 */
import type { StateStrategy } from '../dialects/dialect.js';
import type { ParsedResponse } from '../structured/parsed-response.js';
import type { ZodSchemaLike } from '../structured/schema-like.js';
import type { ZodTextFormat } from '../structured/zod-text-format.js';
import type { Transport } from '../transport/transport-option.js';
import type {
  Response,
  ResponseCreateParams,
  ResponseFormatTextConfig,
  ResponseInputItem,
} from '../types/index.js';
import type { ToolCallError } from './errors.js';
import type { AgentSettings, ApprovalTurn, PendingApproval } from './step-types.js';

/**
 * How a conversation gives the server its context each turn: `previous_response_id` (the server
 * keeps its responses: only the new items are sent), `conversation` (the server keeps the items
 * of a conversation id: only the new items are sent), or `replay` (the server keeps nothing: the
 * whole history is sent every turn).
 */
export type ConversationStrategy = StateStrategy;

/** What a tool's `execute` is given besides its arguments. */
export interface ToolContext {
  /**
   * Aborted when the turn is stopped: its `signal` aborts, `stream.abort()` is called, or
   * another call of the round ends the turn (with `toolErrors: 'throw'`).
   */
  readonly signal: AbortSignal;
  /** The id of the call being answered. */
  readonly callId: string;
}

/**
 * A function the model may call, by the name it has in a conversation's `tools` record: its
 * zod `parameters` become the tool's JSON Schema (strict by default), and the helper parses and
 * checks each call's arguments, runs `execute`, and sends its result back as the call's
 * `function_call_output` (a string as is, anything else as JSON). Without `execute`, a call to
 * it ends the tool loop: the turn's response comes back with the call for you to answer.
 */
export interface ConversationTool<Args = unknown> {
  /** What the function does, for the model. */
  description?: string | undefined;
  /** The zod schema of its arguments (an object). */
  parameters: ZodSchemaLike<Args>;
  /** Strict mode (default `true`): the arguments follow the schema exactly. */
  strict?: boolean | undefined;
  /** Runs the call: its arguments parsed and checked. What it returns is sent to the model. */
  execute?(args: Args, context: ToolContext): unknown;
  /**
   * Milliseconds a call may run: past them it fails as a throw would
   * (`get_weather timed out after 5000 ms`), its `signal` aborted.
   */
  timeout?: number | undefined;
  /**
   * Whether a call waits for the user's approval (or a function of its arguments that says so):
   * the turn then ends with the call in `chat.pendingApprovals`, answered by the next turn.
   */
  needsApproval?: boolean | ((args: Args) => boolean | PromiseLike<boolean>) | undefined;
}

/** A conversation's tools: each runnable tool by its name, typed by its schema. */
export type ConversationTools<Args> = { [Name in keyof Args]: ConversationTool<Args[Name]> };

/**
 * What the model hears when a call goes wrong (an unknown tool, invalid arguments, or `execute`
 * throwing): `'report'` (default) sends a short text saying so as the call's output, and the
 * model carries on; `'throw'` ends the turn with a {@link ToolCallError}; a function returns
 * the output to send, or throws to end the turn.
 */
export type ToolErrorMode = 'report' | 'throw' | ((error: ToolCallError) => string);

/** The options of a conversation that are not request params. */
export interface ConversationSettings extends AgentSettings {
  /** How many rounds of tool calls one turn may take (default 10); past it, `MaxToolRoundsError`. */
  maxToolRounds?: number | undefined;
  /** What happens when a tool call goes wrong (default `'report'`). */
  toolErrors?: ToolErrorMode | undefined;
  /**
   * A conversation id the server keeps the items of (the gateway's, OpenAI's `conv_…`): each turn
   * then sends only its new items with `conversation`. Make it however your server makes them.
   */
  conversation?: string | undefined;
  /** A conversation saved by `toJSON()`, to carry on where it stopped; the options given win. */
  resume?: SavedConversation | undefined;
  /**
   * How its requests travel, over the client's `transport`: with `'websocket'`, every turn and
   * tool round goes over one connection, kept for this conversation.
   */
  transport?: Transport | undefined;
}

/** Whether the params of `Params` take function tools (Karta's take none). */
type TakesTools<Params> = Params extends { tools?: infer Tools }
  ? [Exclude<Tools, null | undefined>] extends [never]
    ? false
    : true
  : true;

/** The params a conversation manages itself, which its options and turns leave out. */
type Managed = 'input' | 'stream' | 'previous_response_id' | 'conversation';

/**
 * `client.conversation(options)`: the request params sent with every turn (`model`,
 * `instructions`, `temperature`, `text`…), the runnable `tools`, and the conversation's settings.
 * For a client of any dialect, the options of one of them.
 */
export type ConversationOptions<
  Params = ResponseCreateParams,
  Args = Record<string, unknown>,
> = Params extends unknown
  ? Omit<Params, Managed | 'tools' | 'model'> &
      ConversationSettings & {
        /** The model; required unless resuming (a saved conversation carries it). */
        model?: string | undefined;
        /** The functions the model may call, by name: the helper runs them (see `ConversationTool`). */
        tools?: TakesTools<Params> extends true ? ConversationTools<Args> : undefined;
      }
  : never;

/**
 * The params of one turn, laid over the conversation's: any request param but the ones the
 * conversation manages; `tools` adds tools to this turn only (hosted ones, such as web search).
 */
export type ConversationTurnParams<Params = ResponseCreateParams> = Params extends unknown
  ? Omit<Params, Managed>
  : never;

/** What a turn says: text (one user message), input items, or the answers to pending approvals. */
export type ConversationInput = string | ResponseInputItem[] | ApprovalTurn;

/** A text format that may carry a zod schema, typing `output_parsed`. */
export interface FormatOf<T> {
  /** The text settings; a {@link ZodTextFormat} as `format` types the turns' `output_parsed`. */
  text?:
    | {
        /** The format the model writes in: `zodTextFormat(schema, name)`, or a plain one. */
        format?: ZodTextFormat<T> | ResponseFormatTextConfig | undefined;
      }
    | null
    | undefined;
}

/** A turn's response: a `ParsedResponse` when the conversation's text format has a zod schema. */
export type TurnResponse<T> = [T] extends [null] ? Response : ParsedResponse<T>;

/**
 * A conversation as plain JSON (`chat.toJSON()`), to store and pass back as `resume`. Its tools'
 * functions are not in it: give them again with `resume`.
 */
export interface SavedConversation {
  /** The format's version: 1. */
  version: 1;
  /** The dialect it was held in. */
  dialect: string;
  /** The strategy in force (`replay` after a server refused `previous_response_id`). */
  strategy: ConversationStrategy;
  /** The id of the last complete response. */
  previousResponseId: string | null;
  /** The conversation id, with the `conversation` strategy. */
  conversation: string | null;
  /** The request params sent with every turn (`model`, `instructions`…), as JSON. */
  params: Record<string, unknown>;
  /** The transcript: what was said, as canonical input items, oldest first. */
  items: ResponseInputItem[];
  /**
   * How many of the last `items` the server has not seen yet (outputs of calls run in a turn
   * that a stop condition or an approval ended): the next turn sends them first. 0 when absent.
   */
  unsent?: number | undefined;
  /** Calls waiting for the user's approval, answered by the next turn. */
  pendingApprovals?: PendingApproval[] | undefined;
}
