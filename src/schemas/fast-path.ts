/**
 * The stream's hot path. Most events are flat (strings, numbers, literals); for those a guard
 * derived from the zod schema's own shape checks the event with `typeof` alone, without copying
 * it. Anything the guard does not vouch for goes through the full zod parse, which also words
 * the error. The schemas stay the one source of truth: guards are read from them, not written.
 */
import type * as z from 'zod/mini';
import type { ResponseStreamEvent } from '../types/index.js';
import { typesOf } from './shared.js';
import { parseWire } from './validate.js';

type Guard = (value: unknown) => boolean;

/** What a flat field may be: its kind, and whether `undefined` / `null` are allowed too. */
interface Leaf {
  /** `array` stands for an empty array (what most events carry, like `logprobs: []`). */
  kind: 'string' | 'number' | 'boolean' | 'literal' | 'array';
  /** A literal's values (empty for other kinds). */
  values: ReadonlySet<unknown>;
  optional: boolean;
  nullable: boolean;
}

/** A leaf schema as a {@link Leaf}, or undefined when it is not simple enough to vouch for. */
function leafOf(schema: z.core.$ZodType, optional = false, nullable = false): Leaf | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    checks?: unknown[];
    values?: unknown[];
    innerType: z.core.$ZodType;
  };
  if (def.checks?.length) return undefined;
  switch (def.type) {
    case 'optional':
      return leafOf(def.innerType, true, nullable);
    case 'nullable':
      return leafOf(def.innerType, optional, true);
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'array':
      return { kind: def.type, values: new Set(def.values), optional, nullable };
    default:
      return undefined;
  }
}

/** Whether a present value (not undefined, not null) fits a leaf. */
const fits = (leaf: Leaf, value: unknown): boolean =>
  leaf.kind === 'literal'
    ? leaf.values.has(value)
    : leaf.kind === 'array'
      ? Array.isArray(value) && value.length === 0
      : // JSON has no NaN or Infinity, so for a parsed event `typeof` is z.number()'s whole test.
        typeof value === leaf.kind;

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
    // Anything but an object with a known `type` goes to the catch-all, which words the error.
    const type = (value as { type?: unknown } | null)?.type;
    const entry = byType.get(type as string);
    if (entry?.guard?.(value)) return value as ResponseStreamEvent;
    return parseWire(entry?.schema ?? unknown, value, what) as ResponseStreamEvent;
  };
}
