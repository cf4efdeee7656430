/**
 * Field checks the simulations build their documented rules from. Each returns the broken
 * {@link Rule} or `undefined`; messages and codes follow the wording real OpenAI uses (see the
 * recorded `test_openai_responses_model_http_error.1.json`), which every server here echoes.
 */
import { isObject, type Json, type Rule } from './shared.js';

export type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The first broken rule of a list of checks (functions run only when reached). */
export function first(
  ...checks: (Rule | undefined | (() => Rule | undefined))[]
): Rule | undefined {
  for (const check of checks) {
    const rule = typeof check === 'function' ? check() : check;
    if (rule) return rule;
  }
  return undefined;
}

/** When `field` is present, it is one of `kinds`. */
export function typed(body: Json, field: string, kinds: Kind[]): Rule | undefined {
  const value = body[field];
  if (value === undefined || kinds.some((kind) => matches(value, kind))) return undefined;
  return {
    rule: `${field}.type`,
    message: `Invalid type for '${field}': expected ${kinds.join(' or ')}, but got ${describe(value)} instead.`,
    param: field,
    code: 'invalid_type',
  };
}

/** `field` is present and one of `kinds`. */
export function required(body: Json, field: string, kinds: Kind[]): Rule | undefined {
  if (body[field] === undefined) {
    return {
      rule: `${field}.required`,
      message: `Missing required parameter: '${field}'.`,
      param: field,
      code: 'missing_required_parameter',
    };
  }
  return typed(body, field, kinds);
}

/** When present (and not null), `field` is a number (an integer if asked) within the bounds. */
export function inRange(
  body: Json,
  field: string,
  bounds: { min?: number; max?: number; integer?: boolean },
): Rule | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const kind: Kind = bounds.integer ? 'integer' : 'number';
  const wrong = typed(body, field, [kind]);
  if (wrong) return wrong;
  const number = value as number;
  const noun = bounds.integer ? 'integer' : 'decimal';
  const below = bounds.min !== undefined && number < bounds.min;
  const above = bounds.max !== undefined && number > bounds.max;
  if (!below && !above) return undefined;
  const expected = below ? `>= ${bounds.min}` : `<= ${bounds.max}`;
  return {
    rule: `${field}.range`,
    message: `Invalid '${field}': ${noun} ${below ? 'below minimum' : 'above maximum'} value. Expected a value ${expected}, but got ${number} instead.`,
    param: field,
    code: `${noun}_${below ? 'below_min' : 'above_max'}_value`,
  };
}

/** When present, `field` is one of `values`. */
export function oneOf(body: Json, field: string, values: readonly unknown[]): Rule | undefined {
  const value = body[field];
  if (value === undefined || values.includes(value)) return undefined;
  const supported = values.map((item) => `'${String(item)}'`).join(', ');
  return {
    rule: `${field}.enum`,
    message: `Invalid value for '${field}': '${String(value)}'. Supported values are: ${supported}.`,
    param: field,
    code: 'invalid_value',
  };
}

/** When present (and not null), `field` is a string of at most `max` characters. */
export function maxLength(body: Json, field: string, max: number): Rule | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const wrong = typed(body, field, ['string']);
  if (wrong) return wrong;
  const length = (value as string).length;
  if (length <= max) return undefined;
  return {
    rule: `${field}.max_length`,
    message: `Invalid '${field}': string too long. Expected a string with maximum length ${max}, but got a string with length ${length} instead.`,
    param: field,
    code: 'string_above_max_length',
  };
}

/** Each present field has the declared kinds (a compact way to type-check many optional fields). */
export function allTyped(body: Json, fields: Record<string, Kind[]>): Rule | undefined {
  for (const [field, kinds] of Object.entries(fields)) {
    const rule = typed(body, field, kinds);
    if (rule) return rule;
  }
  return undefined;
}

/** A rule about the request as a whole (not one field's type or range). */
export function broken(rule: string, message: string, param: string | null, code?: string): Rule {
  return code === undefined ? { rule, message, param } : { rule, message, param, code };
}

/** The body is a JSON object (servers parse it before anything else). */
export function jsonObject(body: unknown): Rule | undefined {
  if (isObject(body)) return undefined;
  return broken('body.json', 'The request body must be a JSON object.', null, 'invalid_json');
}
