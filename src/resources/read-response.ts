/**
 * What the endpoints of the responses collection share: their paths, and their answers read in
 * canonical form (a unary body checked into a `Response`, an event stream into a
 * `ResponseStream` that resumes where the server allows it).
 */
import type { WireObject } from '../dialects/index.js';
import { ResponseValidationError } from '../errors.js';
import type { ClientConfig } from '../options.js';
import { parseWire } from '../schemas/validate.js';
import type { EventStreamInit } from '../stream/event-stream.js';
import { withOutputText } from '../stream/output-text.js';
import { ResponseStream } from '../stream/response-stream.js';
import type { CallOptions } from '../transport/call-options.js';
import { asObject } from '../transport/send-and-read.js';
import { encodeSegment } from '../transport/url.js';
import type { Response } from '../types/index.js';
import type { AnyDialect } from './prepare.js';

/**
 * The path of the responses collection (`responses`), or of something below it (`responses/{id}`,
 * `responses/{id}/input_items`…): the dialect's path, then the segments, each checked as one.
 */
export function responsesPath(
  config: ClientConfig,
  dialect: AnyDialect,
  ...segments: string[]
): readonly string[] {
  for (const segment of segments) encodeSegment(segment, 'id');
  return [...dialect.paths.responses(config.context), ...segments];
}

/** A response body in canonical form, checked as the client's validation says, with `output_text`. */
export function readResponse(config: ClientConfig, dialect: AnyDialect, json: unknown): Response {
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

/** How a response stream is opened: whether it may resume, and the response's id when known. */
export interface StreamOpening {
  /** Resume a dropped stream (the caller asked for `autoResume`, and it may be resumed). */
  resumable?: boolean | undefined;
  /** The response's id, when known before its first event (a stream resumed by `retrieve`). */
  responseId?: string | undefined;
}

/**
 * A {@link ResponseStream} over a body, decoded by the dialect's normalizer and the client's
 * validation. A resumable stream, on a server that can, resumes from its retrieve stream when
 * its connection drops (that module loads only then), at most `maxRetries` times.
 */
export function openResponseStream(
  config: ClientConfig,
  dialect: AnyDialect,
  call: CallOptions,
  init: EventStreamInit,
  { resumable, responseId }: StreamOpening,
): ResponseStream {
  const decoding = { normalize: dialect.eventNormalizer(), validate: config.validation?.event };
  return new ResponseStream({
    ...init,
    decoding,
    maxResumes: call.maxRetries,
    ...(resumable && dialect.features.retrieve
      ? {
          resume: (id: string, after: number) =>
            import('./stored-responses.js').then((m) =>
              m.resumedBody(config, dialect, call, id, after),
            ),
        }
      : {}),
    ...(responseId ? { responseId } : {}),
  });
}
