/**
 * What makes one server's wire format, as the fake server plays it: its paths, how it frames and
 * shapes stream events, unary bodies and error bodies, how it fails midway, the rules it enforces
 * on a request, its chat completions and model list, and what it does with the fields that carry
 * state. Each built-in dialect's server is one module of this folder, written from that server's
 * public documentation; it is the only description of that server in this repository (the
 * canonical objects it starts from are built in ../builders.ts and ../chat.ts, and the forms
 * most servers share are in ./forms.ts).
 */
import type { DialectName } from '../../dialects/catalog.js';
import type { ResponseItem } from '../../resources/responses.js';
import type { Response, ResponseStreamEvent } from '../../types/index.js';

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
  /**
   * Whether a `conversation` id carries the items of its earlier turns (`false`: the field is
   * ignored), and what an id it keeps nothing under is: the start of a new conversation (no
   * `unknown`: the gateway), or refused with `unknown` (OpenAI, whose ids come from
   * `POST /conversations`).
   */
  conversations: false | { unknown?: ((id: string) => WireError) | undefined };
  /** Its other refusals of state fields (both `conversation` and `previous_response_id`…). */
  refuse(body: Json): WireError | undefined;
}

/** A request as a server's rules read it. */
export interface WireRequest {
  /** The JSON body (an object: anything else is refused before the rules). */
  body: Json;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The models the server was given (`models` option), when it was given some. */
  models: readonly string[] | undefined;
}

/** A server's chat completions endpoint, from the canonical (OpenAI) completion and chunks. */
export interface ChatWire {
  /** Its path below the base URL (`*` for a segment that may be anything). */
  readonly path: readonly string[];
  /** The id of the `n`-th completion it answers. */
  id(n: number): string;
  /** The first of its rules the request breaks. */
  refuse(request: WireRequest): WireError | undefined;
  /** The canonical completion as its unary body. */
  completion(completion: Json, body: Json): Json;
  /** The canonical chunks as the chunks it streams (usage included or not, extra fields). */
  chunks(chunks: readonly Json[], body: Json): Json[];
  /** One chunk as SSE text. */
  frame(chunk: Json): string;
  /** What comes before the first chunk, and what follows the last one of a finished stream. */
  readonly prelude: readonly string[];
  readonly epilogue: readonly string[];
  /** What it sends for a failure midway, after which the body closes. */
  failure(failure: StreamFailure, last: Json): string[];
  /**
   * Whether it keeps the completions created with `store: true`: listed (`GET` on the path),
   * retrieved, updated and deleted below it (`{id}`), their messages at `{id}/messages`.
   */
  readonly stores?: boolean | undefined;
}

/** A server's endpoint for one model (`GET`, and `DELETE` where it deletes them). */
export interface ModelWire {
  /** Its path below the base URL, `*` for each segment of the model's id (joined by `/`). */
  readonly path: readonly string[];
  /** The body answering `GET` for the model `id`. */
  body(id: string): Json;
  /** Whether `DELETE` on the path deletes the model (a fine-tuned one, on OpenAI). */
  readonly deletes: boolean;
}

/** One server's wire format. */
export interface Wire {
  readonly name: DialectName;
  /** Whether `/responses` also speaks the specs' WebSocket mode (`server.WebSocket`). */
  readonly webSocket?: boolean | undefined;
  /** The responses collection below the base URL (`*` for a segment that may be anything). */
  readonly path: readonly string[];
  /** The endpoints it has under a stored response and beside the collection. */
  readonly stored: { retrieve: boolean; inputItems: boolean; compact: boolean };
  /** The id of the `n`-th response it creates. */
  responseId(n: number): string;
  /** One event as SSE text. */
  frame(event: WireEvent): string;
  /** What comes before the first event (OpenRouter's `: OPENROUTER PROCESSING`). */
  readonly prelude: readonly string[];
  /** What follows the terminal event (OpenRouter's `data: [DONE]`). */
  readonly epilogue: readonly string[];
  /** A reply's canonical events as this server streams them, for this request. */
  events(events: readonly ResponseStreamEvent[], body: Json): WireEvent[];
  /** How this server reports a failure midway when nothing says otherwise. */
  readonly failsWith: 'error' | 'response.failed';
  /** The `error` event (and what follows it) for a failure after `sequence` events. */
  errorEvents(failure: StreamFailure, failed: Response, sequence: number): WireEvent[];
  /** The `response.failed` event for a failure after `sequence` events. */
  failedEvents(failed: Response, sequence: number): WireEvent[];
  /** A response as the unary body, for this request. */
  body(response: Response, body: Json): Json;
  /** An HTTP error as the body. */
  errorBody(error: WireError): Json;
  /** The status of a request the server cannot read (not JSON, not an object). */
  readonly badRequestStatus: number;
  /** The 401 for a request without its key (`undefined`) or with another one. */
  unauthorized(key: string | undefined): WireError;
  /** The first rule of `POST /responses` the request breaks, before any state is read. */
  refuse(request: WireRequest): WireError | undefined;
  readonly state: StateRules;
  /** What the server refuses in the items the model would see (history, then input). */
  checkContext?(context: readonly ResponseItem[]): WireError | undefined;
  /** Its chat completions endpoint, if it has one. */
  readonly chat?: ChatWire | undefined;
  /** Its model list: the path below the base URL and the body listing `ids`, if it has one. */
  readonly models?: { path: readonly string[]; body(ids: readonly string[]): Json } | undefined;
  /** Its endpoint for one model, if it has one. */
  readonly model?: ModelWire | undefined;
  /**
   * Its Conversations API, if it has one: the collection's path below the base URL (create;
   * retrieve, update and delete one; add, list, retrieve and delete its items).
   */
  readonly conversationsAPI?: readonly string[] | undefined;
}
