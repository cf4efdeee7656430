/** The forms most servers share: OpenAI's error bodies and `event:` framing, events, trimmed responses. */
import { responseFrames } from '../../stream/relay.js';
import type { Response, ResponseCompletedEvent, ResponseStreamEvent } from '../../types/index.js';
import type { Json, Wire, WireError, WireEvent } from './wire.js';

/** `{ error: { message, type, code, param } }`, the body OpenAI and most servers send. */
export const openAIErrorBody = ({ message, type, code, param }: WireError): Json => ({
  error: { message, type, code, param },
});

/** A 400 `invalid_request_error` about `param`. */
export const invalid = (message: string, param: string | null, code: string | null = null) =>
  ({ status: 400, message, code, type: 'invalid_request_error', param }) satisfies WireError;

/** A 401 `authentication_error` with `message` and `code`. */
export const unauthorized = (message: string, code: string | null = null) =>
  ({ status: 401, message, code, type: 'authentication_error', param: null }) satisfies WireError;

/**
 * How most servers write their streams and errors: each event on an `event:` line named by its
 * type, nothing before the first event or after the last; OpenAI's error bodies, 400 for a body
 * the server cannot read, ids `resp_fake_1`…, and no rule beyond the body being an object.
 */
export const namedEvents = {
  frame: (event: WireEvent) => responseFrames.frame({ ...event.data, type: event.type }),
  prelude: [],
  epilogue: [],
  errorBody: openAIErrorBody,
  badRequestStatus: 400,
  responseId: (n: number) => `resp_fake_${n}`,
} satisfies Partial<Wire>;

/** An event of `type` whose data carries its type too. */
export const typed = (type: string, data: Json): WireEvent => ({ type, data: { type, ...data } });

/** The event as a `WireEvent` whose data is the whole event (its `type` included). */
export const whole = (event: ResponseStreamEvent): WireEvent => ({
  type: String(event.type),
  data: event as Json,
});

/** The response object trimmed to what a sparse server's documentation shows. */
export function slim(response: ResponseCompletedEvent['response']): Json {
  const { id, object, created_at, status, model, output, usage, error, incomplete_details } =
    response;
  const slimmed: Json = { id, object, created_at, status, model, output };
  if (usage) slimmed.usage = usage;
  if (error) slimmed.error = error;
  if (incomplete_details) slimmed.incomplete_details = incomplete_details;
  return slimmed;
}

/** A sparse server's responses (unary, and in `response.failed`): trimmed to what it documents. */
export const slimResponses = {
  failedEvents: (failed: Response) => [typed('response.failed', { response: slim(failed) })],
  body: slim,
} satisfies Partial<Wire>;

/**
 * What the sparse servers (Kawai, the gateway) share: OpenAI's framing and error bodies,
 * `POST /responses` alone (no stored-response endpoints), their responses trimmed to what they
 * document, and an `error` event for a failure midway.
 */
export const sparseServer = {
  ...namedEvents,
  ...slimResponses,
  path: ['responses'],
  stored: { retrieve: false, inputItems: false, compact: false },
  failsWith: 'error',
} satisfies Partial<Wire>;
