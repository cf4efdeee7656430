import { ResponsesError } from '../errors.js';
import type { Dialect } from './dialect.js';
import { openai } from './openai.js';

/** The dialects built in, by the name the `dialect` client option takes. */
export const dialects = { openai } as const satisfies Record<string, Dialect>;

/** The name of a built-in dialect. */
export type DialectName = keyof typeof dialects;

/** Resolves the `dialect` client option to a {@link Dialect}. */
export function resolveDialect(option: DialectName | Dialect | undefined): Dialect {
  if (option === undefined) return openai;
  if (typeof option === 'object') return option;
  const dialect: Dialect | undefined = Object.hasOwn(dialects, option)
    ? dialects[option]
    : undefined;
  if (!dialect) {
    throw new ResponsesError(
      `Unknown dialect ${JSON.stringify(option)}; expected one of ${Object.keys(dialects).join(', ')} or a Dialect object.`,
    );
  }
  return dialect;
}

export {
  type Dialect,
  type DialectContext,
  type DialectSpec,
  defineDialect,
  type WireObject,
} from './dialect.js';
