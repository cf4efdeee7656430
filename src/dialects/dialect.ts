import { checkRequest, type ResponseCreateParams, type WireSchema } from '../schemas/index.js';

/** What a dialect needs to know about the client's configuration to build a request. */
export interface DialectContext {
  /** The `project` client option (Karta's `{project_ref}`), when given. */
  readonly project: string | undefined;
}

/** A JSON object as received from a server, before or after normalization. */
export type WireObject = Record<string, unknown>;

/**
 * How one server speaks the Responses API: its base URL, paths, auth and request rules, and how
 * what it sends is turned into the canonical shape. A dialect is data plus small pure functions,
 * so the core never branches on a server's name; a sixth server is one more object of this type.
 */
export interface Dialect {
  /** A short name, used in error messages. */
  readonly name: string;
  /** The base URL used when the client is given none. */
  readonly baseURL: string;
  /** Path segments (unencoded) of the responses collection, below the base URL. */
  responsesPath(context: DialectContext): readonly string[];
  /** The headers that carry the API key. */
  authHeaders(apiKey: string): Record<string, string>;
  /**
   * Validates a canonical create request (against `schema`, the client's request checks, and this
   * server's own rules) and maps it to this server's body. Throws `RequestValidationError`.
   */
  mapRequest(params: ResponseCreateParams, schema: WireSchema): WireObject;
  /** Turns a unary response body into the canonical response object. */
  normalizeResponse(body: WireObject): WireObject;
  /** Turns one streamed event into its canonical form; `type` is already resolved. */
  normalizeEvent(event: WireObject): WireObject;
}

/** The parts of a {@link Dialect} that have a canonical default. */
export type DialectSpec = Pick<Dialect, 'name' | 'baseURL'> & Partial<Dialect>;

const identity = (value: WireObject): WireObject => value;

/** The canonical behaviour, which a dialect overrides only where its server differs. */
const canonical: Omit<Dialect, 'name' | 'baseURL'> = {
  responsesPath: () => ['responses'],
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  mapRequest: (params, schema) => {
    checkRequest(schema, params);
    return { ...params };
  },
  normalizeResponse: identity,
  normalizeEvent: identity,
};

/** Builds a complete {@link Dialect} from the parts where a server differs from the canonical one. */
export function defineDialect(spec: DialectSpec): Dialect {
  return { ...canonical, ...spec };
}
