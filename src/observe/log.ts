/**
 * The client's log lines, by level (each level logs what the ones before it do, and more):
 * - `error`: a hook or the telemetry threw (the request went on);
 * - `warn`: a setting the client could not follow (an unknown log level);
 * - `info`: each retry (its attempt, the wait, and why), as openai-node and openai-python log
 *   them, and a line per request when it ends: status, time, request id; or how it failed;
 * - `debug`: each attempt as it is sent, with its headers and body; each answer's headers; a
 *   stream's first chunk; turns and tool calls.
 * Every line and value goes through the client's redactor first: nothing logged holds the key.
 */
import { redactValue } from '../transport/redact.js';
import type { Logger, LogLevel } from './hook-types.js';
import { headerRecord, now, quietTurn, retryError } from './hooks.js';
import type { Instrumentation, Outcome } from './instrumentation.js';

/** The levels in order: a level logs every line of a lower or equal rank. */
export const levelRank: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Writes a line at a level, when the client's level allows it. */
export type Log = (level: Exclude<LogLevel, 'off'>, message: string, ...rest: unknown[]) => void;

/** A `log` function over `logger` at `level`; a logger that throws is ignored. */
export function logTo(logger: Logger, level: LogLevel): Log {
  const rank = levelRank[level];
  return (at, message, ...rest) => {
    if (levelRank[at] > rank) return;
    try {
      logger[at](`[responses-client] ${message}`, ...rest);
    } catch {
      // A logger that fails has nowhere to say so.
    }
  };
}

/** An error in a few words: its class and message. */
export const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** What an outcome says at the end of a request's line. */
function ending(outcome: Outcome, redact: (text: string) => string): string {
  if (outcome.kind === 'left') return 'left by its caller';
  if (outcome.kind === 'failed') return `failed: ${redact(describe(outcome.error))}`;
  return 'done';
}

/** The log as an instrumentation, at `level`. */
export function logInstrumentation(log: Log, level: LogLevel): Instrumentation {
  const debug = levelRank[level] >= levelRank.debug;
  return {
    request(start) {
      const { redact } = start;
      const line = `${start.method} ${redact(start.url)}`;
      const began = now();
      let status: number | undefined;
      let requestId: string | undefined;
      return {
        attempt(info, attempt) {
          if (!debug) return;
          log('debug', `${line}: attempt ${attempt}`, {
            headers: headerRecord(info.headers, redact),
            body: info.body === null ? null : redact(info.body),
          });
        },
        response({ status: code, headers }) {
          status = code;
          requestId = headers.get('x-request-id') ?? undefined;
          if (debug)
            log('debug', `${line}: ${code} after ${Math.round(now() - began)} ms`, {
              headers: headerRecord(headers, redact),
            });
        },
        retry({ attempt, delayMs, error }) {
          const why = redact(describe(redactValue(retryError(error), redact)));
          log(
            'info',
            `${line}: retrying (attempt ${attempt}) in ${Math.round(delayMs)} ms after ${why}`,
          );
        },
        firstChunk() {
          log('debug', `${line}: first chunk after ${Math.round(now() - began)} ms`);
        },
        end(outcome) {
          const took = Math.round(now() - began);
          const id = requestId ? `, request id ${requestId}` : '';
          const code = status === undefined ? '' : ` ${status}`;
          log('info', `${line}${code} in ${took} ms${id}: ${ending(outcome, redact)}`);
        },
      };
    },
    turn(start) {
      if (!debug) return quietTurn;
      const began = now();
      log('debug', `turn started${start.model ? ` (${start.model})` : ''}`);
      return {
        tool(call) {
          log('debug', `tool ${call.name} called (${call.callId})`);
          const called = now();
          return {
            end: (outcome) =>
              log(
                'debug',
                `tool ${call.name} (${call.callId}) in ${Math.round(now() - called)} ms: ${ending(outcome, start.redact)}`,
              ),
          };
        },
        end: (outcome) =>
          log(
            'debug',
            `turn ended in ${Math.round(now() - began)} ms: ${ending(outcome, start.redact)}`,
          ),
      };
    },
  };
}
