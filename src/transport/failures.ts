/**
 * Why a request failed, in words, loaded only when one does, so that create + stream + iterate
 * does not bundle them: what fetch would refuse, said before anything is sent (a header no HTTP
 * message can carry, a URL with credentials or that is no http(s) URL, no fetch at all); a fetch
 * that gave no response (the words of its whole cause chain); an answer that is not what was
 * asked for (a body that broke off, one that is not JSON, a stream answered with something
 * else). No message quotes a header's value.
 */
import {
  APIConnectionError,
  RequestValidationError,
  ResponsesError,
  ResponseValidationError,
  StreamError,
  type ValidationIssue,
} from '../errors.js';
import { entriesOf, type HeadersLike } from './headers.js';
import { snippet } from './snippet.js';

/** An HTTP token: what a header name is made of. */
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const httpWhiteSpace = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Why fetch would refuse this header, or `undefined` when it would not. */
function headerIssue(name: string, value: string): string | undefined {
  if (!token.test(name)) return `${JSON.stringify(name)} is not a valid header name`;
  // fetch strips white space at both ends (a key read from a file with its newline still works).
  const inner = value.replace(httpWhiteSpace, '');
  if (/[\0\r\n]/.test(inner))
    return 'its value holds a line break (CR or LF) or NUL, which no HTTP header can carry';
  if (/[^\0-\xff]/.test(inner))
    return 'its value holds a character beyond Latin-1 (a typographic quote?), which an HTTP header cannot carry';
  try {
    new Headers().set(name, value);
    return undefined;
  } catch {
    return 'fetch refuses its value';
  }
}

/**
 * The {@link RequestValidationError} for header sets that `new Headers()` refused: each bad header
 * named, as the option it came from: `apiKey` for the dialect's auth headers (`auth`), `headers`
 * for the others (the request's, the client's, the call's).
 */
export function headersError(
  auth: Record<string, string>,
  others: readonly HeadersLike[],
): RequestValidationError {
  const issues: ValidationIssue[] = [];
  for (const [option, set] of [
    ['apiKey', auth] as const,
    ...others.map((set) => ['headers', set] as const),
  ]) {
    for (const [name, value] of entriesOf(set)) {
      if (value === null || value === undefined) continue;
      const problem = headerIssue(name, value);
      if (problem)
        issues.push({
          path: option === 'apiKey' ? ['apiKey'] : [option, name],
          message: option === 'apiKey' ? `sent in the ${name} header: ${problem}` : problem,
        });
    }
  }
  if (issues.length === 0) issues.push({ path: ['headers'], message: 'fetch refuses them' });
  return new RequestValidationError(issues, 'request headers');
}

/** Where a relative base URL is resolved: the page or worker's address, when there is one. */
function here(): string | undefined {
  try {
    return (globalThis as { location?: { href?: unknown } }).location?.href as string | undefined;
  } catch {
    // Deno without --location throws on `location`.
    return undefined;
  }
}

/**
 * Checks the URL a request goes to: a URL (relative only where there is a page to resolve it
 * against), http or https, with no user or password in it. Throws {@link RequestValidationError}
 * naming the part of `baseURL` at fault, never quoting a credential.
 */
export function checkURL(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url, here());
  } catch {
    throw refuse(
      /^[a-z][a-z\d+.-]*:/i.test(url)
        ? 'is not a valid URL'
        : 'is not an absolute URL (http://… or https://…)',
    );
  }
  if (parsed.username || parsed.password)
    throw refuse(
      'holds credentials (user:password@): send the key as apiKey, or in headers, never in the URL, where logs and errors would show it',
    );
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw refuse(`uses ${parsed.protocol}, not http: or https:`);
}

const refuse = (message: string) =>
  new RequestValidationError([{ path: ['baseURL'], message }], 'request URL');

/**
 * The words of an error and of the errors behind it: undici says `fetch failed`, then why in
 * its causes (`connect ECONNREFUSED 127.0.0.1:8080`; behind a proxy that wants credentials,
 * `Request was cancelled.`, then `Proxy response (407) !== 200 when HTTP Tunneling` with the code
 * `UND_ERR_ABORTED`). Empty messages are skipped; a code no message names is added.
 */
export function describeCause(cause: unknown): string {
  const words: string[] = [];
  const codes: string[] = [];
  let at: unknown = cause;
  for (let depth = 0; depth < 8 && at !== undefined && at !== null; depth++) {
    const error = at as { message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };
    const message = typeof at === 'object' ? error.message : at;
    // Node's AggregateError (every address of a host refused) has no message, only its errors.
    const inner = Array.isArray(error.errors) ? error.errors.map((each) => each?.message) : [];
    const text = (String(message ?? '').trim() || [...new Set(inner)].join('; ')).trim();
    if (text && !words.includes(text)) words.push(text);
    if (typeof error.code === 'string' && error.code) codes.push(error.code);
    if (typeof at !== 'object') break;
    at = error.cause;
  }
  const unsaid = codes.filter((code) => !words.some((text) => text.includes(code)));
  const [first = 'fetch failed', ...rest] = words;
  const more = [...rest.map((text) => text.replace(/\.$/, '')), ...unsaid];
  return more.length > 0 ? `${first} (${more.join(': ')})` : first;
}

/** The {@link APIConnectionError} of a fetch that threw or rejected: the words of the whole cause chain, the cause kept. */
export const connectionFailed = (cause: unknown) =>
  new APIConnectionError(`Connection error: ${describeCause(cause)}`, { cause });

/**
 * The error of a fetch that threw or rejected: {@link connectionFailed}; with no `fetch`
 * function to call at all, an error that says so instead.
 */
export function connectionError(cause: unknown, fetch: unknown): ResponsesError {
  if (typeof fetch !== 'function')
    return new ResponsesError(
      'No fetch function: pass one as the `fetch` option (globalThis.fetch is missing).',
    );
  return connectionFailed(cause);
}

/** The body broke off while it was being read. */
export const bodyBroke = (cause: unknown) =>
  new APIConnectionError('The connection broke while the response body was being read.', {
    cause,
  });

/** A body that is not JSON: its start, cut, and the whole of it as `received`. */
export const notJSON = (text: string) =>
  new ResponseValidationError(
    'response body',
    [{ path: [], message: `expected JSON, got: ${snippet(text)}` }],
    text,
  );

/** A stream request answered with something else than events (JSON, or no body at all). */
export const notAnEventStream = (contentType: string, text: string) =>
  new StreamError(
    `Expected an event stream, but the server answered with ${contentType || 'no content type'}${text ? `: ${snippet(text)}` : ''}.`,
  );
