/**
 * The error for a fetch that gave no response: what broke, in the words of every error in its
 * cause chain. Loaded only when fetch fails for good.
 */
import { APIConnectionError } from '../errors.js';

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

/**
 * The {@link APIConnectionError} for a fetch that threw or rejected: `Connection error: ` and the
 * words of the whole cause chain, the cause kept.
 */
export function connectionError(cause: unknown): APIConnectionError {
  return new APIConnectionError(`Connection error: ${describeCause(cause)}`, { cause });
}
