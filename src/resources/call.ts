import type { WireObject } from '../dialects/index.js';
import { ResponseValidationError } from '../errors.js';

/** A JSON object, or a typed error saying what came instead. */
export function asObject(body: unknown, what: string): WireObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const got = JSON.stringify(body) ?? 'nothing';
    throw new ResponseValidationError(
      what,
      [{ path: [], message: `expected a JSON object, got ${got}` }],
      body,
    );
  }
  return body as WireObject;
}
