/**
 * The field checks a server's rules are written with. Each returns the 400 the server answers
 * (`invalid_request_error`, with the field as `param`) or `undefined`; the messages and codes use
 * the words OpenAI uses for the same mistakes, which most servers echo.
 */
import { isObject } from '../json.js';
import { invalid } from './wire/forms.js';
import type { Json, WireError } from './wire/wire.js';

/** The JSON kinds a field may have. */
export type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** A check that may break: its 400, or `undefined`. */
export type Check = WireError | undefined | (() => WireError | undefined);

function matches(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === kind;
  }
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** The first check that breaks (a function runs only when reached). */
export function first(...checks: Check[]): WireError | undefined {
  for (const check of checks) {
    const broken = typeof check === 'function' ? check() : check;
    if (broken) return broken;
  }
  return undefined;
}

/** One kind, or any of two or three: `'string | null'`. */
export type Kinds = Kind | `${Kind} | ${Kind}` | `${Kind} | ${Kind} | ${Kind}`;

/** Each field present is of its kinds, the fields listed by kinds: `{ 'string | null': ['user'] }`. */
export function ofKinds(
  body: Json,
  fields: Partial<Record<Kinds, readonly string[]>>,
): WireError | undefined {
  for (const [kinds, names] of Object.entries(fields) as [Kinds, readonly string[]][]) {
    const allowed = kinds.split(' | ') as Kind[];
    for (const field of names) {
      const value = body[field];
      if (value === undefined || allowed.some((kind) => matches(value, kind))) continue;
      const message = `Invalid type for '${field}': expected ${allowed.join(' or ')}, but got ${kindOf(value)} instead.`;
      return invalid(message, field, 'invalid_type');
    }
  }
  return undefined;
}

/** The kinds a list of them writes: `['string', 'null']` is `'string | null'`. */
const kindsOf = (kinds: readonly Kind[]) => kinds.join(' | ') as Kinds;

/** `field` is present, and of one of `kinds`. */
export function required(body: Json, field: string, kinds: readonly Kind[]): WireError | undefined {
  if (body[field] === undefined)
    return invalid(`Missing required parameter: '${field}'.`, field, 'missing_required_parameter');
  return ofKinds(body, { [kindsOf(kinds)]: [field] });
}

/** When present (and not `null`), `field` is a number (an integer if asked) within the bounds. */
export function inRange(
  body: Json,
  field: string,
  { min, max, integer = false }: { min?: number; max?: number; integer?: boolean },
): WireError | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const wrong = ofKinds(body, { [integer ? 'integer' : 'number']: [field] });
  if (wrong) return wrong;
  const below = min !== undefined && (value as number) < min;
  if (!below && (max === undefined || (value as number) <= max)) return undefined;
  const noun = integer ? 'integer' : 'decimal';
  const side = below ? 'below minimum' : 'above maximum';
  const message = `Invalid '${field}': ${noun} ${side} value. Expected a value ${below ? `>= ${min}` : `<= ${max}`}, but got ${value} instead.`;
  return invalid(message, field, `${noun}_${below ? 'below_min' : 'above_max'}_value`);
}

/** When present, `field` is one of `values`. */
export function oneOf(
  body: Json,
  field: string,
  values: readonly unknown[],
): WireError | undefined {
  const value = body[field];
  if (value === undefined || values.includes(value)) return undefined;
  const supported = values.map((item) => `'${String(item)}'`).join(', ');
  const message = `Invalid value for '${field}': '${String(value)}'. Supported values are: ${supported}.`;
  return invalid(message, field, 'invalid_value');
}

/** When present (and not `null`), `field` is a string of at most `max` characters. */
export function maxLength(body: Json, field: string, max: number): WireError | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return ofKinds(body, { string: [field] });
  if (value.length <= max) return undefined;
  const message = `Invalid '${field}': string too long. Expected a string with maximum length ${max}, but got a string with length ${value.length} instead.`;
  return invalid(message, field, 'string_above_max_length');
}

/** Each item of a list field, checked by `broken` with its path (`tools[1]`). */
export function eachOf(
  body: Json,
  field: string,
  broken: (item: unknown, param: string) => WireError | undefined,
): WireError | undefined {
  const list = body[field];
  if (!Array.isArray(list)) return undefined;
  for (const [index, item] of list.entries()) {
    const error = broken(item, `${field}[${index}]`);
    if (error) return error;
  }
  return undefined;
}

/** The `type` of a list item, when it is an object that has one. */
export const typeOf = (item: unknown): unknown => (isObject(item) ? item.type : undefined);

/** The values of a list as a message names them: `'a', 'b'`. */
export const listed = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
