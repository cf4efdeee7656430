/**
 * The stream's hot path. Most events are flat (strings, numbers, literals); for those a guard
 * derived from the zod schema's own shape checks the event with `typeof` alone, without copying
 * it. Anything the guard does not vouch for goes through the full zod parse, which also words
 * the error. The schemas stay the one source of truth: guards are read from them, not written.
 */
import type * as z from 'zod/mini';
import { ResponseValidationError } from '../errors.js';
import type { ResponseStreamEvent } from './events.js';
import { typesOf } from './shared.js';
import { parseWire } from './validate.js';

type Guard = (value: unknown) => boolean;

/** A guard for a leaf schema, or undefined when the leaf is not simple enough to vouch for. */
function leafGuard(schema: z.core.$ZodType): Guard | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    checks?: unknown[];
    values?: unknown[];
    innerType?: z.core.$ZodType;
  };
  if (def.checks?.length) return undefined;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = new Set(def.values);
      return (v) => values.has(v);
    }
    case 'array':
      return (v) => Array.isArray(v) && v.length === 0;
    case 'optional':
    case 'nullable': {
      const inner = def.innerType && leafGuard(def.innerType);
      const empty = def.type === 'optional' ? undefined : null;
      return inner && ((v) => v === empty || inner(v));
    }
    default:
      return undefined;
  }
}

/** A guard for a loose object whose every field has a leaf guard; else undefined. */
export function flatGuard(schema: z.core.$ZodType): Guard | undefined {
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
  if (!shape) return undefined;
  const fields: [string, Guard][] = [];
  for (const [key, field] of Object.entries(shape)) {
    const guard = leafGuard(field);
    if (!guard) return undefined;
    fields.push([key, guard]);
  }
  return (value) => {
    const record = value as Record<string, unknown>;
    for (const [key, guard] of fields) if (!guard(record[key])) return false;
    return true;
  };
}

/** What validates one stream event and returns it typed; throws `ResponseValidationError`. */
export type StreamEventParser = (value: unknown, what?: string) => ResponseStreamEvent;

/**
 * A stream event parser over the known event schemas and the catch-all for unknown types. The
 * event's `type` picks its schema (one map lookup); a flat event is then checked by its derived
 * guard, without a copy, and anything the guard does not vouch for by its schema, which also
 * words the error.
 */
export function streamEventParser(
  known: readonly z.core.$ZodType[],
  unknown: z.core.$ZodType,
): StreamEventParser {
  let byType: Map<string, { schema: z.core.$ZodType; guard: Guard | undefined }> | undefined;
  return (value, what = 'stream event') => {
    byType ??= new Map(
      known.flatMap((schema) => {
        const entry = { schema, guard: flatGuard(schema) };
        return typesOf([schema]).map((type) => [type, entry] as const);
      }),
    );
    const type =
      typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') {
      throw new ResponseValidationError(
        what,
        [{ path: ['type'], message: 'Expected the event type, a string' }],
        value,
      );
    }
    const entry = byType.get(type);
    if (entry?.guard?.(value)) return value as ResponseStreamEvent;
    return parseWire(entry?.schema ?? unknown, value, what) as ResponseStreamEvent;
  };
}
