import { type BodyEnd, pacedBody } from './body.js';
import type { Wire, WireError } from './wire/wire.js';

/** A JSON answer. */
export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** An HTTP error in the server's own error body. */
export const errorAnswer = (wire: Wire, error: WireError, headers: Record<string, string> = {}) =>
  jsonAnswer(error.status, wire.errorBody(error), headers);

/** The answer to a request body the server cannot read, with its own status for that. */
export const badRequest = (wire: Wire, message: string) =>
  errorAnswer(wire, {
    status: wire.badRequestStatus,
    message,
    code: null,
    type: 'invalid_request_error',
    param: null,
  });

/** A 404 for a path or an id the server does not have. */
export const notFound = (wire: Wire, message: string) =>
  errorAnswer(wire, {
    status: 404,
    message,
    code: 'not_found',
    type: 'invalid_request_error',
    param: null,
  });

/** An event stream of SSE pieces, paced, ending as `end` says. */
export const streamAnswer = (
  pieces: readonly string[],
  options: { delayMs: number; end: BodyEnd; signal: AbortSignal | null | undefined },
  headers: Record<string, string> = {},
) =>
  new Response(pacedBody(pieces, options.delayMs, options.end, options.signal), {
    headers: { 'content-type': 'text/event-stream', ...headers },
  });

/** A JSON body whose connection drops halfway through it. */
export const brokenJson = (
  text: string,
  headers: Record<string, string>,
  signal: AbortSignal | null | undefined,
) =>
  streamAnswer(
    [text.slice(0, text.length >> 1)],
    { delayMs: 0, end: 'drop', signal },
    {
      ...headers,
      'content-type': 'application/json',
    },
  );
