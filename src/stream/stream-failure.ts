/**
 * What a stream's loop fails with, when it fails: loaded then, so that create + stream + iterate
 * does not bundle the words.
 */
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ResponsesError,
} from '../errors.js';
import { idle } from './event-iterator.js';
import type { EventStreamInit } from './event-stream.js';

/**
 * The error a loop ends with, given what stopped it: `APITimeoutError` when the body went idle,
 * the abort reason when the connection was aborted from outside (a user's signal), a
 * {@link ResponsesError} as thrown, and anything else (a broken connection) as
 * `APIConnectionError`.
 */
export function streamFailure(
  cause: unknown,
  init: EventStreamInit,
  aborted: boolean,
): ResponsesError {
  if (cause === idle)
    return new APITimeoutError(`The stream sent nothing for ${init.idleTimeout} ms.`);
  if (aborted) return init.abortReason?.() ?? new APIUserAbortError();
  if (cause instanceof ResponsesError) return cause;
  return new APIConnectionError('The connection broke while the stream was being read.', { cause });
}
