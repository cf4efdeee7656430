/**
 * The stream's hot path. Most events are flat (strings, numbers, literals); for those a guard
 * derived from the zod schema's own shape checks the event with `typeof` alone, without copying
 * it. Anything the guard does not vouch for goes through the full zod parse, which also words
 * the error. The schemas stay the one source of truth: guards are read from them, not written.
 */
import type * as z from 'zod/mini';
import { config } from 'zod/mini';
import type { ResponseStreamEvent } from '../types/index.js';
import { typesOf } from './shared.js';
import { parseWire } from './validate.js';

type Guard = (value: unknown) => boolean;

/** The kinds of flat fields; `array` stands for an empty array (what most events carry, like `logprobs: []`). */
const flat = new Set(['string', 'number', 'boolean', 'literal', 'array']);

/** A flat field: its name, kind, a literal's values, and whether `undefined` / `null` are allowed too. */
interface Leaf {
  key: string;
  kind: string;
  values: ReadonlySet<unknown>;
  optional: boolean;
  nullable: boolean;
}

/** A leaf schema as a {@link Leaf}, or undefined when it is not simple enough to vouch for. */
function leafOf(
  key: string,
  schema: z.core.$ZodType,
  optional = false,
  nullable = false,
): Leaf | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    checks?: unknown[];
    values?: unknown[];
    innerType: z.core.$ZodType;
  };
  if (def.checks?.length) return undefined;
  if (def.type === 'optional') return leafOf(key, def.innerType, true, nullable);
  if (def.type === 'nullable') return leafOf(key, def.innerType, optional, true);
  if (!flat.has(def.type)) return undefined;
  return { key, kind: def.type, values: new Set(def.values), optional, nullable };
}

/**
 * A guard for a loose object whose every field is a flat leaf; else undefined: this runs once
 * per streamed event. Fields named in `known` are not checked (the stream's parser leaves out
 * the `type` that chose the schema). `compiled`: as code of its own where that is allowed, else
 * as a loop.
 */
export function flatGuard(
  schema: z.core.$ZodType,
  known: readonly string[] = [],
  compiled = compiles(),
): Guard | undefined {
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
  if (!shape) return undefined;
  const leaves: Leaf[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const leaf = leafOf(key, field);
    if (!leaf) return undefined;
    if (!known.includes(key)) leaves.push(leaf);
  }
  return compiled ? compiledGuard(leaves) : loopGuard(leaves);
}

let canCompile: boolean | undefined;

/**
 * Whether code may be compiled here, asked once, as zod asks it: not when zod is told not to
 * (`z.config({ jitless: true })`, for a strict CSP), nor in workerd, nor where `new Function`
 * throws (a CSP without 'unsafe-eval').
 */
function compiles(): boolean {
  if (canCompile !== undefined) return canCompile;
  canCompile = false;
  if (config().jitless) return false;
  if (globalThis.navigator?.userAgent?.includes('Cloudflare')) return false;
  try {
    new Function('');
    canCompile = true;
  } catch {
    // Compiling is forbidden here: the loop it is.
  }
  return canCompile;
}

/**
 * The guard as code of its own, where zod compiles its object parsers too (see `compiles`): each field is read by name, a load V8 caches for the
 * event's shape, where the loop reads every name at one site (~2.5× slower on a delta). The
 * names and kinds come from the package's own schemas, never from a server.
 */
function compiledGuard(leaves: readonly Leaf[]): Guard {
  const lines = leaves.map((leaf, i) => {
    const fits = [
      leaf.kind === 'literal'
        ? `values[${i}].has(f)`
        : leaf.kind === 'array'
          ? 'Array.isArray(f) && f.length === 0'
          : `typeof f === ${JSON.stringify(leaf.kind)}`,
    ];
    if (leaf.optional) fits.push('f === undefined');
    if (leaf.nullable) fits.push('f === null');
    return `f = r[${JSON.stringify(leaf.key)}]; if (!(${fits.join(' || ')})) return false;`;
  });
  const make = new Function('values', `return (r) => { let f; ${lines.join('\n')} return true; };`);
  return make(leaves.map((leaf) => leaf.values)) as Guard;
}

/** The guard as one loop over the fields, where code cannot be compiled. */
function loopGuard(leaves: readonly Leaf[]): Guard {
  return (value) => {
    const record = value as Record<string, unknown>;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i] as Leaf;
      const field = record[leaf.key];
      if (field === undefined) {
        if (leaf.optional) continue;
        return false;
      }
      if (field === null) {
        if (leaf.nullable) continue;
        return false;
      }
      switch (leaf.kind) {
        case 'literal':
          if (!leaf.values.has(field)) return false;
          break;
        case 'array':
          if (!Array.isArray(field) || field.length !== 0) return false;
          break;
        default:
          // JSON has no NaN or Infinity: for a parsed event, `typeof` is z.number()'s whole test.
          if (typeof field !== leaf.kind) return false;
      }
    }
    return true;
  };
}

/**
 * Validates one stream event and returns it typed; throws `ResponseValidationError`, whose
 * message names the event's type (`stream event "response.output_text.delta"`) unless `what`
 * says otherwise.
 */
export type StreamEventParser = (value: unknown, what?: string) => ResponseStreamEvent;

interface Entry {
  schema: z.core.$ZodType;
  guard: Guard | undefined;
}

/** What a failed check calls an event: its type when it has one. */
const labelOf = (type: unknown) =>
  typeof type === 'string' ? `stream event ${JSON.stringify(type)}` : 'stream event';

/**
 * A stream event parser over the known event schemas and the catch-all for unknown types, which
 * `schemas` gives on the first event (so that nothing is built at import). The event's `type`
 * picks its schema (one map lookup, skipped while the same type comes again, as
 * deltas do); a flat event is then checked by its derived guard, without a copy, and anything
 * the guard does not vouch for by its schema, which also words the error.
 */
export function streamEventParser(
  schemas: () => { known: readonly z.core.$ZodType[]; unknown: z.core.$ZodType },
): StreamEventParser {
  let byType: Map<string, Entry> | undefined;
  let unknown: z.core.$ZodType | undefined;
  let lastType: unknown;
  let lastEntry: Entry | undefined;
  return (value, what) => {
    if (!byType) {
      const given = schemas();
      unknown = given.unknown;
      byType = new Map(
        given.known.flatMap((schema) => {
          const entry = { schema, guard: flatGuard(schema, ['type']) };
          return typesOf([schema]).map((type) => [type, entry] as const);
        }),
      );
    }
    // Anything but an object with a known `type` goes to the catch-all, which words the error.
    const type = (value as { type?: unknown } | null)?.type;
    if (type !== lastType || typeof type !== 'string') {
      lastType = type;
      lastEntry = byType.get(type as string);
    }
    const entry = lastEntry;
    if (entry?.guard?.(value)) return value as ResponseStreamEvent;
    const schema = entry?.schema ?? (unknown as z.core.$ZodType);
    return parseWire(schema, value, what ?? labelOf(type)) as ResponseStreamEvent;
  };
}
