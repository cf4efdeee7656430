import type { ValidationIssue } from '../errors.js';
import type { WireSchema } from '../schemas/validate.js';
import type { ResponseCreateParams, WireObject } from '../types/index.js';

/** What a dialect needs to know about the client's configuration to build a request. */
export interface DialectContext {
  /** The `project` client option (Karta's `{project_ref}`), when given. */
  readonly project: string | undefined;
}

export type { WireObject };

/** Path segments (unencoded) of an endpoint, below the base URL. */
export type PathOf = (context: DialectContext) => readonly string[];

/** Path segments (unencoded) of one model, by its id, below the base URL. */
export type ModelPathOf = (context: DialectContext, model: string) => readonly string[];

/** One stream's event normalizer: a server's event in, zero or more canonical events out. */
export type EventNormalizer = (event: WireObject) => WireObject | readonly WireObject[];

/** How a server keeps a conversation's state between turns. */
export type StateStrategy =
  /** It stores responses: send `previous_response_id`. */
  | 'previous_response_id'
  /** It keeps conversations by id: send `conversation`. */
  | 'conversation'
  /** It keeps nothing: send the whole history every turn. */
  | 'replay';

/** Whether a server takes function tools and instructions (`false`: the helper refuses them). */
export interface ConversationParams {
  /** Whether it takes function tools (default `true`). */
  readonly tools?: boolean | undefined;
  /** Whether it takes `instructions` (default `true`). */
  readonly instructions?: boolean | undefined;
}

/** Checks and mapping of one kind of request (a response, a chat completion). */
export interface RequestRules<Params> {
  /**
   * The server's own fields, and its narrower rules for canonical ones (a shorter list of tools,
   * a smaller range), checked after the canonical checks, which always apply in full: a server's
   * schema can only add constraints, never lift one.
   */
  readonly params?: WireSchema | undefined;
  /** The server's documented rules that are not types (`input` or `messages`, never both…). */
  rules?(params: Params): ValidationIssue[];
  /** Maps a checked canonical request to the server's body. Default: sent as is. */
  mapRequest?(params: Params): WireObject;
  /** Headers a request adds (OpenRouter's `x-session-id`). */
  headers?(params: Params): Record<string, string>;
}

/** What a server offers of the Responses API besides `POST /responses`. */
export interface ResponseFeatures {
  /** `GET`, `DELETE` and `POST …/cancel` on a stored response, and resumed streams. */
  readonly retrieve: boolean;
  /** `GET /responses/{id}/input_items`. */
  readonly inputItems: boolean;
  /** `POST /responses/compact` and `POST /responses/input_tokens`. */
  readonly compact: boolean;
}

/**
 * How one server speaks the Responses API: its base URL, paths, auth, the rules it enforces,
 * and how what it sends becomes the canonical shape. A dialect is data plus small pure
 * functions, so the core never branches on a server's name: a sixth server is one more object
 * of this type, passed as the client's `dialect` option (see {@link defineDialect}).
 */
export interface Dialect<Params = ResponseCreateParams> {
  /** A short name, used in error messages. */
  readonly name: string;
  /** The base URL used when the client is given none. */
  readonly baseURL: string;
  /** Client options the server cannot do without (Karta's `project`). */
  readonly requires: readonly 'project'[];
  /** How the server keeps state between turns; the conversation helper follows it. */
  readonly state: StateStrategy;
  /**
   * What the conversation helper may send it besides input (Karta's documented params have
   * neither tools nor instructions); a field left out is taken.
   */
  readonly takes?: ConversationParams | undefined;
  /** The endpoints the server has: the responses collection, chat completions, models. */
  readonly paths: {
    /** The responses collection (`responses`): create, and the stored-response endpoints below it. */
    readonly responses: PathOf;
    /** Chat completions (`chat/completions`); none where the server has no such endpoint. */
    readonly chatCompletions?: PathOf | undefined;
    /** The model list (`models`); none where the server has no such endpoint. */
    readonly models?: PathOf | undefined;
    /**
     * Stored chat completions (`chat/completions`: list them, and retrieve, update or delete one
     * or list its messages below it); none where the server keeps none.
     */
    readonly storedChatCompletions?: PathOf | undefined;
    /** One model, to retrieve (`models/{model}`); none where the server has no such endpoint. */
    readonly model?: ModelPathOf | undefined;
    /** One model, to delete (`models/{model}`); none where the server deletes none. */
    readonly deleteModel?: ModelPathOf | undefined;
    /**
     * The Conversations API (`conversations`: create, and retrieve, update, delete one and its
     * items below it); none where the server has no such endpoint.
     */
    readonly conversations?: PathOf | undefined;
  };
  /** What the server offers besides creating responses. */
  readonly features: ResponseFeatures;
  /**
   * Whether `/responses` also speaks the specs' WebSocket mode (`response.create` messages on a
   * persistent socket): the `transport: 'websocket'` option needs it. Default `false`.
   */
  readonly webSocket?: boolean | undefined;
  /** The headers that carry the API key. */
  authHeaders(apiKey: string): Record<string, string>;
  /** Checks and mapping of `responses.create`. */
  readonly request: RequestRules<Params>;
  /** Checks and mapping of `chat.completions.create`. */
  readonly chatRequest: RequestRules<WireObject>;
  /** Turns a unary response body into the canonical response object. */
  normalizeResponse(body: WireObject): WireObject;
  /** A fresh event normalizer for one stream (it may keep state: ids, indexes, counters). */
  eventNormalizer(): EventNormalizer;
  /** Turns a chat completion body into the canonical (OpenAI) one. */
  normalizeChatCompletion(body: WireObject): WireObject;
  /** Turns a chat completion chunk into the canonical (OpenAI) one. */
  normalizeChatChunk(chunk: WireObject): WireObject;
  /** Turns the body of `models.retrieve` into the canonical (OpenAI) model object. */
  normalizeModel(body: WireObject): WireObject;
}

/** The parts of a {@link Dialect} that have a canonical default. */
export type DialectSpec<Params = ResponseCreateParams> = Pick<Dialect<Params>, 'name' | 'baseURL'> &
  Partial<Omit<Dialect<Params>, 'name' | 'baseURL'>>;

const identity = <T>(value: T): T => value;

/** The canonical behaviour (OpenAI, OpenResponses), which a dialect overrides where its server differs. */
const canonical: Omit<Dialect<never>, 'name' | 'baseURL'> = {
  requires: [],
  state: 'previous_response_id',
  paths: { responses: () => ['responses'] },
  features: { retrieve: false, inputItems: false, compact: false },
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  request: {},
  chatRequest: {},
  normalizeResponse: identity,
  eventNormalizer: () => identity,
  normalizeChatCompletion: identity,
  normalizeChatChunk: identity,
  normalizeModel: identity,
};

/**
 * Builds a complete {@link Dialect} from the parts where a server differs from the canonical
 * one. `Params` types the create requests of a client that speaks it; `webSocket: true` (its
 * server speaks the WebSocket mode) lets a client of it take `transport: 'websocket'`.
 *
 * @example
 * const mine = defineDialect({ name: 'mine', baseURL: 'https://llm.example/v1', state: 'replay' });
 * const client = new ResponsesClient({ dialect: mine });
 */
export function defineDialect<Params = ResponseCreateParams>(
  spec: DialectSpec<Params> & {
    /** Its server speaks the WebSocket mode: a client of it takes `transport: 'websocket'`. */
    readonly webSocket: true;
  },
): Dialect<Params> & {
  /** Its server speaks the WebSocket mode. */
  readonly webSocket: true;
};
export function defineDialect<Params = ResponseCreateParams>(
  spec: DialectSpec<Params>,
): Dialect<Params>;
export function defineDialect<Params = ResponseCreateParams>(
  spec: DialectSpec<Params>,
): Dialect<Params> {
  return { ...(canonical as Omit<Dialect<Params>, 'name' | 'baseURL'>), ...spec };
}
