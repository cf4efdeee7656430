import type { z } from 'zod';
import { RequestValidationError, ResponseValidationError, type ValidationIssue } from '../errors.js';

/** Any zod schema (classic or mini): all that validation needs of it. */
export type WireSchema<T = unknown> = z.core.$ZodType<T>;

function toIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

/** Validates a request before it is sent; throws {@link RequestValidationError} naming each field. */
export function checkRequest<T>(schema: z.core.$ZodType<T>, value: unknown, what = 'request'): T {
  const result = (schema as unknown as z.ZodType<T>).safeParse(value);
  if (!result.success) throw new RequestValidationError(toIssues(result.error), what);
  return result.data;
}

/** Validates what a server sent; throws {@link ResponseValidationError} with the path. */
export function parseWire<T>(schema: z.core.$ZodType<T>, value: unknown, what: string): T {
  const result = (schema as unknown as z.ZodType<T>).safeParse(value);
  if (!result.success) throw new ResponseValidationError(what, toIssues(result.error), value);
  return result.data;
}
