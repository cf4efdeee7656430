/**
 * Building blocks shared by every schema family: the typed catch-all that lets unknown events,
 * items and tools pass through, and the small value types (metadata, statuses) many objects use.
 */
import * as z from 'zod/mini';

declare const unknownBrand: unique symbol;

/**
 * A `type` this version of the client does not know. It is a string at runtime, typed as a
 * branded `String` so that it is not comparable to any literal: `if (x.type === 'known')` then
 * narrows to the known member alone. To test for a newer type, compare `String(x.type)`.
 */
// biome-ignore lint/complexity/noBannedTypes: the String object type is what keeps narrowing exact.
export type UnknownType = String & { readonly [unknownBrand]: true };

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
    }, 'Expected a type this client does not already know'),
  });
}

/** Up to 16 string pairs attached to an object, for your own bookkeeping. */
export const MetadataSchema = z.record(z.string(), z.string());

/** Lifecycle status shared by most items. */
export const ItemStatusSchema = z.enum(['in_progress', 'completed', 'incomplete']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** A non-negative integer (token counts, indexes). */
export const count = () => z.int().check(z.gte(0));
