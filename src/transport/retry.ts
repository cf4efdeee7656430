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

/** The wait the server asked for, from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number.parseFloat(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
