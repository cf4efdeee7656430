/**
 * PLACEHOLDER (issue #2): the smallest schemas the transport and resources need. Issue #3 replaces
 * this folder with every wire type of the specs; the exported names below stay.
 */
import { z } from 'zod';

/** An item of `Response.output`. */
export const ResponseOutputItemSchema = z.looseObject({ type: z.string(), id: z.string().optional() });
export type ResponseOutputItem = z.infer<typeof ResponseOutputItemSchema>;

/** A response object. */
export const ResponseSchema = z.looseObject({
  id: z.string(),
  object: z.string().optional(),
  status: z.string().optional(),
  model: z.string().optional(),
  output: z.array(ResponseOutputItemSchema),
});
/** A response object, with `output_text` computed by the client. */
export type Response = z.infer<typeof ResponseSchema> & { output_text: string };

/** The body of `DELETE /responses/{id}`. */
export const ResponseDeletedSchema = z.looseObject({
  id: z.string(),
  object: z.string().optional(),
  deleted: z.boolean(),
});
export type ResponseDeleted = z.infer<typeof ResponseDeletedSchema>;

/** One event of a streamed response. */
export const ResponseStreamEventSchema = z.looseObject({
  type: z.string(),
  sequence_number: z.number().optional(),
});
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEventSchema>;

/** The body of `POST /responses`. */
export const ResponseCreateParamsSchema = z.looseObject({
  model: z.string().optional(),
  input: z.union([z.string(), z.array(z.unknown())]).optional(),
  instructions: z.string().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  store: z.boolean().nullable().optional(),
  stream: z.boolean().nullable().optional(),
});
export type ResponseCreateParams = z.input<typeof ResponseCreateParamsSchema>;

export { checkRequest, parseWire, type WireSchema } from './validate.js';
