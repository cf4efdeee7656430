/**
 * The built-in dialects: the one table that lists them. A row holds what the client must know of
 * a server before its module loads (its base URL, the options it requires) and how that module
 * loads, typed with what a client's type shows of it (its create params, its endpoints). Everything
 * else about a server is its module (`dialects/<name>.ts`, which starts from its row with
 * {@link builtIn}) and its schema (`schemas/dialects/<name>.ts`): a sixth built-in server is a row
 * here, and those two files.
 */
import type {
  GatewayCreateParams,
  KartaCreateParams,
  KawaiCreateParams,
  OpenAICreateParams,
  OpenRouterCreateParams,
} from '../types/index.js';
import type { ConversationParams, Dialect, StateStrategy } from './dialect.js';

/**
 * What a server offers besides `POST /responses`, as a client's type sees it: each endpoint a
 * client's type has (`responses.retrieve`, `chat`, `models`…) is there only where its server
 * has it. At run time the dialect's `features` and `paths` say the same.
 */
export interface ClientFeatures {
  /** `responses.retrieve`, `.delete` and `.cancel`. */
  readonly retrieve: boolean;
  /** `responses.inputItems`. */
  readonly inputItems: boolean;
  /** `responses.compact` and `responses.inputTokens`. */
  readonly compact: boolean;
  /** `chat.completions`. */
  readonly chatCompletions: boolean;
  /** `chat.completions.list`, `.retrieve`, `.update`, `.delete` and `.messages`: stored completions. */
  readonly storedChatCompletions: boolean;
  /** `models`. */
  readonly models: boolean;
  /** `models.retrieve`. */
  readonly retrieveModel: boolean;
  /** `models.delete`. */
  readonly deleteModel: boolean;
  /** `conversations`: the Conversations API. */
  readonly conversations: boolean;
  /** `transport: 'websocket'`: the WebSocket mode of `/responses`. */
  readonly webSocket: boolean;
}

declare const endpoints: unique symbol;

/**
 * A built-in dialect as its catalog row types it: the create params a client of it takes, and
 * the endpoints its server has besides `POST /responses` (a type only: the module's `features`
 * and `paths` say the same at run time).
 */
export type BuiltIn<Params, Endpoints extends keyof ClientFeatures> = Dialect<Params> & {
  /** The endpoints its server has besides `POST /responses`: a type only, never set. */
  readonly [endpoints]?: Endpoints;
};

/** One row of the catalog. */
export interface Entry {
  /** The base URL used when the client is given none. */
  readonly baseURL: string;
  /** Client options the server cannot do without (Karta's `project`). */
  readonly requires: readonly 'project'[];
  /**
   * How its server keeps a conversation's state between turns, for the conversation helper
   * (left out: by `previous_response_id`, the canonical way).
   */
  readonly state?: StateStrategy;
  /** What its server takes besides input (left out: function tools and instructions). */
  readonly takes?: ConversationParams;
  /**
   * Its module, loaded on the first request, typed as a {@link BuiltIn}; none for the canonical
   * dialect, which is always bundled and has every endpoint.
   */
  readonly load?: () => Promise<Dialect<never>>;
}

/** The built-in dialects, by name. */
export const catalog = {
  openai: { baseURL: 'https://api.openai.com/v1', requires: [] },
  openrouter: {
    baseURL: 'https://openrouter.ai/api/v1',
    requires: [],
    state: 'replay',
    /** @internal Its module, loaded on the first request. */
    load: (): Promise<
      BuiltIn<OpenRouterCreateParams, 'chatCompletions' | 'models' | 'retrieveModel'>
    > => import('./openrouter.js').then((m) => m.openrouter as Dialect<never>),
  },
  // Karta's responses reference: "Pass the returned id as previous_response_id on the next call";
  // it documents input, stream, previous_response_id, store and model: no tools, no instructions.
  karta: {
    baseURL: 'https://api.karta.sh/v1',
    requires: ['project'],
    takes: { tools: false, instructions: false },
    /** @internal Its module, loaded on the first request. */
    load: (): Promise<BuiltIn<KartaCreateParams, 'chatCompletions'>> =>
      import('./karta.js').then((m) => m.karta as Dialect<never>),
  },
  kawai: {
    baseURL: 'https://api.getkawai.com/v1',
    requires: [],
    state: 'replay',
    /** @internal Its module, loaded on the first request. */
    load: (): Promise<BuiltIn<KawaiCreateParams, never>> =>
      import('./kawai.js').then((m) => m.kawai as Dialect<never>),
  },
  gateway: {
    baseURL: 'https://api.example.com/v1',
    requires: [],
    state: 'conversation',
    /** @internal Its module, loaded on the first request. */
    load: (): Promise<BuiltIn<GatewayCreateParams, 'models'>> =>
      import('./gateway.js').then((m) => m.gateway as Dialect<never>),
  },
} as const satisfies Record<string, Entry>;

/** The name of a built-in dialect. */
export type DialectName = keyof typeof catalog;

/** What a built-in dialect's module starts from: its name, and the facts of its row. */
export function builtIn<Name extends DialectName>(name: Name) {
  const { load: _, ...facts }: Entry = catalog[name];
  return { name, ...facts };
}

/**
 * The create params of a client of each built-in dialect: the canonical ones plus the server's
 * own (the canonical dialect's row has no module: OpenAI's, with its WebSocket `stream_id`).
 */
export type DialectParams = {
  [Name in DialectName]: (typeof catalog)[Name] extends {
    /** The row's module loader, typed with the create params of its dialect. */
    load: () => Promise<Dialect<infer Params>>;
  }
    ? Params
    : OpenAICreateParams;
};

type Only<Keys> = {
  readonly [K in keyof ClientFeatures]: K extends Keys ? true : false;
};

/**
 * The features of each built-in dialect, as types, from the catalog's rows
 * (test/dialects/features.test.ts checks them against the dialect modules): a Kawai client has
 * no `responses.retrieve`, a Karta client no `models`.
 */
export type BuiltInFeatures = {
  [Name in DialectName]: Only<
    (typeof catalog)[Name] extends {
      /** The row's module loader, typed with the endpoints of its server. */
      load: () => Promise<{
        /** The endpoints its server has, read from the loader's type. */
        readonly [endpoints]?: infer Endpoints;
      }>;
    }
      ? Endpoints
      : keyof ClientFeatures
  >;
};
