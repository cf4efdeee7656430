/**
 * What the recorder removes from a cassette: the values of the secret headers, and every one of
 * those values (and any other secret it is told) wherever else it appears: in URLs, bodies,
 * chunks of streams (across their boundaries) and error messages. Each string is scrubbed by the
 * client's own redactor (`redactSecret`, which errors use), so that both write the same marker.
 */
import { redacted, redactSecret } from '../transport/redact.js';

/** The headers whose values are secrets, whatever the server: their values never reach a cassette. */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
];

/**
 * Secrets shorter than this are redacted in their headers only: replacing every `k` of a
 * recording because a test's key was `k` would wreck it, and such a value is no real secret.
 */
const SHORTEST_SECRET = 4;

/** What to remove: the secret headers (lower-case) and the secrets to scrub everywhere. */
export interface Redaction {
  readonly headers: ReadonlySet<string>;
  /** Longest first, so that a secret containing another is replaced whole. */
  readonly secrets: readonly string[];
}

/**
 * The redaction of a recording: the secret headers (these and `extraHeaders`), and as secrets
 * every value they had in any of `headerSets` (for `authorization: Bearer <token>`, the token
 * too; for cookies, each cookie's value), with `extraSecrets` besides.
 */
export function redactionOf(
  headerSets: readonly (readonly (readonly [string, string])[])[],
  extraHeaders: readonly string[] = [],
  extraSecrets: readonly string[] = [],
): Redaction {
  const names = new Set([...SECRET_HEADERS, ...extraHeaders.map((name) => name.toLowerCase())]);
  const found = new Set<string>(extraSecrets);
  for (const set of headerSets)
    for (const [name, value] of set) {
      const lower = name.toLowerCase();
      if (!names.has(lower)) continue;
      found.add(value.trim());
      // `Bearer <token>`, `Basic <credentials>`: the credentials alone may be echoed elsewhere.
      const credentials = /^\S+\s+(\S+)$/.exec(value.trim())?.[1];
      if (credentials) found.add(credentials);
      if (lower === 'cookie' || lower === 'set-cookie')
        for (const pair of value.split(/[;,]/)) {
          const cookie = pair.slice(pair.indexOf('=') + 1).trim();
          if (pair.includes('=')) found.add(cookie);
        }
    }
  const secrets = [...found]
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .filter((secret, at, all) => secret.length >= SHORTEST_SECRET && all.indexOf(secret) === at)
    .sort((a, b) => b.length - a.length);
  return { headers: names, secrets };
}

/** `text` with every secret replaced by `[redacted]`. */
export function scrub(text: string, redaction: Redaction): string {
  return redaction.secrets.reduce((clean, secret) => redactSecret(clean, secret), text);
}

/** A JSON value with every string (keys included) scrubbed. */
export function scrubJson(value: unknown, redaction: Redaction): unknown {
  if (typeof value === 'string') return scrub(value, redaction);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, redaction));
  if (typeof value !== 'object' || value === null) return value;
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(clean, scrub(key, redaction), {
      value: scrubJson(item, redaction),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return clean;
}

/**
 * Headers as a cassette keeps them: names lower-case, secret ones `[redacted]`, the others
 * scrubbed, repeated ones joined with `, `; `leaveOut` names headers not kept at all.
 */
export function redactHeaders(
  headers: readonly (readonly [string, string])[],
  redaction: Redaction,
  leaveOut: readonly string[] = [],
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (leaveOut.includes(lower)) continue;
    const clean = redaction.headers.has(lower) ? redacted : scrub(value, redaction);
    kept[lower] = kept[lower] === undefined ? clean : `${kept[lower]}, ${clean}`;
  }
  return kept;
}

const encoder = new TextEncoder();

/** Where `needle` occurs in `haystack`, from `from` on; -1 when nowhere. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let at = haystack.indexOf(first ?? 0, from); at >= 0; ) {
    if (at + needle.length > haystack.length) return -1;
    for (let i = 1; i < needle.length; i++)
      if (haystack[at + i] !== needle[i]) {
        at = haystack.indexOf(first ?? 0, at + 1);
        continue outer;
      }
    return at;
  }
  return -1;
}

/** A chunk of a body as recorded: its bytes, and when it arrived. */
export interface TimedChunk {
  bytes: Uint8Array;
  ms: number;
}

/**
 * The chunks of a body with every secret replaced, found in their bytes joined (so a secret
 * split between two chunks is found too), cut again where they were cut: a cut inside a secret
 * moves to the end of its marker, and a chunk left empty goes.
 */
export function scrubChunks(chunks: readonly TimedChunk[], redaction: Redaction): TimedChunk[] {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0));
  const cuts: number[] = [];
  for (const { bytes } of chunks) {
    whole.set(bytes, cuts.at(-1) ?? 0);
    cuts.push((cuts.at(-1) ?? 0) + bytes.length);
  }
  // Every occurrence of a secret, longest secrets first; an overlapping later one is skipped.
  const found: [start: number, end: number][] = [];
  for (const secret of redaction.secrets) {
    const needle = encoder.encode(secret);
    for (let at = indexOf(whole, needle, 0); at >= 0; at = indexOf(whole, needle, at + 1)) {
      const end = at + needle.length;
      if (!found.some(([s, e]) => at < e && end > s)) found.push([at, end]);
    }
  }
  if (found.length === 0) return [...chunks];
  found.sort(([a], [b]) => a - b);
  const marker = encoder.encode(redacted);
  const growth = found.reduce((sum, [start, end]) => sum + marker.length - (end - start), 0);
  const bytes = new Uint8Array(whole.length + growth);
  let from = 0;
  let to = 0;
  for (const [start, end] of found) {
    bytes.set(whole.subarray(from, start), to);
    to += start - from;
    bytes.set(marker, to);
    to += marker.length;
    from = end;
  }
  bytes.set(whole.subarray(from), to);
  /** Where a cut of the original bytes falls in the scrubbed ones. */
  const moved = (cut: number) => {
    let shift = 0;
    for (const [start, end] of found) {
      if (cut <= start) break;
      if (cut < end) return start + shift + marker.length;
      shift += marker.length - (end - start);
    }
    return cut + shift;
  };
  const pieces: TimedChunk[] = [];
  let previous = 0;
  cuts.forEach((cut, at) => {
    const next = moved(cut);
    if (next > previous)
      pieces.push({ bytes: bytes.subarray(previous, next), ms: chunks[at]?.ms ?? 0 });
    previous = Math.max(previous, next);
  });
  return pieces;
}
