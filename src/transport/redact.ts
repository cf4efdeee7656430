/** What stands in for a secret wherever it would have appeared. */
export const redacted = '[redacted]';

/**
 * Returns a copy of `value` with every occurrence of `secret` replaced, through strings, arrays,
 * plain objects, `Headers` and `Error`s (message, stack, cause). Used on everything an error is
 * built from, so that no error can carry the API key, whatever the server or the network echoed.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  return scrub(value, secret, 0) as T;
}

function scrub(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return value.split(secret).join(redacted);
  if (typeof value !== 'object' || value === null) return value;
  // Deeper than any error body needs, or a cycle: nothing past here can be vouched for.
  if (depth > 16) return redacted;
  if (value instanceof Headers) {
    const clean = new Headers();
    for (const [name, headerValue] of value)
      clean.append(name, scrub(headerValue, secret, depth) as string);
    return clean;
  }
  if (value instanceof Error) {
    const error = value as Error & { cause?: unknown };
    const clean = new Error(scrub(error.message, secret, depth) as string);
    clean.name = error.name;
    if (error.stack !== undefined) clean.stack = scrub(error.stack, secret, depth) as string;
    if ('cause' in error)
      (clean as { cause?: unknown }).cause = scrub(error.cause, secret, depth + 1);
    return clean;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(clean, scrub(key, secret, depth) as string, {
      value: scrub(item, secret, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return clean;
}
