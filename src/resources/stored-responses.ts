/**
 * Stored responses: retrieve (and resume its stream), delete, cancel, and the body of a dropped
 * background stream picked up where it broke. Loaded on first use, so that create + stream +
 * iterate does not bundle them.
 */
import { StreamError } from '../errors.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import { ResponseRetrieveParamsSchema } from '../schemas/bodies.js';
import { checkRequest } from '../schemas/validate.js';
import type { ResponseStream } from '../stream/response-stream.js';
import { type CallOptions, callOptions } from '../transport/call-options.js';
import { type APIRequest, send } from '../transport/request.js';
import {
  sendAndOpenStream,
  sendAndReadJSON,
  sendAndReadText,
  type WithResponse,
} from '../transport/send-and-read.js';
import type { Response, ResponseDeleted, ResponseRetrieveParams } from '../types/index.js';
import { type AnyDialect, dialectWith } from './prepare.js';
import { openResponseStream, readResponse, responsesPath } from './read-response.js';

/** A dropped background stream's body, picked up after `startingAfter` (its `retrieve` stream). */
export async function resumedBody(
  config: ClientConfig,
  dialect: AnyDialect,
  call: CallOptions,
  id: string,
  startingAfter: number,
): Promise<ReadableStream<Uint8Array>> {
  const query = { stream: true, starting_after: startingAfter };
  const request = {
    method: 'GET',
    path: responsesPath(config, dialect, id),
    auth: dialect.authHeaders,
    query,
    stream: true,
  } as const;
  const exchange = await send(call, request);
  exchange.stopTimer();
  if (!exchange.response.body) throw new StreamError('The resumed stream has no body.');
  return exchange.response.body;
}

/** A request to a stored response (`segments` below its id), and the dialect, which must store them. */
async function toStored(
  config: ClientConfig,
  endpoint: string,
  method: APIRequest['method'],
  id: string,
  ...segments: string[]
) {
  const dialect = await dialectWith(config, 'retrieve', endpoint);
  const path = responsesPath(config, dialect, id, ...segments);
  return { dialect, request: { method, path, auth: dialect.authHeaders } };
}

/** `GET /responses/{id}`, unary or as a (resumed) stream. */
async function retrieveResponse(
  config: ClientConfig,
  id: string,
  params: ResponseRetrieveParams = {},
  options: RequestOptions | undefined,
): Promise<WithResponse<Response | ResponseStream>> {
  const stored = await toStored(config, 'responses.retrieve', 'GET', id);
  checkRequest(ResponseRetrieveParamsSchema, params, 'retrieve params');
  const { dialect } = stored;
  const { stream, starting_after, include, include_obfuscation } = params;
  const query = { stream: stream || undefined, starting_after, include, include_obfuscation };
  const request = { ...stored.request, query };
  const call = callOptions(config.transport, options);
  if (!stream) return sendAndReadJSON(call, request, (json) => readResponse(config, dialect, json));
  return sendAndOpenStream(call, request, (init) =>
    openResponseStream(config, dialect, call, init, {
      resumable: options?.autoResume,
      responseId: id,
    }),
  );
}

/**
 * `DELETE /responses/{id}`. Any 2xx confirms the deletion: a deleted-response object (an `id` and
 * a `deleted` flag) is returned as sent; whatever else came (204 with no body, `{}`, a proxy's own
 * JSON or text, a 202) reads as `{ id, object: 'response', deleted: true }`.
 */
async function deleteResponse(
  config: ClientConfig,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<ResponseDeleted>> {
  const { request } = await toStored(config, 'responses.delete', 'DELETE', id);
  const answer = await sendAndReadText(callOptions(config.transport, options), request);
  let body: unknown;
  try {
    body = JSON.parse(answer.data);
  } catch {
    // Not JSON (nothing at all, or a proxy's "OK"): the status is the confirmation.
  }
  const deleted = body as Partial<ResponseDeleted> | undefined;
  const confirmed =
    typeof deleted?.id === 'string' && typeof deleted.deleted === 'boolean'
      ? (deleted as ResponseDeleted)
      : { id, object: 'response', deleted: true };
  return { ...answer, data: confirmed };
}

/** `POST /responses/{id}/cancel`. */
async function cancelResponse(
  config: ClientConfig,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<Response>> {
  const { dialect, request } = await toStored(config, 'responses.cancel', 'POST', id, 'cancel');
  return sendAndReadJSON(callOptions(config.transport, options), request, (json) =>
    readResponse(config, dialect, json),
  );
}

/** The methods of `client.responses` this module serves, under their names (lazy-methods.ts). */
export { cancelResponse as cancel, deleteResponse as delete, retrieveResponse as retrieve };
