/**
 * The `hooks` option as an instrumentation: each hook given values with the client's secrets
 * taken out (the same redactor as errors), a hook that throws or rejects reported, never in the
 * request's way. Loaded with the instrumentation.
 */
import { APIError, ResponsesError } from '../errors.js';
import { connectionFailed } from '../transport/failures.js';
import { redactValue } from '../transport/redact.js';
import type { ClientHooks } from './hook-types.js';
import type { Instrumentation, RequestProbe, TurnProbe } from './instrumentation.js';

/** A turn probe that does nothing (hooks see requests, not turns). */
export const quietTurn: TurnProbe = { tool: () => ({ end() {} }), end() {} };

/** Headers as a record of lower-case names, each value redacted. */
export function headerRecord(headers: Headers, redact: (text: string) => string) {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) record[name] = redact(value);
  return record;
}

/**
 * What a request failed with, as the error the caller gets: the client's own errors as they are;
 * anything else (a fetch that threw before a retry) as the `APIConnectionError` it would become.
 */
export function asResponsesError(error: unknown): ResponsesError {
  return error instanceof ResponsesError ? error : connectionFailed(error);
}

/**
 * Why a request is retried, as an error: the `APIError` of a retried status (its body is not
 * read, so the message says so), or the connection or timeout error.
 */
export function retryError(why: unknown): ResponsesError {
  if (!(why instanceof Response)) return asResponsesError(why);
  const error = APIError.generate({ status: why.status, headers: why.headers });
  error.message = `${why.status} status code (body not read: the request is retried)`;
  return error;
}

/** Milliseconds, from the best clock there is. */
export const now = () => globalThis.performance?.now() ?? Date.now();

/**
 * The hooks' instrumentation; `report` hears of a hook that threw or rejected. (The values given
 * are copies where a secret had to come out, so a hook that keeps one holds no key.)
 */
export function hooksInstrumentation(
  hooks: ClientHooks,
  report: (error: unknown, hook: string) => void,
): Instrumentation {
  const call = <T>(name: keyof ClientHooks, value: T) => {
    const hook = hooks[name] as ((value: T) => unknown) | undefined;
    if (!hook) return;
    try {
      const result = hook(value);
      if (result instanceof Promise) result.catch((error: unknown) => report(error, name));
    } catch (error) {
      report(error, name);
    }
  };
  return {
    request(start): RequestProbe {
      const { redact } = start;
      let sentAt = now();
      return {
        attempt(info, attempt) {
          sentAt = now();
          call('onRequest', {
            url: redact(info.url),
            method: info.method,
            headers: headerRecord(info.headers, redact),
            body: info.body === null ? null : redact(info.body),
            attempt,
          });
        },
        response({ status, headers }) {
          call('onResponse', {
            url: redact(start.url),
            status,
            headers: headerRecord(headers, redact),
            requestId: headers.get('x-request-id') ?? undefined,
            durationMs: now() - sentAt,
          });
        },
        retry({ attempt, delayMs, error }) {
          call('onRetry', { attempt, delayMs, error: redactValue(retryError(error), redact) });
        },
        firstChunk() {},
        end(outcome) {
          if (outcome.kind === 'failed')
            call('onError', redactValue(asResponsesError(outcome.error), redact));
        },
      };
    },
    turn: () => quietTurn,
  };
}
