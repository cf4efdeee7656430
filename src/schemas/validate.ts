import type { z } from 'zod/mini';
import {
  RequestValidationError,
  ResponseValidationError,
  type ValidationIssue,
} from '../errors.js';

/** Any zod schema (classic or mini): all that validation needs of it. */
export type WireSchema<T = unknown> = z.core.$ZodType<T>;

type Key = PropertyKey;

/** A value as a message quotes it: a short string or a number as is; others by kind or length. */
function show(value: unknown): string {
  return typeof value === 'string'
    ? value.length > 40
      ? `${value.length} characters`
      : JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : value && typeof value === 'object'
        ? 'an object'
        : String(value);
}

/**
 * What a zod issue expected, in words, where its schema gave no message of its own: used as
 * this parse's error map only, never zod's global configuration (which is the app's too).
 */
function expected(issue: z.core.$ZodRawIssue): string | undefined {
  // A literal's values, or a discriminated union's known `type`s.
  const values = (issue as { values?: unknown[] }).values ?? (issue.options as unknown[]);
  const what =
    issue.code === 'invalid_type'
      ? `${'aeiou'.includes(issue.expected[0] as string) ? 'an' : 'a'} ${issue.expected}`
      : values
        ? values.map(show).join(' or ')
        : // A union whose members each failed on the value itself: what each expected of it.
          issue.code === 'invalid_union' &&
          [...new Set(issue.errors.map(([e]) => e?.message.replace(/^expected /, '')))].join(
            ' or ',
          );
  return what ? `expected ${what}` : undefined;
}

const context = { error: expected, reportInput: true };

/**
 * Flattens zod issues into path + rule, each saying what was expected and what came
 * (`temperature: expected a number from 0 to 2, got 3`). A failed open union (known members,
 * then a catch-all) reports the known member's issues, which name the real field.
 */
function toIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly Key[] = [],
): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      // The member the value meant to be: it failed on a field of its own (or, for an object, in
      // a union of its own: an open union's known members), not on `type`; its issues name the
      // real field. Else any member that failed on a field.
      const nested = (errors: readonly z.core.$ZodIssue[]) =>
        errors.some(
          (e) => e.path.length > 0 || (e.code === 'invalid_union' && e.input instanceof Object),
        );
      const branch =
        issue.errors.find(
          (errors) => nested(errors) && !errors.some((e) => e.path[0] === 'type'),
        ) ?? issue.errors.find(nested);
      if (branch) return toIssues(branch, path);
    }
    // A discriminated union reports its discriminator's path with the whole object as input.
    const got =
      'discriminator' in issue
        ? (issue.input as Record<Key, unknown>)?.[issue.discriminator as Key]
        : issue.input;
    return [
      {
        // JSON has no symbol keys: a path is strings and numbers.
        path: path as (string | number)[],
        message: `${issue.message}, got ${show(got)}`,
      },
    ];
  });
}

function run<T>(schema: z.core.$ZodType<T>, value: unknown) {
  return (schema as unknown as z.ZodMiniType<T>).safeParse(value, context);
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
