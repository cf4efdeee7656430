/**
 * The two endpoints that take a whole conversation: `POST /responses/compact` shrinks it into
 * fewer items, `POST /responses/input_tokens` counts what it would cost. Loaded on first use, so
 * that create + stream + iterate does not bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import {
  CompactedResponseSchema,
  InputTokenCountParamsSchema,
  InputTokenCountSchema,
  ResponseCompactParamsSchema,
} from '../schemas/bodies.js';
import { checkRequest, parseWire, type WireSchema } from '../schemas/validate.js';
import { callOptions } from '../transport/call-options.js';
import { asObject, sendAndReadJSON, type WithResponse } from '../transport/send-and-read.js';
import type {
  CompactedResponse,
  InputTokenCount,
  InputTokenCountParams,
  ResponseCompactParams,
} from '../types/index.js';
import { dialectWith } from './prepare.js';
import { responsesPath } from './read-response.js';

/** One of the two: its path below the responses collection, the client method that calls it, and the schemas of its bodies. */
interface Endpoint {
  path: string;
  /** The client method, as error messages name it (`responses.compact`). */
  clientMethod: string;
  params: WireSchema;
  answer: WireSchema;
}

/** `POST /responses/{path}`: the params checked before sending, the answer as validation says. */
async function post<T>(
  config: ClientConfig,
  endpoint: Endpoint,
  params: object,
  options: RequestOptions | undefined,
): Promise<WithResponse<T>> {
  const dialect = await dialectWith(config, 'compact', endpoint.clientMethod);
  checkRequest(endpoint.params, params, `${endpoint.clientMethod} params`);
  const request = {
    path: responsesPath(config, dialect, endpoint.path),
    auth: dialect.authHeaders,
    method: 'POST',
    body: params,
  } as const;
  return sendAndReadJSON(callOptions(config.transport, options), request, (json) =>
    config.validation
      ? (parseWire(endpoint.answer, json, endpoint.clientMethod) as T)
      : (asObject(json, endpoint.clientMethod) as T),
  );
}

/** `POST /responses/compact`. */
const compactResponse = (
  config: ClientConfig,
  params: ResponseCompactParams,
  options: RequestOptions | undefined,
) =>
  post<CompactedResponse>(
    config,
    {
      path: 'compact',
      clientMethod: 'responses.compact',
      params: ResponseCompactParamsSchema,
      answer: CompactedResponseSchema,
    },
    params,
    options,
  );

/** `POST /responses/input_tokens`. */
const countInputTokens = (
  config: ClientConfig,
  params: InputTokenCountParams,
  options: RequestOptions | undefined,
) =>
  post<InputTokenCount>(
    config,
    {
      path: 'input_tokens',
      clientMethod: 'responses.inputTokens.count',
      params: InputTokenCountParamsSchema,
      answer: InputTokenCountSchema,
    },
    params,
    options,
  );

/** The methods of `client.responses.compact` and `client.responses.inputTokens.count` this module serves, under their names (lazy-methods.ts). */
export { compactResponse as compact, countInputTokens as count };
