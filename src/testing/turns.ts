/**
 * The scripted turns' types, each derived from its schema (turn-schemas.ts, where every field's
 * doc is written) and published under its own name, so that a hover says `TextTurn`.
 */
import type * as z from 'zod/mini';
import type { ResponseCreateParams } from '../types/index.js';
import type { RecordedRequest } from './recorded-request.js';
import type {
  ChunkedSchema,
  DropTurnSchema,
  ErrorTurnSchema,
  FunctionCallSchema,
  FunctionCallTurnBaseSchema,
  IncompleteTurnSchema,
  JsonTurnSchema,
  OneCallTurnSchema,
  PacedSchema,
  ParallelCallsTurnSchema,
  RefusalTurnSchema,
  StallTurnSchema,
  StreamErrorTurnSchema,
  TextTurnSchema,
  WithReasoningSchema,
} from './turn-schemas.js';

/** How a streamed reply is paced. */
export interface Paced extends z.infer<typeof PacedSchema> {}

/** How a streamed string is cut into deltas: given pieces, or pieces of a given length. */
export interface Chunked extends z.infer<typeof ChunkedSchema> {}

/** Reasoning the model shows before its answer: one reasoning item with this summary. */
export interface WithReasoning extends z.infer<typeof WithReasoningSchema> {}

/** A text reply. A plain string is the same thing, streamed word by word. */
export interface TextTurn extends z.infer<typeof TextTurnSchema> {}

/** One call the model makes to one of your functions. */
export interface FunctionCall extends z.infer<typeof FunctionCallSchema> {}

/** What every function-call turn may add to its calls. */
export interface FunctionCallTurnBase extends z.infer<typeof FunctionCallTurnBaseSchema> {}

/** The model calls one of your functions: `{ type: 'function_call', name, arguments }`. */
export interface OneCallTurn extends z.infer<typeof OneCallTurnSchema> {}

/** The model calls several of your functions at once: `{ type: 'function_call', calls: [...] }`. */
export interface ParallelCallsTurn extends z.infer<typeof ParallelCallsTurnSchema> {}

/**
 * The model calls your functions: one (`{ type: 'function_call', name, arguments }`) or several
 * at once (`{ type: 'function_call', calls: [...] }`), with or without text first.
 */
export type FunctionCallTurn = OneCallTurn | ParallelCallsTurn;

/** The model declines: an assistant message holding one `refusal` part. */
export interface RefusalTurn extends z.infer<typeof RefusalTurnSchema> {}

/** Structured output: the JSON of `json` as the reply's text (what `text.format` asks for). */
export interface JsonTurn extends z.infer<typeof JsonTurnSchema> {}

/** A turn that produces output: text, function calls, a refusal or JSON. */
export type ReplyTurn = string | TextTurn | FunctionCallTurn | RefusalTurn | JsonTurn;

/** An HTTP error instead of a response, in the server's error body (unless `body` is given). */
export interface ErrorTurn extends z.infer<typeof ErrorTurnSchema> {}

/**
 * The response fails after `after` events of its stream, as its server reports a failure midway
 * (or as `as` says): `StreamError`. Unary, the response comes back `failed`.
 */
export interface StreamErrorTurn extends z.infer<typeof StreamErrorTurnSchema> {}

/** The connection drops after `after` events of the stream: `APIConnectionError`. */
export interface DropTurn extends z.infer<typeof DropTurnSchema> {}

/** The server stops sending and keeps the connection open, until the client's `timeout`. */
export interface StallTurn extends z.infer<typeof StallTurnSchema> {}

/** The model stops short: the response ends `incomplete`, saying why. */
export interface IncompleteTurn extends z.infer<typeof IncompleteTurnSchema> {}

/** A turn computed from the request it answers (its body, headers and context). */
export type TurnFunction<Params = ResponseCreateParams> = (
  request: RecordedRequest<Params>,
) => ScriptedTurn | Promise<ScriptedTurn>;

/** A turn written out: a reply, an HTTP error, or a failure on the way. */
export type ScriptedTurn =
  | ReplyTurn
  | ErrorTurn
  | StreamErrorTurn
  | DropTurn
  | StallTurn
  | IncompleteTurn;

/** One turn of the script: what the server answers to one model call. */
export type Turn<Params = ResponseCreateParams> = ScriptedTurn | TurnFunction<Params>;
