import type { WireObject } from '../dialects/index.js';
import { APIConnectionError, ResponseValidationError, StreamError } from '../errors.js';
import type { EventStreamInit } from '../stream/event-stream.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { readText } from '../transport/read-body.js';
import { type APIRequest, send } from '../transport/request.js';
import { snippet } from '../transport/snippet.js';
import type { WithResponse } from './api-promise.js';

/**
 * Sends a request and reads its body as text within the same timeout. A body that breaks off is
 * an {@link APIConnectionError}; an abort or timeout while reading is reported as such.
 */
export async function callText(
  config: ClientConfig,
  request: APIRequest,
  options: RequestOptions | undefined,
): Promise<WithResponse<string>> {
  const exchange = await send(config, request, options);
  const { response, requestId } = exchange;
  try {
    return { data: await readText(response, exchange.controller.signal), response, requestId };
  } catch (cause) {
    if (exchange.controller.signal.aborted) throw exchange.abortReason();
    throw new APIConnectionError('The connection broke while the response body was being read.', {
      cause,
    });
  } finally {
    exchange.release();
  }
}

/**
 * Sends a request, reads its JSON body (see {@link callText}) and hands it to `parse`; an empty
 * body is `undefined`. A body that is not JSON is a {@link ResponseValidationError}.
 */
export async function callJSON<T>(
  config: ClientConfig,
  request: APIRequest,
  options: RequestOptions | undefined,
  parse: (body: unknown) => T,
): Promise<WithResponse<T>> {
  const { data: text, response, requestId } = await callText(config, request, options);
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ResponseValidationError(
        'response body',
        [{ path: [], message: `expected JSON, got: ${snippet(text)}` }],
        text,
      );
    }
  }
  return { data: parse(body), response, requestId };
}

/**
 * Sends a request that answers with `text/event-stream` and hands the body, unread, to `open`,
 * which wraps it in a stream. From here on `timeout` bounds each gap between chunks, not the
 * whole stream.
 */
export async function callStream<S>(
  config: ClientConfig,
  request: APIRequest,
  options: RequestOptions | undefined,
  open: (init: EventStreamInit & { body: ReadableStream<Uint8Array> }) => S,
): Promise<WithResponse<S>> {
  const exchange = await send(config, { ...request, stream: true }, options);
  exchange.stopTimer();
  const { response, requestId } = exchange;
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.body || contentType.includes('application/json')) {
    const text = await response.text().catch(() => '');
    exchange.release();
    throw new StreamError(
      `Expected an event stream, but the server answered with ${contentType || 'no content type'}${text ? `: ${snippet(text)}` : ''}.`,
    );
  }
  const stream = open({
    body: response.body,
    controller: exchange.controller,
    response,
    requestId,
    idleTimeout: options?.timeout ?? config.timeout,
    abortReason: exchange.abortReason,
    onEnd: exchange.release,
  });
  return { data: stream, response, requestId };
}

/** A JSON object, or a typed error saying what came instead. */
export function asObject(body: unknown, what: string): WireObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const got = JSON.stringify(body) ?? 'nothing';
    throw new ResponseValidationError(
      what,
      [{ path: [], message: `expected a JSON object, got ${got}` }],
      body,
    );
  }
  return body as WireObject;
}
