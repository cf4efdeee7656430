/**
 * The two types every layer shares, written by hand (everything else in src/types is generated
 * from the schemas): a JSON object as a server sends it, and the `type` of a kind this client
 * does not know.
 */

/** A JSON object as received from a server, before or after normalization. */
export type WireObject = Record<string, unknown>;

declare const unknownBrand: unique symbol;

/**
 * A `type` this version of the client does not know. It is a string at runtime, typed as a
 * branded `String` so that it is not comparable to any literal: `if (x.type === 'known')` then
 * narrows to the known member alone. To test for a newer type, compare `String(x.type)`.
 */
// biome-ignore lint/complexity/noBannedTypes: the String object type is what keeps narrowing exact.
export type UnknownType = String & { readonly [unknownBrand]: true };
