/**
 * The stream's hot path. Most events are flat (strings, numbers, literals); for those a guard
 * derived from the zod schema's own shape checks the event with `typeof` alone, without copying
 * it. Anything the guard does not vouch for goes through the full zod parse, which also words
 * the error. The schemas stay the one source of truth: guards are read from them, not written.
 */
import type * as z from 'zod/mini';
import {
  knownEventSchemas,
  type ResponseStreamEvent,
  ResponseStreamEventSchema,
} from './events.js';
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

let guards: Map<string, Guard> | undefined;
function guardsByType(): Map<string, Guard> {
  guards ??= new Map(
    knownEventSchemas.flatMap((schema) => {
      const guard = flatGuard(schema);
      return guard ? typesOf([schema]).map((type) => [type, guard] as const) : [];
    }),
  );
  return guards;
}

/**
 * Validates one stream event: flat known events by their derived guard, the rest by
 * {@link ResponseStreamEventSchema}. Throws `ResponseValidationError` with the path.
 */
export function parseStreamEvent(value: unknown, what = 'stream event'): ResponseStreamEvent {
  if (typeof value === 'object' && value !== null) {
    const guard = guardsByType().get((value as { type?: unknown }).type as string);
    if (guard?.(value)) return value as ResponseStreamEvent;
  }
  return parseWire(ResponseStreamEventSchema, value, what);
}
