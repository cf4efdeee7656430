/**
 * Full runtime validation: every nested item, tool and part against its full schema. Opt in with
 * `new ResponsesClient({ validateResponses: deepValidation })`; it adds the full schemas to your
 * bundle (2.6 KB gzip), which the default envelope checks leave out.
 */
import { ResponseCreateParamsSchema } from './create-params.js';
import { knownEventSchemas, UnknownStreamEventSchema } from './events.js';
import { streamEventParser } from './fast-path.js';
import { ResponseSchema } from './response.js';
import type { ResponseValidation } from './validation.js';

/** Checks responses, events and requests against the full schemas. */
export const deepValidation: ResponseValidation = {
  event: streamEventParser(() => ({
    known: knownEventSchemas,
    unknown: UnknownStreamEventSchema,
  })),
  response: ResponseSchema,
  request: ResponseCreateParamsSchema,
};
