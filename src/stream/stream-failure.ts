/**
 * What a stream's loop fails with, when it fails: loaded then, so that create + stream + iterate
 * does not bundle the words.
 */
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ResponsesError,
  StreamError,
} from '../errors.js';
import { isObject } from '../json.js';
import type { WireObject } from '../types/index.js';
import { cutText } from './cut-text.js';
import { ServerFault } from './decode-event.js';
import { idle } from './event-iterator.js';
import type { EventStreamInit } from './event-stream.js';

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const code = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/**
 * The `StreamError` of an error the server reported (an `error` event, a failed response, a
 * WebSocket error message): its message, code, type and param, wherever the server put them.
 */
export function streamError(
  source: WireObject,
  event: unknown = source,
  fallback = 'The server reported an error in the stream.',
): StreamError {
  const inner = isObject(source.error) ? source.error : source;
  return new StreamError(
    str(inner.message) ?? str(source.message) ?? str(source.error) ?? fallback,
    {
      code: code(inner.code) ?? code(source.code),
      type: inner === source ? undefined : str(inner.type),
      param: str(inner.param) ?? str(source.param),
      event,
    },
  );
}

/** The `StreamError` that says what was wrong with what the server sent. */
function faultError({ kind, data, event, cause }: ServerFault): StreamError {
  const preview = cutText(String(data), 120);
  if (kind === 'error') return streamError(data as WireObject, event ?? data);
  if (kind === 'object')
    return new StreamError(`The server sent an event that is not a JSON object: ${preview}`);
  const name = event ? ` "${event}"` : '';
  return new StreamError(`The server sent an event${name} that is not valid JSON: ${preview}`, {
    cause,
  });
}

/**
 * The error a loop ends with, given what stopped it: `APITimeoutError` when the body went idle,
 * the abort reason when the connection was aborted from outside (a user's signal), a
 * `StreamError` for what the server sent wrong (a {@link ServerFault}), a {@link ResponsesError}
 * as thrown, and anything else (a broken connection) as `APIConnectionError`.
 */
export function streamFailure(
  cause: unknown,
  init: EventStreamInit,
  aborted: boolean,
): ResponsesError {
  if (cause === idle)
    return new APITimeoutError(`The stream sent nothing for ${init.idleTimeout} ms.`);
  if (aborted) return init.abortReason?.() ?? new APIUserAbortError();
  if (cause instanceof ServerFault) return faultError(cause);
  if (cause instanceof ResponsesError) return cause;
  return new APIConnectionError('The connection broke while the stream was being read.', { cause });
}
