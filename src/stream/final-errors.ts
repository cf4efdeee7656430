/**
 * Why a response stream has no final response: its body ended before a terminal event, it was
 * aborted or left before one, the response failed, or the terminal event carried no response.
 * Loaded only when one of them happens, so that create + stream + iterate does not bundle their
 * words.
 */
import { APIUserAbortError, type ResponsesError, StreamError } from '../errors.js';
import type { WireObject } from '../types/index.js';
import { streamError } from './stream-failure.js';

/**
 * The error `finalResponse()` rejects with: `terminal` is the terminal event (none when the
 * stream was aborted, `abortedByCaller`, or left), `response` the response it carried.
 */
export function noFinalResponse(
  terminal: WireObject | undefined,
  response: WireObject | undefined,
  abortedByCaller: boolean,
): ResponsesError {
  if (!terminal)
    return abortedByCaller
      ? new APIUserAbortError('The stream was aborted before it ended.')
      : new StreamError('The stream was left before its terminal event arrived.');
  if (terminal.type === 'response.failed')
    return streamError(response ?? {}, terminal, 'The response failed.');
  return new StreamError('The stream ended without a response object.');
}

/** A response stream whose body ended (or said `[DONE]`) before its terminal event. */
export const endedTooSoon = () =>
  new StreamError(
    'The stream ended before a terminal event (response.completed, response.incomplete or response.failed).',
  );
