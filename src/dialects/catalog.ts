/**
 * What the client must know of each built-in dialect before its module is loaded: its base URL
 * and the options it requires. Each dialect module spreads its own entry, so this is the one
 * place these facts are written.
 */
export const catalog = {
  openai: { name: 'openai', baseURL: 'https://api.openai.com/v1', requires: [] },
  openrouter: { name: 'openrouter', baseURL: 'https://openrouter.ai/api/v1', requires: [] },
  karta: { name: 'karta', baseURL: 'https://api.karta.sh/v1', requires: ['project'] },
  kawai: { name: 'kawai', baseURL: 'https://api.getkawai.com/v1', requires: [] },
  gateway: { name: 'gateway', baseURL: 'https://api.example.com/v1', requires: [] },
} as const satisfies Record<
  string,
  { name: string; baseURL: string; requires: readonly 'project'[] }
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
  openai: Only<keyof ClientFeatures>;
  openrouter: Only<'chatCompletions' | 'models'>;
  karta: Only<'chatCompletions'>;
  kawai: Only<never>;
  gateway: Only<'models'>;
}
