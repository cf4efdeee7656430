/**
 * The one redactor: every error built from what a server or the network said passes through it
 * before it reaches the caller. It knows every secret the client holds (see {@link secretsOf})
 * and replaces each wherever it stands as a whole token (a long one, wherever it appears: see
 * {@link distinctive}), so that a short key does not mangle the words that hold it. Loaded on the
 * error path only.
 */
import { entriesOf, type HeadersLike } from './headers.js';

/** What stands in for a secret wherever it would have appeared. */
export const redacted = '[redacted]';

/** Where a client's secrets come from: its options, and the dialect's rule for the key's headers. */
export interface SecretSources {
  /** The API key. */
  readonly apiKey: string | undefined;
  /** The base URL (its user and password, should it hold any). */
  readonly baseURL?: string | undefined;
  /** The header sets sent (the client's, the call's): those named like a secret count. */
  readonly headers?: readonly HeadersLike[] | undefined;
  /** The dialect's auth headers: every value they give for the key counts. */
  readonly auth?: ((apiKey: string) => Record<string, string>) | undefined;
}

/** Header names whose values are secrets, whoever set them. */
const secretHeader = /auth|key|token|secret|cookie|passw/i;
/** HTTP white space, which fetch strips from both ends of a header value. */
const trim = (value: string) => value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

/**
 * Every secret the client holds, as it may appear in text: the API key, each value of the
 * dialect's auth headers (its credentials, after a scheme like `Bearer`), the value of any
 * header named like a secret (`authorization`, `x-api-key`, `cookie`…), the user and password of
 * the base URL; each also URL-encoded and JSON-escaped.
 */
export function secretsOf(sources: SecretSources): string[] {
  const { apiKey, auth } = sources;
  const found: string[] = [];
  const add = (value: string | null | undefined) => {
    const secret = trim(value ?? '');
    if (secret) found.push(secret);
  };
  // `Bearer sk-…`, `Basic dXNlcjpwYXNz`: the credentials after the scheme are the secret.
  const addHeader = (value: string | null | undefined) =>
    add(/^[A-Za-z][\w.+-]*[\t ]+(\S+)$/.exec(trim(value ?? ''))?.[1] ?? value);
  add(apiKey);
  if (apiKey && auth) for (const value of Object.values(auth(apiKey))) addHeader(value);
  for (const set of sources.headers ?? [])
    for (const [name, value] of entriesOf(set)) if (secretHeader.test(name)) addHeader(value);
  try {
    const { username, password } = new URL(sources.baseURL ?? '');
    for (const part of [username, password]) {
      add(part);
      add(decodeURIComponent(part));
    }
  } catch {
    // Not an absolute URL (or not one that decodes): it holds no credentials to find.
  }
  const forms = found.flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  // Longest first, so that a secret that holds another goes whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** The characters a word (and a key) is made of: a short secret inside a longer word is not redacted. */
const wordChar = '[\\p{L}\\p{N}_-]';
const word = new RegExp(wordChar, 'u');
/** What may stand before a secret: the start, a non-word character, or an escape (`%20`, `\n`, `\u0022`). */
const before = `(^|[^\\p{L}\\p{N}_-]|%[0-9A-Fa-f]{2}|\\\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[bfnrtv0]))`;

/**
 * How long a secret must be to be redacted wherever it appears, even inside a longer word: every
 * real key is (OpenAI's `sk-proj-…`, OpenRouter's `sk-or-v1-…`, a 32-character Azure key), and
 * no ordinary word holds one. A shorter one (`test`, `k`) is redacted only as a whole token.
 */
const distinctive = 16;

/**
 * A pattern that finds `secret`: anywhere when it is {@link distinctive}; otherwise where it stands
 * as a whole token, not preceded or followed by a letter, digit, `_` or `-` (so the key `test` is
 * found in `Bearer test`, `key=test` and `"test"`, not in `latest` or `test_case`, and `k` not in
 * `req_fake_1`). An escape just before it (`%20test`, `\ntest`) is a boundary too: that is how a
 * key echoed in an encoded header or a JSON string reads.
 */
function tokenPattern(secret: string): RegExp {
  const body = secret.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const whole = secret.length < distinctive;
  const lead = whole && word.test(secret[0] ?? '') ? before : '()';
  const trail = whole && word.test(secret.at(-1) ?? '') ? `(?!${wordChar})` : '';
  return new RegExp(`${lead}${body}${trail}`, 'gu');
}

/** A text with every secret replaced by {@link redacted}. */
export type Redact = (text: string) => string;

/** The text function for these secrets (built once per error, not once per string). */
export function textRedactor(secrets: readonly string[]): Redact {
  const patterns = secrets.map(tokenPattern);
  return (text) =>
    patterns.reduce((clean, pattern) => clean.replace(pattern, `$1${redacted}`), text);
}

/** How deep a value is scrubbed; past this, nothing can be vouched for and it is replaced whole. */
const maxDepth = 32;

/**
 * The excerpt V8 quotes in a `JSON.parse` error (`Unexpected token 'B', ..."{"delta": Bearer
 * sk-"... is not valid JSON`): cut anywhere, it may hold the start of a key, which no pattern
 * finds; it goes.
 */
const parserExcerpt = /, (?:\.\.\.)?"[^\n]*"(?:\.\.\.)? is not valid JSON/g;

/** An error's words (message, stack) with every secret, and any parser excerpt, taken out. */
const errorText = (text: string, redact: Redact) =>
  redact(text).replace(parserExcerpt, ' (the excerpt left out)');

/**
 * `value` with every secret redacted, through strings, arrays, plain objects (their keys too),
 * `Headers` and errors (name, message, stack, cause and own fields, the class kept), cycles
 * included. What holds no secret is returned as it is (the same object); what does is copied,
 * never changed.
 */
export function redactValue<T>(value: T, redact: Redact): T {
  return scrub(value, redact, 0, new Map()) as T;
}

/** Whether `value` holds a secret (or something too deep to vouch for): only then is it copied. */
function holdsSecret(value: unknown, redact: Redact, depth: number, seen: Set<object>): boolean {
  if (typeof value === 'string') return redact(value) !== value;
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  if (depth > maxDepth) return true;
  seen.add(value);
  if (value instanceof Headers) return [...value.values()].some((text) => redact(text) !== text);
  const texts =
    value instanceof Error
      ? [value.name, value.message, value.stack].filter((text) => typeof text === 'string')
      : Object.keys(value);
  if (value instanceof Error && texts.some((text) => errorText(text, redact) !== text)) return true;
  if (!(value instanceof Error) && texts.some((key) => redact(key) !== key)) return true;
  const fields =
    value instanceof Error
      ? Object.getOwnPropertyNames(value).map((key) => Object.getOwnPropertyDescriptor(value, key))
      : Object.values(value).map((item) => ({ value: item }));
  return fields.some((field) => holdsSecret(field?.value, redact, depth + 1, seen));
}

function scrub(value: unknown, redact: Redact, depth: number, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (!holdsSecret(value, redact, depth, new Set())) return value;
  if (depth > maxDepth) return redacted;
  if (value instanceof Headers) {
    const clean = new Headers();
    for (const [name, headerValue] of value) clean.append(name, redact(headerValue));
    return clean;
  }
  if (value instanceof Error) {
    // The same class (`instanceof TypeError` still holds), the words and fields scrubbed.
    const clean = Object.create(Object.getPrototypeOf(value)) as Error;
    seen.set(value, clean);
    const words = { name: value.name, message: String(value.message), stack: value.stack };
    for (const [key, text] of Object.entries(words))
      if (text !== undefined)
        Object.defineProperty(clean, key, {
          value: errorText(text, redact),
          writable: true,
          configurable: true,
        });
    copyFields(value, clean, redact, depth, seen);
    return clean;
  }
  if (Array.isArray(value)) {
    const clean: unknown[] = [];
    seen.set(value, clean);
    for (const item of value) clean.push(scrub(item, redact, depth + 1, seen));
    return clean;
  }
  const clean: Record<string, unknown> = {};
  seen.set(value, clean);
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(clean, redact(key), {
      value: scrub(item, redact, depth + 1, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return clean;
}

/** Copies an error's own fields (`cause`, `code`, `errors`…) but its name, message and stack, scrubbed. */
function copyFields(
  from: Error,
  to: object,
  redact: Redact,
  depth: number,
  seen: Map<object, unknown>,
): void {
  for (const key of Object.getOwnPropertyNames(from)) {
    if (key === 'message' || key === 'stack' || key === 'name') continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key);
    if (!descriptor || !('value' in descriptor)) continue;
    Object.defineProperty(to, key, {
      ...descriptor,
      value: scrub(descriptor.value, redact, depth + 1, seen),
    });
  }
}

/** Errors already redacted: a second pass (a stream's error, seen again by a conversation) skips them. */
const done = new WeakSet<object>();

/**
 * Redacts an error in place, so that it keeps its class and identity: its message, stack and
 * every own field (`cause`, `event`, `received`, `error`, `headers`, `code`…) lose every secret,
 * in every form the error prints in (`toString()`, `stack`, `JSON.stringify`, `util.inspect`).
 * Returns the error.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  if (!(error instanceof Error) || done.has(error) || secrets.length === 0) return error;
  done.add(error);
  const redact = textRedactor(secrets);
  const seen = new Map<object, unknown>([[error, error]]);
  const fields = error as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor) continue;
    // `stack` is an accessor in some engines: read and written through it.
    const value = descriptor.get ? fields[key] : descriptor.value;
    const clean =
      (key === 'message' || key === 'stack') && typeof value === 'string'
        ? errorText(value, redact)
        : scrub(value, redact, 0, seen);
    if (clean === value) continue;
    if (descriptor.set) fields[key] = clean;
    else if (descriptor.writable || descriptor.configurable)
      Object.defineProperty(error, key, { ...descriptor, value: clean });
  }
  return error;
}

/**
 * `value` with the API key redacted (the whole-token rule, in its every form): for the modules
 * that hold only the key, not the client's other secrets (the WebSocket transport sends the key
 * alone, in the upgrade's `Authorization` header).
 */
export function redactSecret<T>(value: T, apiKey: string | undefined): T {
  const secrets = secretsOf({ apiKey });
  return secrets.length === 0 ? value : redactValue(value, textRedactor(secrets));
}
