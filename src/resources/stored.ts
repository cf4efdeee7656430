/**
 * The endpoints of stored responses: retrieve (and resume a stream), delete, cancel, and the
 * resumption of a dropped background stream. Loaded on first use, so that create + stream +
 * iterate does not bundle them.
 */
import { StreamError } from '../errors.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import type { ResponseStream } from '../stream/response-stream.js';
import { callJSON, callStream, callText } from '../transport/answer.js';
import { callOptions } from '../transport/call-options.js';
import { send } from '../transport/request.js';
import type { Query } from '../transport/url.js';
import type { Response, ResponseDeleted, ResponseRetrieveParams } from '../types/index.js';
import type { WithResponse } from './api-promise.js';
import { requireFeature } from './prepare.js';
import { type AnyDialect, below, openStream, parseResponse } from './response-parts.js';

/** A dropped background stream's body, picked up after `startingAfter` (its `retrieve` stream). */
export async function resumeBody(
  config: ClientConfig,
  dialect: AnyDialect,
  options: RequestOptions,
  id: string,
  startingAfter: number,
): Promise<ReadableStream<Uint8Array>> {
  const query = { stream: true, starting_after: startingAfter };
  const exchange = await send(callOptions(config.transport, options), {
    ...below(config, dialect, id),
    method: 'GET',
    query,
    stream: true,
  });
  exchange.stopTimer();
  if (!exchange.response.body) throw new StreamError('The resumed stream has no body.');
  return exchange.response.body;
}

/** How a stream of this dialect resumes when `autoResume` is asked for and the server can. */
function resumer(config: ClientConfig, dialect: AnyDialect, options: RequestOptions | undefined) {
  if (!options?.autoResume || !dialect.features.retrieve) return undefined;
  return (id: string, after: number) => resumeBody(config, dialect, options, id, after);
}

/** `GET /responses/{id}`, unary or as a (resumed) stream. */
export function retrieveResponse(
  config: ClientConfig,
  dialect: AnyDialect,
  id: string,
  params: ResponseRetrieveParams,
  options: RequestOptions | undefined,
): Promise<WithResponse<Response | ResponseStream>> {
  requireFeature(dialect, 'retrieve', 'responses.retrieve');
  const query: Query = {
    stream: params.stream || undefined,
    starting_after: params.starting_after,
    include: params.include,
    include_obfuscation: params.include_obfuscation,
  };
  const request = { ...below(config, dialect, id), method: 'GET', query } as const;
  if (!params.stream)
    return callJSON(callOptions(config.transport, options), request, (json) =>
      parseResponse(config, dialect, json),
    );
  const resume = resumer(config, dialect, options);
  return callStream(callOptions(config.transport, options), request, (init) =>
    openStream(config, dialect, init, { resume, responseId: id }),
  );
}

/**
 * `DELETE /responses/{id}`. Any 2xx confirms the deletion: a deleted-response object (an `id` and
 * a `deleted` flag) is returned as sent; whatever else came (204 with no body, `{}`, a proxy's own
 * JSON or text, a 202) reads as `{ id, object: 'response', deleted: true }`.
 */
export async function deleteResponse(
  config: ClientConfig,
  dialect: AnyDialect,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<ResponseDeleted>> {
  requireFeature(dialect, 'retrieve', 'responses.delete');
  const request = { ...below(config, dialect, id), method: 'DELETE' } as const;
  const answer = await callText(callOptions(config.transport, options), request);
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
export function cancelResponse(
  config: ClientConfig,
  dialect: AnyDialect,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<Response>> {
  requireFeature(dialect, 'retrieve', 'responses.cancel');
  const request = { ...below(config, dialect, id, 'cancel'), method: 'POST' } as const;
  return callJSON(callOptions(config.transport, options), request, (json) =>
    parseResponse(config, dialect, json),
  );
}
