/** The `Response` object, with every output item and tool type. */
import * as z from 'zod/mini';
import { ResponseOutputItemSchema } from './output-item.js';
import { responseShape } from './response-settings.js';
import { ResponseToolSchema } from './tools.js';

/** A response object, as servers send it. */
export const ResponseSchema = z.looseObject(
  responseShape({ item: ResponseOutputItemSchema, tool: ResponseToolSchema }),
);
/** A response object; `output_text` is computed by the client (all output_text parts joined). */
export type Response = z.infer<typeof ResponseSchema> & {
  /** All `output_text` parts of `output`, joined. */
  output_text: string;
};
