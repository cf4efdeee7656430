/**
 * Small helpers for JSON as servers send it, shared by every layer. It imports only the
 * `WireObject` type, so any module may import it without pulling in another.
 */
import type { WireObject } from './types/wire.js';

/** Whether a value is a JSON object (not `null`, not an array). */
export const isObject = (value: unknown): value is WireObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An array index from server JSON: a non-negative integer below a million, else `undefined`, so
 * that a server's `output_index: 4000000000` cannot make an array of four billion slots.
 */
export const asIndex = (value: unknown): number | undefined =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6
    ? (value as number)
    : undefined;

/**
 * A string from server JSON: a string as is, a number or boolean spelt out, anything else (an
 * object, whose `toString` may be any JSON value, `null`, absent) the fallback. `String(value)`
 * would throw a `TypeError` on `{"toString":0}`.
 */
export const asText = (value: unknown, fallback = ''): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : fallback;

/**
 * The object without its fields set to `null` (or left `undefined`): all of them, or only `keys`.
 * A canonical `null` means "the default", which a server that types every field would refuse.
 */
export const withoutNulls = (object: WireObject, keys?: readonly string[]): WireObject =>
  Object.fromEntries(
    Object.entries(object).filter(
      ([key, value]) => value != null || (keys !== undefined && !keys.includes(key)),
    ),
  );
