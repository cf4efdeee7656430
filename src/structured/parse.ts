/**
 * `client.responses.parse(params)`: `create`, then the output parsed; with `stream: true`, a
 * {@link ParsedResponseStream}. Loaded on the first `responses.parse()`.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type { WithResponse } from '../resources/api-promise.js';
import { createResponse } from '../resources/responses.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { Response } from '../types/index.js';
import { type ParseSource, parseOutput } from './parse-output.js';
import { ParsedResponseStream } from './parsed-response-stream.js';

/** Creates the response and parses its output, or gives its stream as a parsed stream. */
async function parseCreate(
  config: ClientConfig,
  params: ParseSource & { stream?: unknown },
  options: RequestOptions | undefined,
): Promise<WithResponse<unknown>> {
  const exchange = await createResponse(config, params, options);
  const data = params.stream
    ? ParsedResponseStream.of(exchange.data as ResponseStream, params)
    : parseOutput(exchange.data as Response, params);
  return { ...exchange, data };
}

/** The methods of `client.responses.parse` this module serves, under their names (lazy-methods.ts). */
export { parseCreate as parse };
