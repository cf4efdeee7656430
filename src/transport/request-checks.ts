/**
 * What is wrong with a request that fetch would refuse, said before anything is sent: a header
 * that no HTTP message can carry, a URL with credentials, one that is not http(s) or not a URL.
 * Loaded only when the quick checks of `send` fail. No message quotes a header's value.
 */
import { RequestValidationError, type ValidationIssue } from '../errors.js';
import { entriesOf, type HeadersLike } from './headers.js';

/** A header set, and where in the options it came from. */
export interface HeaderSource {
  /** `apiKey` (the dialect's auth headers), `headers` (the client's or the call's)… */
  readonly option: string;
  readonly set: HeadersLike;
}

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
 * named, with the option it came from (`apiKey` when it is one of the dialect's auth headers).
 */
export function headersError(sources: readonly HeaderSource[]): RequestValidationError {
  const issues: ValidationIssue[] = [];
  for (const { option, set } of sources) {
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
