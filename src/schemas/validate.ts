import type { z } from 'zod/mini';
import {
  RequestValidationError,
  ResponseValidationError,
  type ValidationIssue,
} from '../errors.js';

/** Any zod schema (classic or mini): all that validation needs of it. */
export type WireSchema<T = unknown> = z.core.$ZodType<T>;

type Key = PropertyKey;

/**
 * Flattens zod issues into path + rule. A failed open union (known members, then a catch-all)
 * reports the known member's issues, which name the real field, instead of "Invalid input".
 */
function toIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly Key[] = [],
): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The member the value meant to be: its `type` matched (no issue on `type`), and it failed
      // on a field of its own; its issues name the real field.
      const meant = (errors: readonly z.core.$ZodIssue[]) =>
        errors.some((e) => e.path.length > 0) && !errors.some((e) => e.path[0] === 'type');
      const branch =
        issue.errors.find(meant) ??
        issue.errors.find((errors) => errors.some((e) => e.path.length > 0));
      if (branch) return toIssues(branch, path);
    }
    return [
      {
        path: path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
        message: issue.message,
      },
    ];
  });
}

function run<T>(schema: z.core.$ZodType<T>, value: unknown) {
  return (schema as unknown as z.ZodMiniType<T>).safeParse(value);
}

/** Validates a request before it is sent; throws {@link RequestValidationError} naming each field. */
export function checkRequest<T>(schema: z.core.$ZodType<T>, value: unknown, what = 'request'): T {
  const result = run(schema, value);
  if (!result.success) throw new RequestValidationError(toIssues(result.error.issues), what);
  return result.data;
}

/** Validates what a server sent; throws {@link ResponseValidationError} with the path. */
export function parseWire<T>(schema: z.core.$ZodType<T>, value: unknown, what: string): T {
  const result = run(schema, value);
  if (!result.success) {
    throw new ResponseValidationError(what, toIssues(result.error.issues), value);
  }
  return result.data;
}
