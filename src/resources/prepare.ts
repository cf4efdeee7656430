import type { Dialect, RequestRules, ResponseFeatures, WireObject } from '../dialects/index.js';
import { RequestValidationError } from '../errors.js';
import type { ClientConfig } from '../options.js';
import { checkRequest, type WireSchema } from '../schemas/validate.js';

/** The dialect, loaded, as the endpoints use it. */
export type AnyDialect = Dialect<never>;

/** A request body ready to send, and the headers it adds. */
export interface Prepared {
  body: WireObject;
  headers: Record<string, string>;
}

/**
 * Checks a request before anything is sent, in order: the canonical schema (every field, always),
 * then the server's own schema (its own fields, and the canonical ones it narrows: a dialect adds
 * rules, it never lifts one), then its documented rules; then maps it to the server's body. Any
 * broken rule is a {@link RequestValidationError} naming the field and the rule.
 */
export function prepare<Params>(
  dialect: Dialect<unknown>,
  rules: RequestRules<Params>,
  canonical: WireSchema,
  params: Params,
  what: string,
): Prepared {
  checkRequest(canonical, params, what);
  const server = `${what} for ${dialect.name}`;
  if (rules.params) checkRequest(rules.params, params, server);
  const issues = rules.rules?.(params) ?? [];
  if (issues.length > 0) throw new RequestValidationError(issues, server);
  return {
    body: rules.mapRequest?.(params) ?? { ...(params as WireObject) },
    headers: rules.headers?.(params) ?? {},
  };
}

/** Refuses, before anything is sent, an endpoint the server does not have. */
export function unsupported(dialect: { name: string }, method: string): RequestValidationError {
  return new RequestValidationError(
    [
      {
        path: [],
        message: `the ${dialect.name} dialect has no ${method} (its server does not document one)`,
      },
    ],
    method,
  );
}

/**
 * The client's dialect, loaded, for an endpoint of the responses collection that only some
 * servers have: `method` is refused before anything is sent when the server lacks `feature`.
 */
export async function dialectWith(
  config: ClientConfig,
  feature: keyof ResponseFeatures,
  method: string,
): Promise<AnyDialect> {
  const dialect = await config.dialect.load();
  if (!dialect.features[feature]) throw unsupported(dialect, method);
  return dialect;
}
