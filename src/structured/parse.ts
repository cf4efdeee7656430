/**
 * `client.responses.parse(params)`: `create`, then the output parsed; with `stream: true`, a
 * {@link ParsedResponseStream}. Loaded on the first `responses.parse()`.
 */
import type { RequestOptions } from '../options.js';
import type { APIPromise, WithResponse } from '../resources/api-promise.js';
import type { Responses } from '../resources/responses.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { Response } from '../types/index.js';
import { type ParseSource, parseOutput } from './parse-output.js';
import { ParsedResponseStream } from './parsed-response-stream.js';

/** Creates the response and parses its output, or gives its stream as a parsed stream. */
export async function parseCreate(
  responses: Responses<unknown>,
  params: ParseSource & { stream?: unknown },
  options: RequestOptions | undefined,
): Promise<WithResponse<unknown>> {
  const promise = responses.create(params, options) as APIPromise<Response | ResponseStream>;
  const exchange = await promise.withResponse();
  const data = params.stream
    ? ParsedResponseStream.of(exchange.data as ResponseStream, params)
    : parseOutput(exchange.data as Response, params);
  return { ...exchange, data };
}
