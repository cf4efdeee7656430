import type { ResponseCreateParams } from '../types/index.js';
import type { RecordedRequest } from './recorded-request.js';

/** How a streamed reply is paced. */
export interface Paced {
  /** Milliseconds between two streamed events (a slow drip); default: the server's `delayMs`. */
  delayMs?: number | undefined;
}

/** How a streamed string is cut into deltas: given pieces, or pieces of a given length. */
export interface Chunked {
  /** The deltas, in order; they must join to the whole string. */
  chunks?: readonly string[] | undefined;
  /** Characters per delta. Default: word by word for text, 8 characters for JSON and arguments. */
  chunkSize?: number | undefined;
}

/** Reasoning the model shows before its answer: one reasoning item with this summary. */
export interface WithReasoning {
  /** The summary of a reasoning item that comes first in the output (streamed word by word). */
  reasoning?: string | undefined;
}

/** A text reply. A plain string is the same thing, streamed word by word. */
export interface TextTurn extends Paced, Chunked, WithReasoning {
  /** `'text'`, or left out: a turn with `text` is a reply. */
  type?: 'text' | undefined;
  /** The whole reply. */
  text: string;
}

/** One call the model makes to one of your functions. */
export interface FunctionCall {
  /** The function's name. */
  name: string;
  /** Its arguments: an object (sent as its JSON) or the exact string the model writes. Default `{}`. */
  arguments?: Record<string, unknown> | string | undefined;
  /** The call's id, to pair it with your `function_call_output`; default `call_<response>_<index>`. */
  callId?: string | undefined;
}

/** What every function-call turn may add to its calls. */
export interface FunctionCallTurnBase extends Paced, WithReasoning {
  /** `'function_call'`: the model calls your functions. */
  type: 'function_call';
  /** Text the model writes before its calls (one assistant message first in the output). */
  text?: string | undefined;
  /** Characters per arguments delta; default 8. */
  chunkSize?: number | undefined;
}

/**
 * The model calls your functions: one (`{ type: 'function_call', name, arguments }`) or several
 * at once (`{ type: 'function_call', calls: [...] }`), with or without text first.
 */
export type FunctionCallTurn = FunctionCallTurnBase &
  (
    | (FunctionCall & {
        /** Left out for one call. */
        calls?: undefined;
      })
    | {
        /** The calls, in order, made at once (parallel calls). */
        calls: readonly FunctionCall[];
        /** Left out: each call has its own. */
        name?: undefined;
        /** Left out: each call has its own. */
        arguments?: undefined;
        /** Left out: each call has its own. */
        callId?: undefined;
      }
  );

/** The model declines: an assistant message holding one `refusal` part. */
export interface RefusalTurn extends Paced, Chunked {
  /** `'refusal'`: the model declines. */
  type: 'refusal';
  /** What the model says instead of answering. */
  refusal: string;
}

/** Structured output: the JSON of `json` as the reply's text (what `text.format` asks for). */
export interface JsonTurn extends Paced, Chunked, WithReasoning {
  /** `'json'`: structured output. */
  type: 'json';
  /** Any JSON value; the reply is its `JSON.stringify`. */
  json: unknown;
}

/** A turn that produces output: text, function calls, a refusal or JSON. */
export type ReplyTurn = string | TextTurn | FunctionCallTurn | RefusalTurn | JsonTurn;

/** An HTTP error instead of a response, in the server's error body (unless `body` is given). */
export interface ErrorTurn {
  /** `'error'`: an HTTP error status. */
  type: 'error';
  /** The HTTP status, 400 to 599. */
  status: number;
  /** The error's message; default `Request failed with status <status>`. */
  message?: string | undefined;
  /** The error's code; default `null`. */
  code?: string | null | undefined;
  /** The error's type; default `invalid_request_error` (4xx) or `server_error` (5xx). */
  errorType?: string | undefined;
  /** The parameter at fault; default `null`. */
  param?: string | null | undefined;
  /** Headers of the answer, such as `retry-after` or `x-should-retry`. */
  headers?: Record<string, string> | undefined;
  /** The whole body instead of the server's error object: a string is sent as is, anything else as JSON. */
  body?: unknown;
}

/** What a failure in the middle of a stream is built on: the reply that was being streamed. */
interface Interrupted extends Paced {
  /** The reply being streamed when it breaks; default a short text. */
  reply?: ReplyTurn | undefined;
}

/**
 * The response fails after `after` events of its stream: the server sends the failure as it
 * does (an `error` event on OpenAI, OpenRouter, Kawai and the gateway, so the loop throws
 * `StreamError`; `response.failed` on Karta, whose documentation says so, so `finalResponse()`
 * rejects with `StreamError`), or as `as` says. Unary, the response comes back `failed`.
 */
export interface StreamErrorTurn extends Interrupted {
  /** `'stream_error'`: an error event midway. */
  type: 'stream_error';
  /** How many of the reply's events the server sends first (counted in its own wire format). */
  after: number;
  /** The error's message. */
  message: string;
  /** The error's code; default `server_error`. */
  code?: string | undefined;
  /** Force the form of the failure: an `error` event, or `response.failed`. */
  as?: 'error' | 'response.failed' | undefined;
}

/**
 * The connection drops after `after` events of the stream: the body breaks off, so the loop
 * throws `APIConnectionError`. Unary, the body breaks off halfway.
 */
export interface DropTurn extends Interrupted {
  /** `'drop'`: the connection drops midway. */
  type: 'drop';
  /** How many of the reply's events arrive first (counted in the server's wire format). */
  after: number;
}

/**
 * The server stops sending and keeps the connection open, until the client gives up (its
 * `timeout`: `APITimeoutError`) or aborts. Without `after` it never answers at all; with it, the
 * stream stalls after that many events.
 */
export interface StallTurn extends Interrupted {
  /** `'stall'`: the server stops sending. */
  type: 'stall';
  /** How many of the reply's events arrive first; default: not even the response headers. */
  after?: number | undefined;
}

/** A turn computed from the request it answers (its body, headers and context). */
export type TurnFunction<Params = ResponseCreateParams> = (
  request: RecordedRequest<Params>,
) => ScriptedTurn | Promise<ScriptedTurn>;

/** A turn written out: a reply, an HTTP error, or a failure on the way. */
export type ScriptedTurn = ReplyTurn | ErrorTurn | StreamErrorTurn | DropTurn | StallTurn;

/** One turn of the script: what the server answers to one `POST /responses`. */
export type Turn<Params = ResponseCreateParams> = ScriptedTurn | TurnFunction<Params>;
