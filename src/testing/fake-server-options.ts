/** What `createFakeServer` takes, and the server it gives. */
import type { DialectName, DialectParams } from '../dialects/index.js';
import type { ResponseItem } from '../resources/responses.js';
import type { ChatCompletion, ConversationResource, Response } from '../types/index.js';
import type { Cassette } from './cassette.js';
import type { FakeWebSocketConstructor } from './fake-websocket.js';
import type { RecordedRequest } from './recorded-request.js';
import type { Turn, TurnFunction } from './turns.js';

/** Options of {@link createFakeServer}. */
export interface FakeServerOptions<D extends DialectName = 'openai'> {
  /**
   * The server it plays, and so its wire format: paths (Karta's `/projects/{ref}/…`), event
   * shapes, error bodies and status codes, the rules it enforces on a request, and how it keeps
   * state. Default `'openai'`, the canonical format.
   */
  dialect?: D | undefined;
  /**
   * What it answers to each model call (`POST /responses`, or a chat completion where the server
   * has them), in order: turns written out, or functions that compute one from the request. A
   * function in place of the list computes every turn.
   */
  turns?: readonly Turn<DialectParams[D]>[] | TurnFunction<DialectParams[D]> | undefined;
  /** The base URL it answers under; default `https://fake.responses.test/v1`. */
  baseURL?: string | undefined;
  /** The `model` reported when the request names none; default `fake-model`. */
  model?: string | undefined;
  /** Milliseconds between two streamed events, unless a turn says otherwise; default 0. */
  delayMs?: number | undefined;
  /**
   * The API key it requires (`authorization: Bearer <key>`): a request without it, or with
   * another, is answered 401 as its server words it. Default: none required, any accepted.
   */
  apiKey?: string | undefined;
  /**
   * A recording to replay, in place of `turns`: what `createRecorder().cassette()` gave (or the
   * JSON it was saved as, checked here). Each request is answered with the first exchange not
   * yet played that matches it (its method, path, query and JSON body; not its host or its
   * headers, so replay with the base URL the app recorded with, changing only `fetch`), exactly
   * as recorded: status, headers, the body chunk by chunk, a body that broke off, a fetch that
   * rejected. A request that matches none is answered 500 (`x-should-retry: false`, so the
   * client throws at once) with a message naming the nearest exchange and how it differs.
   */
  cassette?: Cassette | undefined;
  /**
   * What matching a request with the cassette leaves out, for what changes from run to run (an
   * id or a time the app makes): `'body.metadata'` (a field; `'body.input.*.id'`, `*` any key or
   * index), `'query.after'` (a query parameter), or a bare name such as `'prompt_cache_key'`
   * (that field wherever it is in the body).
   */
  ignore?: readonly string[] | undefined;
  /** Replays each chunk of a cassette at the offset it arrived at; default: at once, one by one. */
  realTime?: boolean | undefined;
  /**
   * The models `GET /models` lists, where the server has that endpoint (default: `model`), and
   * the ones `GET /models/{model}` knows (another is a 404); `DELETE /models/{model}` removes one.
   * The gateway, given a list, refuses a request for a model not in it.
   */
  models?: readonly string[] | undefined;
}

/** An in-process Responses server, exposed as a `fetch` function. */
export interface FakeServer<Params = DialectParams['openai']> {
  /** Pass it as the client's `fetch` option. */
  readonly fetch: (
    input: string | URL | Request,
    init?: RequestInit,
  ) => Promise<globalThis.Response>;
  /** Pass it as the client's `baseURL` option. */
  readonly baseURL: string;
  /** The dialect it speaks: pass it as the client's `dialect` option. */
  readonly dialect: DialectName;
  /**
   * A WebSocket constructor whose sockets connect to this server in memory: pass it as the
   * client's `WebSocket` option with `transport: 'websocket'`. Each `response.create` message
   * plays the next turn as a streamed `POST /responses` would (recorded in `requests` with
   * `transport: 'websocket'`), its events one frame each; an HTTP error turn is the
   * `{ type: 'error', status, error }` message, a `drop` turn drops the socket (close code 1006).
   * A socket keeps its `store: false` responses (its latest one), so that `previous_response_id`
   * chains on it, as the server's connection-local cache does. A server whose dialect has no
   * WebSocket mode, or that replays a cassette, refuses the upgrade (close code 1006, the reason
   * saying why), as does one given an `apiKey` when the upgrade does not carry it.
   */
  readonly WebSocket: FakeWebSocketConstructor;
  /** How many WebSocket connections it has accepted so far. */
  readonly connections: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest<Params>[];
  /**
   * Turns not yet played (0 when the turns are computed by one function); replaying a cassette,
   * its exchanges not yet played. (A server replaying a cassette keeps no state: the methods
   * below answer nothing.)
   */
  readonly remainingTurns: number;
  /** Appends turns to the script, checked like the first ones (not when a function computes them all). */
  enqueue(...turns: Turn<Params>[]): void;
  /** A response it keeps, as `retrieve` answers it now; `undefined` when it keeps none by that id. */
  storedResponse(id: string): Response | undefined;
  /**
   * The items of a conversation (made by `POST /conversations`, or on the gateway by a first
   * `conversation: id`), oldest first, as `conversations.items.list` gives them with
   * `order: 'asc'`; empty when it keeps none by that id.
   */
  conversationItems(id: string): ResponseItem[];
  /**
   * A conversation it keeps (OpenAI's Conversations API), as `conversations.retrieve` answers it:
   * `{ id, object, created_at, metadata }`; `undefined` when it keeps none by that id.
   */
  storedConversation(id: string): ConversationResource | undefined;
  /**
   * A chat completion it stored (`store: true`, on OpenAI), as `chat.completions.retrieve`
   * answers it (with its `metadata`); `undefined` when it keeps none by that id.
   */
  storedChatCompletion(id: string): ChatCompletion | undefined;
}
