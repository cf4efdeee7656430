/** Statuses worth another try: timeouts, lock conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Whether a failed response may be retried: the server's `x-should-retry` wins over the status. */
export function shouldRetryResponse(status: number, headers: Headers): boolean {
  const verdict = headers.get('x-should-retry');
  if (verdict === 'true') return true;
  if (verdict === 'false') return false;
  return isRetryableStatus(status);
}

/** The longest wait a server may ask for with `retry-after`. */
export const maxRetryAfterMs = 60_000;
const initialBackoffMs = 500;
const maxBackoffMs = 8_000;

/** A number of seconds (or milliseconds) as HTTP writes it: digits, maybe decimals, never a sign. */
const amount = /^\d+(\.\d+)?$/;
/**
 * The shape of an HTTP date (RFC 9110): `Sun, 06 Nov 1994 08:49:37 GMT`, or one of the two
 * obsolete forms, `Sunday, 06-Nov-94 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994` (in GMT too).
 * `Date.parse` alone takes junk (`-5` and `1 2` read as dates in 2001).
 */
const httpDate = /^\w+,? [\w -]+ \d\d:\d\d:\d\d (GMT|\d{4})$/;

/**
 * The wait the server asked for: `retry-after-ms` (milliseconds, not negative), else
 * `retry-after` (seconds, or an HTTP date in the future). Anything else asks for nothing, and
 * the normal backoff applies.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms')?.trim() ?? '';
  if (amount.test(milliseconds)) return +milliseconds;
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (amount.test(retryAfter)) return +retryAfter * 1000;
  // The asctime form (it ends in its year) says no zone: it is GMT all the same.
  const date = httpDate.test(retryAfter)
    ? Date.parse(retryAfter.replace(/\d{4}$/, '$& GMT'))
    : Number.NaN;
  return date > now ? date - now : undefined;
}

/**
 * How long to wait before retry number `attempt + 1`: what the server asked for (capped at
 * 60 s), else exponential backoff from 0.5 s to at most 8 s, shortened by up to 25% of jitter.
 */
export function retryDelayMs(attempt: number, headers?: Headers, random = Math.random): number {
  const asked = headers ? retryAfterMs(headers) : undefined;
  if (asked !== undefined) return Math.min(asked, maxRetryAfterMs);
  const backoff = Math.min(initialBackoffMs * 2 ** attempt, maxBackoffMs);
  return backoff * (1 - random() * 0.25);
}
