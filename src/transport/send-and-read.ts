/** Sends a request and reads its answer: as text, as JSON, or handed over unread as an event stream. */
import { APIConnectionError, ResponseValidationError } from '../errors.js';
import { isObject } from '../json.js';
import type { EventStreamInit } from '../stream/event-stream.js';
import type { WireObject } from '../types/wire.js';
import type { CallOptions } from './call-options.js';
import { readText } from './read-body.js';
import { type APIRequest, type Exchange, failures, send } from './request.js';
import { snippet } from './snippet.js';

/** A result together with the raw HTTP response it came from. */
export interface WithResponse<T> {
  /** The parsed result. */
  data: T;
  /** The raw fetch `Response` (its body already read, or streaming into `data`). */
  response: globalThis.Response;
  /** The server's `x-request-id`, when it sent one. */
  requestId: string | undefined;
}

/**
 * Reads an exchange's body as text within the request's timeout. A body that breaks off is an
 * {@link APIConnectionError}; an abort or timeout while reading is reported as such.
 */
async function readBody(exchange: Exchange): Promise<string> {
  try {
    return await readText(exchange.response, exchange.controller.signal);
  } catch (cause) {
    if (exchange.controller.signal.aborted) throw exchange.abortReason();
    throw await exchange.redact((await failures()).bodyBroke(cause));
  } finally {
    exchange.release();
  }
}

/** Sends a request and reads its body as text (see {@link readBody}). */
export async function sendAndReadText(
  call: CallOptions,
  request: APIRequest,
): Promise<WithResponse<string>> {
  if (call.observe) return (await call.observe()).text(call, request);
  const exchange = await send(call, request);
  const { response, requestId } = exchange;
  return { data: await readBody(exchange), response, requestId };
}

/**
 * Sends a request, reads its JSON body (see {@link readBody}) and hands it to `parse`; an empty
 * body is `undefined`. A body that is not JSON is a {@link ResponseValidationError}; whatever
 * `parse` throws has the client's secrets taken out, like every error built from the answer.
 */
export async function sendAndReadJSON<T>(
  call: CallOptions,
  request: APIRequest,
  parse: (body: unknown) => T,
): Promise<WithResponse<T>> {
  if (call.observe) return (await call.observe()).json(call, request, parse);
  const exchange = await send(call, request);
  const { response, requestId } = exchange;
  const text = await readBody(exchange);
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw await exchange.redact((await failures()).notJSON(text));
  }
  try {
    return { data: parse(body), response, requestId };
  } catch (error) {
    throw await exchange.redact(error);
  }
}

/**
 * Sends a request that answers with `text/event-stream` and hands the body, unread, to `open`,
 * which wraps it in a stream (with the exchange's redactor, for the errors the stream builds).
 * From here on `timeout` bounds each gap between chunks, not the whole stream.
 */
export async function sendAndOpenStream<S>(
  call: CallOptions,
  request: APIRequest,
  open: (init: EventStreamInit & { body: ReadableStream<Uint8Array> }) => S,
): Promise<WithResponse<S>> {
  if (call.observe) return (await call.observe()).stream(call, request, open);
  const exchange = await send(call, { ...request, stream: true });
  exchange.stopTimer();
  const { response, requestId } = exchange;
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.body || contentType.includes('application/json')) {
    const text = await response.text().catch(() => '');
    exchange.release();
    throw await exchange.redact((await failures()).notAnEventStream(contentType, text));
  }
  const stream = open({
    body: response.body,
    controller: exchange.controller,
    response,
    requestId,
    idleTimeout: call.timeout,
    abortReason: exchange.abortReason,
    onEnd: exchange.release,
    redact: exchange.redact,
  });
  return { data: stream, response, requestId };
}

/** A JSON object, or a typed error saying what came instead. */
export function asObject(body: unknown, what: string): WireObject {
  if (!isObject(body)) {
    const got = JSON.stringify(body) ?? 'nothing';
    throw new ResponseValidationError(
      what,
      [{ path: [], message: `expected a JSON object, got ${snippet(got)}` }],
      body,
    );
  }
  return body;
}
