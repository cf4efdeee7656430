import type { ConversationParams, StateStrategy } from './dialect.js';

/**
 * What the client must know of each built-in dialect before its module is loaded: its base URL,
 * the options it requires, and, for the conversation helper, how it keeps state between turns
 * (`state`; left out: by `previous_response_id`, the canonical way) and what it takes besides
 * input (`takes`; left out: tools and instructions). Each dialect module spreads its own entry,
 * so this is the one place these facts are written.
 */
export const catalog = {
  openai: { name: 'openai', baseURL: 'https://api.openai.com/v1', requires: [] },
  openrouter: {
    name: 'openrouter',
    baseURL: 'https://openrouter.ai/api/v1',
    requires: [],
    state: 'replay',
  },
  // Seed 000: "Pass the returned id as previous_response_id on the next call"; it documents
  // input, stream, previous_response_id, store and model: no tools, no instructions.
  karta: {
    name: 'karta',
    baseURL: 'https://api.karta.sh/v1',
    requires: ['project'],
    takes: { tools: false, instructions: false },
  },
  kawai: { name: 'kawai', baseURL: 'https://api.getkawai.com/v1', requires: [], state: 'replay' },
  gateway: {
    name: 'gateway',
    baseURL: 'https://api.example.com/v1',
    requires: [],
    state: 'conversation',
  },
} as const satisfies Record<
  string,
  {
    name: string;
    baseURL: string;
    requires: readonly 'project'[];
    state?: StateStrategy;
    takes?: ConversationParams;
  }
>;

/** The name of a built-in dialect. */
export type DialectName = keyof typeof catalog;

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
  /** `models`. */
  readonly models: boolean;
}

type Only<Keys extends keyof ClientFeatures> = {
  readonly [K in keyof ClientFeatures]: K extends Keys ? true : false;
};

/**
 * The features of each built-in dialect, as types (test/dialects/features.test.ts checks them
 * against the dialect modules): a Kawai client has no `responses.retrieve`, a Karta client no
 * `models`.
 */
export interface BuiltInFeatures {
  /** Every endpoint. */
  openai: Only<keyof ClientFeatures>;
  /** `responses.create` only. */
  openrouter: Only<never>;
  /** Chat completions besides `responses.create`. */
  karta: Only<'chatCompletions'>;
  /** `responses.create` only. */
  kawai: Only<never>;
  /** The model list besides `responses.create`. */
  gateway: Only<'models'>;
}
