/**
 * A value the model wrote (structured output, a call's arguments), checked and parsed by the
 * schema it was asked for, whichever kind (zod 4, zod 3, Standard Schema): what does not match is
 * a {@link ResponseValidationError} naming each path, never the library's own error.
 */
import { ResponseValidationError, type ValidationIssue } from '../errors.js';
import { parseWire, type WireSchema } from '../schemas/validate.js';
import { schemaKind, type ZodSchemaLike } from './schema-like.js';

/** What zod 3's `safeParse` returns, as read here. */
type Zod3Result =
  | { success: true; data: unknown }
  | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };

/** A Standard Schema's issue, as read here. */
interface StandardIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined;
}

/** A path as errors write it: a plain array of strings and numbers (a library's may be a subclass). */
const pathOf = (path: readonly (PropertyKey | { key: PropertyKey })[] = []) =>
  Array.from(path, (segment) => {
    const key = typeof segment === 'object' ? segment.key : segment;
    return typeof key === 'number' ? key : String(key);
  });

/**
 * `value` parsed by `schema` (its output: transforms applied), or a
 * {@link ResponseValidationError} about `what` naming the paths that do not match.
 */
export function parseWithSchema<T>(
  schema: ZodSchemaLike<T> | WireSchema<T>,
  value: unknown,
  what: string,
): T {
  const kind = schemaKind(schema);
  if (kind === 'zod4' || kind === undefined) return parseWire(schema as WireSchema<T>, value, what);
  let issues: ValidationIssue[];
  if (kind === 'zod3') {
    const result = (schema as unknown as { safeParse(value: unknown): Zod3Result }).safeParse(
      value,
    );
    if (result.success) return result.data as T;
    issues = result.error.issues.map((issue) => ({
      path: pathOf(issue.path),
      message: issue.message,
    }));
  } else {
    const standard = (schema as { '~standard': { validate(value: unknown): unknown } })[
      '~standard'
    ];
    const result = standard.validate(value) as {
      value?: unknown;
      issues?: readonly StandardIssue[];
    };
    if (result instanceof Promise) {
      result.catch(() => {});
      throw new ResponseValidationError(
        what,
        [
          {
            path: [],
            message:
              'the schema checks asynchronously; structured output needs one that checks at once',
          },
        ],
        value,
      );
    }
    if (!result.issues) return result.value as T;
    issues = result.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  }
  throw new ResponseValidationError(what, issues, value);
}
