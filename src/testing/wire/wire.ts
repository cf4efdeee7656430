/**
 * What makes one server's wire format: how it frames and shapes stream events, unary bodies and
 * error bodies, how it fails midway, and what it does with the fields that carry state. Each
 * built-in dialect has one (a module of this folder), written from the server's seed document;
 * the canonical events they start from are built in ../builders.ts.
 */
import type { DialectName } from '../../dialects/catalog.js';
import type { ResponseItem } from '../../resources/responses.js';
import { responseFrames } from '../../stream/relay.js';
import type { Response, ResponseCompletedEvent, ResponseStreamEvent } from '../../types/index.js';

/** A JSON object as a server sends it. */
export type Json = Record<string, unknown>;

/** One event as the server sends it: the SSE event name and the data (which may lack `type`). */
export interface WireEvent {
  type: string;
  data: Json;
}

/** An HTTP error, before the server writes it in its own body form. */
export interface WireError {
  status: number;
  message: string;
  code: string | null;
  type: string;
  param: string | null;
}

/** A failure in the middle of a stream. */
export interface StreamFailure {
  message: string;
  code: string;
}

/** What a server does with the fields that carry a conversation's state. */
export interface StateRules {
  /**
   * `previous_response_id`: the server keeps its responses and continues from the one named
   * (answering `unknown` when it has none by that id), or it keeps none and then refuses the
   * field with `refuse`, or pays it no attention.
   */
  previous:
    | { keeps: true; unknown(id: string): WireError }
    | { keeps: false; refuse?: WireError | undefined };
  /** Whether a `conversation` id carries the items of its earlier turns. */
  conversations: boolean;
  /** Its other refusals of state fields (both `conversation` and `previous_response_id`…). */
  refuse(body: Json): WireError | undefined;
}

/** One server's wire format. */
export interface Wire {
  readonly name: DialectName;
  /** One event as SSE text. */
  frame(event: WireEvent): string;
  /** What comes before the first event (OpenRouter's `: OPENROUTER PROCESSING`). */
  readonly prelude: readonly string[];
  /** What follows the terminal event (OpenRouter's `data: [DONE]`). */
  readonly epilogue: readonly string[];
  /** A reply's canonical events as this server streams them. */
  events(events: readonly ResponseStreamEvent[]): WireEvent[];
  /** How this server reports a failure midway when nothing says otherwise. */
  readonly failsWith: 'error' | 'response.failed';
  /** The `error` event (and what follows it) for a failure after `sequence` events. */
  errorEvents(failure: StreamFailure, failed: Response, sequence: number): WireEvent[];
  /** The `response.failed` event for a failure after `sequence` events. */
  failedEvents(failed: Response, sequence: number): WireEvent[];
  /** A response as the unary body. */
  body(response: Response): Json;
  /** An HTTP error as the body. */
  errorBody(error: WireError): Json;
  /** The status of a request the server cannot read (not JSON, not an object). */
  readonly badRequestStatus: number;
  readonly state: StateRules;
  /** What the server refuses in the items the model would see (history, then input). */
  checkContext?(context: readonly ResponseItem[]): WireError | undefined;
}

/** `{ error: { message, type, code, param } }`, the body OpenAI and most servers send. */
export const openAIErrorBody = ({ message, type, code, param }: WireError): Json => ({
  error: { message, type, code, param },
});

/** A 400 `invalid_request_error` about `param`. */
export const invalid = (message: string, param: string | null, code: string | null = null) =>
  ({ status: 400, message, code, type: 'invalid_request_error', param }) satisfies WireError;

/**
 * How most servers write their streams and errors: each event on an `event:` line named by its
 * type, nothing before the first event or after the last; OpenAI's error bodies, and 400 for a
 * body the server cannot read.
 */
export const namedEvents = {
  frame: (event: WireEvent) => responseFrames.frame({ ...event.data, type: event.type }),
  prelude: [],
  epilogue: [],
  errorBody: openAIErrorBody,
  badRequestStatus: 400,
} satisfies Partial<Wire>;

/** An event of `type` whose data carries its type too. */
export const typed = (type: string, data: Json): WireEvent => ({ type, data: { type, ...data } });

/** The event as a `WireEvent` whose data is the whole event (its `type` included). */
export const whole = (event: ResponseStreamEvent): WireEvent => ({
  type: String(event.type),
  data: event as Json,
});

/** The response object trimmed to what a sparse server's seed shows. */
export function slim(response: ResponseCompletedEvent['response']): Json {
  const { id, object, created_at, status, model, output, usage, error } = response;
  const slimmed: Json = { id, object, created_at, status, model, output };
  if (usage) slimmed.usage = usage;
  if (error) slimmed.error = error;
  return slimmed;
}

/** A sparse server's responses (unary, and in `response.failed`): trimmed to what its seed shows. */
export const slimResponses = {
  failedEvents: (failed: Response) => [typed('response.failed', { response: slim(failed) })],
  body: slim,
} satisfies Partial<Wire>;
