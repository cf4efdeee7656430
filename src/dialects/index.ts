import { ResponsesError } from '../errors.js';
import type {
  GatewayCreateParams,
  KartaCreateParams,
  KawaiCreateParams,
  OpenRouterCreateParams,
  ResponseCreateParams,
} from '../types/index.js';
import { type BuiltInFeatures, type ClientFeatures, catalog, type DialectName } from './catalog.js';
import type { ConversationParams, Dialect, StateStrategy } from './dialect.js';
import { openai } from './openai.js';

/** The create params of a client of each built-in dialect: the canonical ones plus the server's own. */
export interface DialectParams {
  /** OpenAI and OpenResponses: the canonical params. */
  openai: ResponseCreateParams;
  /** OpenRouter: fallback `models`, `provider` routing, `plugins`, its server tools… */
  openrouter: OpenRouterCreateParams;
  /** Karta: the five fields it documents (the other canonical ones are refused). */
  karta: KartaCreateParams;
  /** Kawai: its samplers (`top_k`, `min_p`…), function tools only. */
  kawai: KawaiCreateParams;
  /** The gateway: `model` required, `messages` instead of `input`, function and web search tools. */
  gateway: GatewayCreateParams;
}

/** What the `dialect` client option takes: a built-in dialect's name, or your own {@link Dialect}. */
export type DialectOption = DialectName | Dialect<never>;

/** The create params a client speaking `D` accepts. */
export type ParamsOf<D> = D extends DialectName
  ? DialectParams[D]
  : D extends Dialect<infer Params>
    ? Params
    : ResponseCreateParams;

/**
 * What a client speaking `D` offers besides `responses.create`. A dialect of your own has every
 * method on its type: its `features` and `paths` decide at run time.
 */
export type FeaturesOf<D> = D extends DialectName ? BuiltInFeatures[D] : AllFeatures;

/** Every feature: the type of a dialect whose features are only known at run time. */
type AllFeatures = { readonly [K in keyof ClientFeatures]: true };

/**
 * A dialect as the client holds it: what it must know at once (name, base URL, required
 * options, how it keeps a conversation), and the dialect itself, loaded on the first request.
 * Built-in dialects other than OpenAI's are separate modules, so an app bundles only the one it
 * speaks.
 */
export interface DialectHandle {
  readonly name: string;
  readonly baseURL: string;
  readonly requires: readonly 'project'[];
  /** How its server keeps state between turns; `undefined`: by `previous_response_id`. */
  readonly state?: StateStrategy | undefined;
  /** What the conversation helper may send it besides input; `undefined`: everything. */
  readonly takes?: ConversationParams | undefined;
  load(): Promise<Dialect>;
}

const loaders: Record<DialectName, () => Promise<Dialect>> = {
  openai: () => Promise.resolve(openai),
  openrouter: () => import('./openrouter.js').then((m) => m.openrouter as Dialect),
  karta: () => import('./karta.js').then((m) => m.karta as Dialect),
  kawai: () => import('./kawai.js').then((m) => m.kawai as Dialect),
  gateway: () => import('./gateway.js').then((m) => m.gateway as Dialect),
};

/** Resolves the `dialect` client option (a built-in name or a Dialect object) to a handle. */
export function resolveDialect(option: DialectName | Dialect<never> | undefined): DialectHandle {
  if (typeof option === 'object') {
    const dialect = option as unknown as Dialect;
    return { ...dialect, load: () => Promise.resolve(dialect) };
  }
  const name = option ?? 'openai';
  if (!Object.hasOwn(catalog, name)) {
    throw new ResponsesError(
      `Unknown dialect ${JSON.stringify(name)}; expected one of ${Object.keys(catalog).join(', ')} or a Dialect object.`,
    );
  }
  let loaded: Promise<Dialect> | undefined;
  return { ...catalog[name], load: () => (loaded ??= loaders[name]()) };
}

export {
  type BuiltInFeatures,
  type ClientFeatures,
  catalog,
  type DialectName,
} from './catalog.js';
export {
  type ConversationParams,
  type Dialect,
  type DialectContext,
  type DialectSpec,
  defineDialect,
  type EventNormalizer,
  type RequestRules,
  type ResponseFeatures,
  type StateStrategy,
  type WireObject,
} from './dialect.js';
