/** Headers as users give them: a `null` or `undefined` value removes a header set by the client. */
export type HeadersLike =
  | Headers
  | readonly (readonly [string, string])[]
  | Record<string, string | null | undefined>;

/** The entries of a header set, whatever its form. */
export function entriesOf(
  headers: HeadersLike,
): Iterable<readonly [string, string | null | undefined]> {
  if (headers instanceof Headers) return headers.entries();
  if (Array.isArray(headers)) return headers as readonly (readonly [string, string])[];
  return Object.entries(headers);
}

/**
 * Merges header sets left to right into one `Headers`: later sets win, names are case-insensitive,
 * and a `null` or `undefined` value removes what an earlier set put there.
 */
export function mergeHeaders(...sets: readonly HeadersLike[]): Headers {
  const merged = new Headers();
  for (const set of sets) {
    for (const [name, value] of entriesOf(set)) {
      if (value === null || value === undefined) merged.delete(name);
      else merged.set(name, value);
    }
  }
  return merged;
}
