import type { Dialect, WireObject } from '../dialects/index.js';
import { ResponseValidationError } from '../errors.js';
import type { ClientConfig } from '../options.js';
import { parseWire } from '../schemas/index.js';
import type { EventStreamInit } from '../stream/event-stream.js';
import { withOutputText } from '../stream/output-text.js';
import { ResponseStream, type ResponseStreamInit } from '../stream/response-stream.js';
import type { APIRequest } from '../transport/request.js';
import { encodeSegment } from '../transport/url.js';
import type { Response } from '../types/index.js';
import { asObject } from './call.js';

/** The dialect, loaded, for calls that need it. */
export type AnyDialect = Dialect<never>;

/** A request's path below the responses collection (ids checked as one segment each), and the dialect's auth. */
export function below(
  config: ClientConfig,
  dialect: AnyDialect,
  ...segments: string[]
): Omit<APIRequest, 'method'> {
  for (const segment of segments) encodeSegment(segment, 'id');
  return {
    path: [...dialect.paths.responses(config.context), ...segments],
    auth: dialect.authHeaders,
  };
}

/** A response body in canonical form, checked as the client's validation says, with `output_text`. */
export function parseResponse(config: ClientConfig, dialect: AnyDialect, json: unknown): Response {
  const normalized = dialect.normalizeResponse(asObject(json, 'response'));
  const validation = config.validation;
  const checked = (
    validation ? parseWire(validation.response, normalized, 'response') : normalized
  ) as WireObject;
  if (!Array.isArray(checked.output)) {
    throw new ResponseValidationError(
      'response',
      [{ path: ['output'], message: 'expected an array of items' }],
      json,
    );
  }
  return withOutputText(checked as WireObject & { output: unknown[] }) as unknown as Response;
}

/** A {@link ResponseStream} over a body, decoded by the dialect's normalizer and the client's validation. */
export function openStream(
  config: ClientConfig,
  dialect: AnyDialect,
  init: EventStreamInit & { body: ReadableStream<Uint8Array> },
  extra: Pick<ResponseStreamInit, 'resume' | 'responseId'> = {},
): ResponseStream {
  const decoding = { normalize: dialect.eventNormalizer(), validate: config.validation?.event };
  return new ResponseStream({
    ...init,
    decoding,
    maxResumes: config.transport.maxRetries,
    ...(extra.resume ? { resume: extra.resume } : {}),
    ...(extra.responseId ? { responseId: extra.responseId } : {}),
  });
}
