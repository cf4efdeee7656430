/** The `Response` object, with every output item and tool type. */
import * as z from 'zod/mini';
import { ResponseOutputItemSchema } from './output-item.js';
import { responseShape } from './response-settings.js';
import { ResponseToolSchema } from './tools.js';

/** A response object, as servers send it. */
export const ResponseSchema = z.looseObject(
  responseShape({ item: ResponseOutputItemSchema, tool: ResponseToolSchema }),
);
/**
 * A response of the model (what `client.responses.create()` returns, and the `response` of the
 * lifecycle events): its `id` (for `previous_response_id` and `retrieve`), `status`, the `output`
 * items (messages, reasoning, tool calls…), `usage`, and the request's settings echoed.
 * `output_text` joins the text of every `output_text` part: the client adds it, servers do not
 * send it.
 */
export type Response = z.infer<typeof ResponseSchema> & {
  /** All `output_text` parts of `output`, joined. */
  output_text: string;
};
