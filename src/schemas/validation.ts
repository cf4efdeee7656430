/**
 * The runtime validation policy. Requests are always checked before they are sent
 * (`RequestValidationError`, naming the field and the rule). Responses and stream events are
 * checked by default with the envelope checks (envelope.ts); `validateResponses: deepValidation`
 * checks every nested item, tool and part too; `validateResponses: false` checks nothing.
 */
import type { z } from 'zod/mini';
import { CreateParamsEnvelopeSchema, eventEnvelopes, ResponseEnvelopeSchema } from './envelope.js';
import { type StreamEventParser, streamEventParser } from './fast-path.js';

/** How responses, stream events and requests are checked at run time. */
export interface ResponseValidation {
  /** Checks one stream event (after the dialect's normalization). */
  event: StreamEventParser;
  /** The schema a response object is checked against (after the dialect's normalization). */
  response: z.core.$ZodType;
  /** The schema a create request is checked against before it is sent. */
  request: z.core.$ZodType;
}

/** The default: every own field in full, nested items, tools and parts by their envelope. */
export const envelopeValidation: ResponseValidation = {
  // The event envelopes are built by the first event checked, not at import.
  event: streamEventParser(() => {
    const { knownEvents, unknown } = eventEnvelopes();
    return { known: knownEvents, unknown };
  }),
  response: ResponseEnvelopeSchema,
  request: CreateParamsEnvelopeSchema,
};

/** Validates one stream event with the default (envelope) checks. */
export const parseStreamEvent: StreamEventParser = envelopeValidation.event;
