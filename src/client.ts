import { Conversation } from './conversation/conversation.js';
import type { ConversationOptions, FormatOf } from './conversation/conversation-types.js';
import type {
  ClientFeatures,
  DialectHandle,
  DialectOption,
  FeaturesOf,
  ParamsOf,
  TransportOf,
} from './dialects/index.js';
import { type ClientConfig, type ClientOptions, normalizeOptions } from './options.js';
import { Chat, type ChatCompletions } from './resources/chat.js';
import { Conversations } from './resources/conversations.js';
import { Models } from './resources/models.js';
import { Responses } from './resources/responses.js';

/** The methods of `client.responses` each feature brings. */
interface ResponsesMethods {
  retrieve: 'retrieve' | 'delete' | 'cancel';
  inputItems: 'inputItems';
  compact: 'compact' | 'inputTokens';
}

/** The methods of `client.chat.completions` each feature brings. */
interface ChatCompletionsMethods {
  chatCompletions: 'create';
  storedChatCompletions: 'list' | 'retrieve' | 'update' | 'delete' | 'messages';
}

/** The methods of `client.models` each feature brings. */
interface ModelsMethods {
  models: 'list';
  retrieveModel: 'retrieve';
  deleteModel: 'delete';
}

/** The members of a client each feature brings. */
interface ClientMembers {
  chatCompletions: 'chat';
  models: 'models';
  conversations: 'conversations';
}

/** The features among `Keys` that `D` surely has (`true` for every dialect `D` stands for). */
type Has<D, Keys extends keyof ClientFeatures> = {
  [K in Keys]: [FeaturesOf<D>[K]] extends [true] ? K : never;
}[Keys];

/**
 * `Full` where `D` has every feature of `Methods` (the class itself, as hovers name it), else
 * only the methods its features bring. (`ResponsesOf` spells the same rule out: every app's
 * first call evaluates it, and this generic form would cost the checker 59 more types there.)
 */
type Within<D, Full, Methods> = [Exclude<keyof Methods, Brought<D, Methods>>] extends [never]
  ? Full
  : Pick<Full, Methods[Brought<D, Methods>] & keyof Full>;

/** The features among the keys of `Methods` that `D` has. */
type Brought<D, Methods> = Has<D, keyof Methods & keyof ClientFeatures> & keyof Methods;

/**
 * `client.responses` of a client speaking `D`: `create` everywhere, and the stored-response
 * methods (retrieve, delete, cancel, input items, compact, input tokens) where its server has them.
 */
export type ResponsesOf<D> = [Exclude<keyof ResponsesMethods, Stored<D>>] extends [never]
  ? Responses<ParamsOf<D>>
  : Pick<Responses<ParamsOf<D>>, 'create' | 'parse' | ResponsesMethods[Stored<D>]>;

/** The stored-response features `D` has. */
type Stored<D> = Has<D, keyof ResponsesMethods>;

/**
 * `client.chat` of a client speaking `D`: `completions.create`, and the stored-completion methods
 * (list, retrieve, update, delete, messages) where its server stores completions.
 */
export type ChatOf<D> = [Has<D, 'storedChatCompletions'>] extends [never]
  ? {
      /** Create chat completions, unary or streamed (this server stores none). */
      readonly completions: Within<D, ChatCompletions, ChatCompletionsMethods>;
    }
  : Chat;

/**
 * `client.models` of a client speaking `D`: `list`, and `retrieve` and `delete` where its server
 * has them.
 */
export type ModelsOf<D> = Within<D, Models, ModelsMethods>;

/** What every client has, whatever its dialect. */
export interface ResponsesClientBase<D extends DialectOption> {
  /** Create responses and stream their events; where the server stores them, retrieve, delete, cancel… */
  readonly responses: ResponsesOf<D>;
  /** The base URL every request goes to. */
  readonly baseURL: string;
  /** The name of the dialect this client speaks. */
  readonly dialect: string;
  /**
   * A multi-turn conversation: each turn sends the context its server needs (the new items and
   * `previous_response_id`, a `conversation` id, or the whole history, as the dialect says),
   * runs the model's calls to `tools` (a record of zod-typed functions) and enters the history
   * once complete. Its logic loads on the first turn.
   *
   * @example
   * const chat = client.conversation({ model: 'gpt-5', tools: { get_weather: { parameters: z.object({ city: z.string() }), execute: ({ city }) => weather(city) } } });
   * const answer = await chat.send('Do I need a coat in Oslo?');
   */
  conversation<Args = Record<string, never>, T = null>(
    options: ConversationOptions<ParamsOf<D>, Args> &
      FormatOf<T> & { transport?: TransportOf<D> | undefined },
  ): Conversation<ParamsOf<D>, T>;
  /**
   * A new client with these options laid over this one's; typed by the dialect it ends up with
   * (`client.withOptions({ dialect: 'kawai' })` is a Kawai client).
   */
  withOptions<E extends DialectOption = D>(
    options: ClientOptions & { dialect?: E | undefined; transport?: TransportOf<E> | undefined },
  ): ResponsesClient<E>;
  /**
   * Closes the client's WebSocket connections (`transport: 'websocket'`), so that none keeps
   * the process alive; a response still streaming over one fails with a `StreamError`. A
   * request made after it opens new ones. Nothing to do for HTTP.
   */
  close(): Promise<void>;
}

/**
 * The endpoints besides `responses` of a client speaking `D`, each on a client's type only where
 * its server has it.
 */
export interface ResponsesClientEndpoints<D extends DialectOption = 'openai'> {
  /** Chat completions, unary or streamed; stored ones where the server keeps them. */
  readonly chat: ChatOf<D>;
  /** The models the server offers. */
  readonly models: ModelsOf<D>;
  /** Conversations the server keeps, and their items (the Conversations API). */
  readonly conversations: Conversations;
}

/**
 * A client speaking the dialect `D` (default `'openai'`): its create params are that server's
 * (a `'kawai'` client takes Kawai's samplers, and a misspelt field is a compile error), and it
 * has the endpoints that server has (a Kawai client has no `responses.retrieve`, a Karta client
 * no `models`). For a parameter that takes a client of any dialect, use {@link AnyResponsesClient}.
 */
export type ResponsesClient<D extends DialectOption = 'openai'> = ResponsesClientBase<D> &
  Pick<ResponsesClientEndpoints<D>, ClientMembers[Has<D, keyof ClientMembers>]>;

/**
 * A client of any dialect: the type for code that takes a client as a parameter. It has what
 * every client has (`responses.create`, `baseURL`, `dialect`, `withOptions`); a client of every
 * dialect is assignable to it.
 */
export type AnyResponsesClient = ResponsesClient<DialectOption>;

/** `new ResponsesClient(options)`: a client typed by the `dialect` option. */
export interface ResponsesClientConstructor {
  /** A client speaking `options.dialect` (default `'openai'`), typed by it. */
  new <D extends DialectOption = 'openai'>(
    options?: ClientOptions & { dialect?: D | undefined; transport?: TransportOf<D> | undefined },
  ): ResponsesClient<D>;
  /** What `instanceof ResponsesClient` narrows to: a client of any dialect. */
  readonly prototype: AnyResponsesClient;
}

/**
 * One client for every server that speaks the Responses API. Its `dialect` (a built-in name or
 * your own `Dialect`) types the create params and the endpoints: a `'kawai'` client takes
 * Kawai's samplers.
 *
 * @example
 * const client = new ResponsesClient({ apiKey, dialect: 'openai' });
 * const r = await client.responses.create({ model: 'gpt-5', input: 'Hello' });
 * console.log(r.output_text);
 */
export const ResponsesClient = class ResponsesClient {
  // Declared, not emitted as class fields: the constructor sets them (fewer bytes to ship).
  declare readonly responses: Responses<unknown>;
  declare readonly chat: Chat;
  declare readonly models: Models;
  declare readonly conversations: Conversations;
  declare readonly baseURL: string;
  declare readonly dialect: string;
  readonly #options: ClientOptions;
  readonly #dialect: DialectHandle;
  readonly #sockets: ClientConfig['webSocket'];

  constructor(options: ClientOptions = {}) {
    const config: ClientConfig = normalizeOptions(options);
    this.#options = options;
    this.#sockets = config.webSocket;
    this.baseURL = config.transport.baseURL;
    this.dialect = config.dialect.name;
    this.#dialect = config.dialect;
    this.responses = new Responses(config);
    this.chat = new Chat(config);
    this.models = new Models(config);
    this.conversations = new Conversations(config);
  }

  conversation(options: ConversationOptions): Conversation {
    // The client's transport, unless the conversation names its own.
    return new Conversation(this.responses, this.#dialect, {
      transport: this.#options.transport,
      ...options,
    });
  }

  withOptions(options: ClientOptions): ResponsesClient {
    return new ResponsesClient({ ...this.#options, ...options });
  }

  async close(): Promise<void> {
    const sockets = this.#sockets;
    const pool = sockets.pool;
    sockets.pool = undefined;
    await (await pool)?.close();
  }
} as unknown as ResponsesClientConstructor;
