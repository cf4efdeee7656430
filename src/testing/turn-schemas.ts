/**
 * The scripted turns of the fake server, as zod schemas: the one source of the `Turn` types
 * (turns.ts derives them, with these comments as their fields' docs) and of the checks
 * `createFakeServer` makes of each turn (check-turn.ts). Each check carries its own words, which
 * the refusal quotes after the field's name.
 */
import * as z from 'zod/mini';
import type { ReplyTurn } from './turns.js';

const text = z.string({ error: 'must be a string' });
const nonEmpty = z
  .string({ error: 'must be a non-empty string' })
  .check(z.minLength(1, { error: 'must be a non-empty string' }));
const count = (what: string) =>
  z
    .number({ error: `must be a whole number ${what}` })
    .check(
      z.int({ error: `must be a whole number ${what}` }),
      z.gte(0, { error: `must be a whole number ${what}` }),
    );
const chunkSize = z.optional(
  z
    .number({ error: 'must be a whole number from 1' })
    .check(
      z.int({ error: 'must be a whole number from 1' }),
      z.gte(1, { error: 'must be a whole number from 1' }),
    ),
);

const paced = {
  /** Milliseconds between two streamed events (a slow drip); default: the server's `delayMs`. */
  delayMs: z.optional(
    z
      .number({ error: 'must be a number of milliseconds, 0 or more' })
      .check(z.gte(0, { error: 'must be a number of milliseconds, 0 or more' })),
  ),
};

const usage = {
  /**
   * The token counts the response reports, for code that reads `usage` (a budget, a stop
   * condition); default: the request's words in, one token per delta out.
   */
  usage: z.optional(
    z.object({
      /** Tokens read; `total_tokens` is the sum. */
      input_tokens: z.optional(count('of tokens')),
      /** Tokens written. */
      output_tokens: z.optional(count('of tokens')),
    }),
  ),
};

const chunked = {
  /** The deltas, in order; they must join to the whole string. */
  chunks: z.optional(z.readonly(z.array(text, { error: 'must be an array of strings' }))),
  /** Characters per delta. Default: word by word for text, 8 characters for JSON and arguments. */
  chunkSize,
};

const withReasoning = {
  /** The summary of a reasoning item that comes first in the output (streamed word by word). */
  reasoning: z.optional(text),
};

/** What a turn written out as an object is, before its `type` says which. */
export const TurnObjectSchema = z.object(
  {},
  { error: 'expected a string, a turn object or a function' },
);

/** How a streamed reply is paced. */
export const PacedSchema = z.object(paced);

/** The token counts a reply's response reports. */
export const UsageSchema = usage.usage;

/** How a streamed string is cut into deltas: given pieces, or pieces of a given length. */
export const ChunkedSchema = z.object(chunked);

/** Reasoning the model shows before its answer: one reasoning item with this summary. */
export const WithReasoningSchema = z.object(withReasoning);

/** A text reply. A plain string is the same thing, streamed word by word. */
export const TextTurnSchema = z.object({
  ...paced,
  ...usage,
  ...chunked,
  ...withReasoning,
  /** `'text'`, or left out: a turn with `text` is a reply. */
  type: z.optional(z.literal('text')),
  /** The whole reply. */
  text,
});

/** One call the model makes to one of your functions. */
export const FunctionCallSchema = z.object({
  /** The function's name. */
  name: nonEmpty,
  /** Its arguments: an object (sent as its JSON) or the exact string the model writes. Default `{}`. */
  arguments: z.optional(
    z.union([z.string(), z.record(z.string(), z.unknown())], {
      error: 'must be an object or a string',
    }),
  ),
  /** The call's id, to pair it with your `function_call_output`; default `call_<response>_<index>`. */
  callId: z.optional(nonEmpty),
});

/** What every function-call turn may add to its calls. */
export const FunctionCallTurnBaseSchema = z.object({
  ...paced,
  ...usage,
  ...withReasoning,
  /** `'function_call'`: the model calls your functions. */
  type: z.literal('function_call'),
  /** Text the model writes before its calls (one assistant message first in the output). */
  text: z.optional(text),
  /** Characters per arguments delta; default 8. */
  chunkSize,
});

/** The model calls one of your functions. */
export const OneCallTurnSchema = z.extend(FunctionCallTurnBaseSchema, {
  ...FunctionCallSchema.shape,
  /** Left out for one call. */
  calls: z.optional(z.undefined()),
});

/** The model calls several of your functions at once (parallel calls). */
export const ParallelCallsTurnSchema = z.extend(FunctionCallTurnBaseSchema, {
  /** The calls, in order, made at once. */
  calls: z.readonly(
    z
      .array(FunctionCallSchema, { error: 'must be an array of calls' })
      .check(z.minLength(1, { error: 'is empty: a function_call turn makes at least one call' })),
  ),
  /** Left out: each call has its own. */
  name: z.optional(z.undefined()),
  /** Left out: each call has its own. */
  arguments: z.optional(z.undefined()),
  /** Left out: each call has its own. */
  callId: z.optional(z.undefined()),
});

/** The model declines: an assistant message holding one `refusal` part. */
export const RefusalTurnSchema = z.object({
  ...paced,
  ...usage,
  ...chunked,
  /** `'refusal'`: the model declines. */
  type: z.literal('refusal'),
  /** What the model says instead of answering. */
  refusal: text,
});

/** Structured output: the JSON of `json` as the reply's text (what `text.format` asks for). */
export const JsonTurnSchema = z.object({
  ...paced,
  ...usage,
  ...chunked,
  ...withReasoning,
  /** `'json'`: structured output. */
  type: z.literal('json'),
  /** Any JSON value; the reply is its `JSON.stringify`. */
  json: z.unknown(),
});

/** An HTTP error instead of a response, in the server's error body (unless `body` is given). */
export const ErrorTurnSchema = z.object({
  /** `'error'`: an HTTP error status. */
  type: z.literal('error'),
  /** The HTTP status, 400 to 599. */
  status: z
    .number({ error: 'must be an HTTP error status from 400 to 599' })
    .check(
      z.int({ error: 'must be an HTTP error status from 400 to 599' }),
      z.gte(400, { error: 'must be an HTTP error status from 400 to 599' }),
      z.lte(599, { error: 'must be an HTTP error status from 400 to 599' }),
    ),
  /** The error's message; default `Request failed with status <status>`. */
  message: z.optional(text),
  /** The error's code; default `null`. */
  code: z.optional(z.nullable(text)),
  /** The error's type; default `invalid_request_error` (4xx) or `server_error` (5xx). */
  errorType: z.optional(text),
  /** The parameter at fault; default `null`. */
  param: z.optional(z.nullable(text)),
  /** Headers of the answer, such as `retry-after` or `x-should-retry`. */
  headers: z.optional(z.record(z.string(), z.string(), { error: 'must be an object of strings' })),
  /** The whole body instead of the server's error object: a string is sent as is, anything else as JSON. */
  body: z.optional(z.unknown()),
});

/** What a turn that breaks off or stops short is built on: the reply being streamed. */
const interrupted = {
  ...paced,
  /** The reply being streamed when it breaks; default a short text. */
  reply: z.optional(z.custom<ReplyTurn>()),
};

/**
 * The response fails after `after` events of its stream: the server sends the failure as it
 * does (an `error` event on OpenAI, OpenRouter, Kawai and the gateway, so the loop throws
 * `StreamError`; `response.failed` on Karta, whose documentation says so, so `finalResponse()`
 * rejects with `StreamError`), or as `as` says. Unary, the response comes back `failed`, with
 * the output it had so far. A chat completion sends the server's failure after `after` chunks.
 */
export const StreamErrorTurnSchema = z.object({
  ...interrupted,
  /** `'stream_error'`: an error event midway. */
  type: z.literal('stream_error'),
  /** How many of the reply's events the server sends first (counted in its own wire format). */
  after: count('of events, 0 or more'),
  /** The error's message. */
  message: text,
  /** The error's code; default `server_error`. */
  code: z.optional(text),
  /** Force the form of the failure: an `error` event, or `response.failed`. */
  as: z.optional(
    z.literal(['error', 'response.failed'], { error: 'must be "error" or "response.failed"' }),
  ),
});

/**
 * The connection drops after `after` events of the stream: the body breaks off, so the loop
 * throws `APIConnectionError`. Unary, the body breaks off halfway.
 */
export const DropTurnSchema = z.object({
  ...interrupted,
  /** `'drop'`: the connection drops midway. */
  type: z.literal('drop'),
  /** How many of the reply's events arrive first (counted in the server's wire format). */
  after: count('of events, 0 or more'),
});

/**
 * The server stops sending and keeps the connection open, until the client gives up (its
 * `timeout`: `APITimeoutError`) or aborts. Without `after` it never answers at all; with it, the
 * stream stalls after that many events.
 */
export const StallTurnSchema = z.object({
  ...interrupted,
  /** `'stall'`: the server stops sending. */
  type: z.literal('stall'),
  /** How many of the reply's events arrive first; default: not even the response headers. */
  after: z.optional(count('of events, 0 or more')),
});

/**
 * The model stops short (its output limit, a content filter): the reply is sent whole, and the
 * response ends `incomplete`, saying why (`response.incomplete`; a chat completion's
 * `finish_reason` is `length`).
 */
export const IncompleteTurnSchema = z.object({
  ...interrupted,
  /** `'incomplete'`: the response stops short. */
  type: z.literal('incomplete'),
  /** Why: `incomplete_details.reason`; default `max_output_tokens`. */
  reason: z.optional(text),
});
