/**
 * What went wrong before a WebSocket response's first event, and whether it is worth another
 * try: the `error` message as the `APIError` of its status, a close as a connection error.
 */
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  RequestValidationError,
  type ResponsesError,
  StreamError,
} from '../../errors.js';
import { isObject } from '../../json.js';
import { streamError } from '../../stream/stream-failure.js';
import { redactSecret } from '../redact.js';
import { shouldRetryResponse } from '../retry.js';
import type { FrameSource } from './frame-source.js';

/** The `error` code of a socket past the server's connection age limit (OpenAI: 60 minutes). */
export const ageLimit = 'websocket_connection_limit_reached';

/**
 * Close codes that say the request itself cannot be carried (a protocol error, data the server
 * refuses, a policy violation, a message too big): a close with one of these before the
 * response's first event is not retried.
 */
const fatalCloseCodes = new Set([1002, 1003, 1007, 1008, 1009, 1010]);

/** The error a first frame stands for: the `APIError` of an `error` message's status. */
export function refusalOf(first: string, apiKey: string | undefined): ResponsesError | undefined {
  if (!first.includes('"error"')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(first);
  } catch {
    return undefined;
  }
  if (!isObject(json) || json.type !== 'error') return undefined;
  const status = json.status;
  if (typeof status !== 'number') return streamError(json);
  const error = isObject(json.error) ? json.error : {};
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const code = error.code;
  const headers = new Headers();
  if (isObject(error.headers))
    for (const [name, value] of Object.entries(error.headers))
      if (typeof value === 'string') headers.set(name, value);
  return APIError.generate(
    redactSecret(
      {
        status,
        serverMessage: str(error.message),
        body: {
          message: str(error.message),
          type: str(error.type),
          code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
          param: str(error.param),
        },
        error: json,
        headers,
      },
      apiKey,
    ),
  );
}

/** What a failure before the first event is reported as: a close is a connection error. */
export function asFailure(error: unknown, source: FrameSource | undefined): ResponsesError {
  if (error instanceof APIUserAbortError) return error;
  if (source?.closeCode !== undefined && source.received === 0)
    return new APIConnectionError(
      `The WebSocket closed (${source.closeCode}) before the response's first event.`,
      { cause: error },
    );
  if (error instanceof APIError || error instanceof APIConnectionError) return error;
  if (error instanceof StreamError || error instanceof RequestValidationError) return error;
  return new APIConnectionError('The WebSocket request failed.', { cause: error });
}

/** Whether a failure before the first event may be tried again on a new socket. */
export function retryable(failure: ResponsesError, source: FrameSource | undefined): boolean {
  if (failure instanceof APIError) return shouldRetryResponse(failure.status, failure.headers);
  if (!(failure instanceof APIConnectionError)) return false;
  const code = source?.closeCode;
  return code === undefined || !fatalCloseCodes.has(code);
}
