import { ResponsesError } from '../errors.js';
import type { Transport } from '../transport/transport-option.js';
import type { ResponseCreateParams } from '../types/index.js';
import {
  type BuiltInFeatures,
  builtIn,
  type ClientFeatures,
  catalog,
  type DialectName,
  type DialectParams,
  type Entry,
} from './catalog.js';
import type { ConversationParams, Dialect, StateStrategy } from './dialect.js';
import { openai } from './openai.js';

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

/**
 * Whether a client speaking `D` may take `transport: 'websocket'`: a built-in dialect whose
 * server has the WebSocket mode (`openai`), or a dialect of your own defined with `webSocket: true`.
 */
export type HasWebSocket<D> = D extends DialectName
  ? BuiltInFeatures[D]['webSocket']
  : D extends {
        /** A dialect of your own made with `webSocket: true`. */
        readonly webSocket: true;
      }
    ? true
    : false;

/**
 * The `transport` values a client (or a conversation) speaking `D` takes: `'websocket'` only
 * where `D` has it (for a client of any dialect, where one of them has it).
 */
export type TransportOf<D> = D extends unknown
  ? HasWebSocket<D> extends true
    ? Transport
    : 'http'
  : never;

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

/** Resolves the `dialect` client option (a built-in name or a Dialect object) to a handle. */
export function resolveDialect(option: DialectOption): DialectHandle {
  if (typeof option === 'object') {
    const dialect = option as unknown as Dialect;
    return { ...dialect, load: () => Promise.resolve(dialect) };
  }
  if (!Object.hasOwn(catalog, option)) {
    throw new ResponsesError(
      `Unknown dialect ${JSON.stringify(option)}; expected one of ${Object.keys(catalog).join(', ')} or a Dialect object.`,
    );
  }
  const row: Entry = catalog[option];
  let loaded: Promise<Dialect> | undefined;
  return {
    ...builtIn(option),
    // The canonical dialect is bundled; the others load on the first request.
    load: () => (loaded ??= (row.load?.() ?? Promise.resolve(openai)) as Promise<Dialect>),
  };
}

export * from './catalog.js';
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
