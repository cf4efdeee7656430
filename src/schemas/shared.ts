/**
 * Building blocks shared by every schema family: the typed catch-all that lets unknown events,
 * items and tools pass through, and the small value types (metadata, statuses) many objects use.
 */
import * as z from 'zod/mini';
import { isObject } from '../json.js';
import type { UnknownType } from '../types/wire.js';
import type { ResponseCreateParams } from './create-params.js';

/*
 * Checks written with z.refine / z.custom rather than z.int, z.gte, z.maxLength or z.record:
 * each of those pulls its own machinery into the bundle (about 0.4 KB gzip apiece, measured in
 * bench/size.ts), where a refine costs a closure. The rules and the types are the same.
 */

/** An integer. */
export const int = () =>
  z.number().check(z.refine<number>(Number.isInteger, 'expected an integer'));
/** A number from `min` to `max`, both included. */
export const between = (min: number, max: number) =>
  z.refine<number>((n) => n >= min && n <= max, `expected a number from ${min} to ${max}`);
/** A number of at least `min`. */
export const atLeast = (min: number) =>
  z.refine<number>((n) => n >= min, `expected a number >= ${min}`);
/** A number of at most `max`. */
export const atMost = (max: number) =>
  z.refine<number>((n) => n <= max, `expected a number <= ${max}`);
/** A string of at most `max` characters, or a list of at most `max` items. */
export const maxLength = (max: number) =>
  z.refine<{ length: number }>((s) => s.length <= max, `expected a length of at most ${max}`);
/** A string of at least `min` characters, or a list of at least `min` items. */
export const minLength = (min: number) =>
  z.refine<{ length: number }>((s) => s.length >= min, `expected a length of at least ${min}`);
/** A field that may be left out or `null` (a spec's `type: [x, 'null']`). */
export const nullish = <T extends z.core.$ZodType>(schema: T) => z.optional(z.nullable(schema));

/** Any JSON object, not null and not an array (a JSON Schema, arguments, settings). */
export const jsonObject = () =>
  z.custom<Record<string, unknown>>(isObject, 'expected a JSON object');
/** An object whose values are all strings (metadata, headers, environment variables). */
export const stringRecord = () =>
  z.custom<Record<string, string>>(
    (value) => isObject(value) && Object.values(value).every((v) => typeof v === 'string'),
    'expected an object of strings',
  );

/** A `type` this version of the client does not know (declared with the public types). */
export type { UnknownType };

/** The values of the literal `type` field of each option, read from the schemas themselves. */
export function typesOf(options: readonly z.core.$ZodType[]): string[] {
  return options.flatMap((option) => [...(option._zod.propValues?.type ?? [])].map(String));
}

/**
 * A loose object whose `type` is any string not in `known`: the last member of an open union.
 * `known` is read lazily so the list can come from the union it closes.
 */
export function catchAll(known: () => readonly string[]) {
  let set: ReadonlySet<string> | undefined;
  return z.looseObject({
    /** A type this client does not know yet; every other field is kept as sent. */
    type: z.custom<UnknownType>((value) => {
      set ??= new Set(known());
      return typeof value === 'string' && !set.has(value);
    }, 'expected a string'),
  });
}

/** Up to 16 string pairs attached to an object, for your own bookkeeping. */
export const MetadataSchema = stringRecord();

/**
 * Where an item stands: `in_progress` while streamed, then `completed`, or `incomplete` when the
 * response stopped early. Many servers leave it out.
 */
export const ItemStatusSchema = z.literal(['in_progress', 'completed', 'incomplete']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** A non-negative integer (token counts, indexes). */
export const count = () => int().check(atLeast(0));

/**
 * `Base` without the keys `Keys`. (`Omit` cannot be used on the loose objects' types: their
 * `[key: string]` index signature makes `Omit` drop every named field.)
 */
export type Without<Base, Keys extends PropertyKey> = {
  [K in keyof Base as K extends Keys ? never : K]: Base[K];
};

/** A dialect's create params: the canonical fields, with the server's own (a loose object schema) in place of any it redefines. */
export type DialectCreateParams<Own extends { shape: object }> = Without<
  ResponseCreateParams,
  keyof Own['shape']
> &
  z.input<Own & z.core.$ZodType>;
