/**
 * The stream's hot path. Most events are flat (strings, numbers, literals); for those a guard
 * derived from the zod schema's own shape checks the event with `typeof` alone, without copying
 * it. Anything the guard does not vouch for goes through the full zod parse, which also words
 * the error. The schemas stay the one source of truth: guards are read from them, not written.
 */
import type * as z from 'zod/mini';
import { ResponseValidationError } from '../errors.js';
import type { ResponseStreamEvent } from '../types/index.js';
import { typesOf } from './shared.js';
import { parseWire } from './validate.js';

type Guard = (value: unknown) => boolean;

/** What a flat field may be: its kind, and whether `undefined` / `null` are allowed too. */
interface Leaf {
  kind: 'string' | 'number' | 'boolean' | 'literal' | 'emptyArray';
  values?: ReadonlySet<unknown>;
  optional: boolean;
  nullable: boolean;
}

/** A leaf schema as a {@link Leaf}, or undefined when it is not simple enough to vouch for. */
function leafOf(schema: z.core.$ZodType, optional = false, nullable = false): Leaf | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    checks?: unknown[];
    values?: unknown[];
    innerType?: z.core.$ZodType;
  };
  if (def.checks?.length) return undefined;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: def.type, optional, nullable };
    case 'literal':
      return { kind: 'literal', values: new Set(def.values), optional, nullable };
    case 'array':
      return { kind: 'emptyArray', optional, nullable };
    case 'optional':
      return def.innerType && leafOf(def.innerType, true, nullable);
    case 'nullable':
      return def.innerType && leafOf(def.innerType, optional, true);
    default:
      return undefined;
  }
}

/** Whether a present value (not undefined, not null) fits a leaf. */
function fits(leaf: Leaf, value: unknown): boolean {
  switch (leaf.kind) {
    case 'literal':
      return leaf.values?.has(value) === true;
    case 'emptyArray':
      return Array.isArray(value) && value.length === 0;
    default:
      // JSON has no NaN or Infinity, so for a parsed event `typeof` is z.number()'s whole test.
      return typeof value === leaf.kind;
  }
}

/**
 * A guard for a loose object whose every field is a flat leaf; else undefined. One loop over
 * plain data, no closure per field: this runs once per streamed event.
 */
export function flatGuard(schema: z.core.$ZodType): Guard | undefined {
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
  if (!shape) return undefined;
  const keys: string[] = [];
  const leaves: Leaf[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const leaf = leafOf(field);
    if (!leaf) return undefined;
    keys.push(key);
    leaves.push(leaf);
  }
  return (value) => {
    const record = value as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const leaf = leaves[i] as Leaf;
      const field = record[keys[i] as string];
      if (
        field === undefined ? !leaf.optional : field === null ? !leaf.nullable : !fits(leaf, field)
      ) {
        return false;
      }
    }
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
