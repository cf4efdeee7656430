/** `ResponseCreateParams`: the body of `POST /responses`, with every input item and tool type. */
import * as z from 'zod/mini';
import { ResponseInputSchema } from './input-item.js';
import { createParamsShape } from './params.js';
import { ToolSchema } from './tools.js';

/** Every field of a create request, each with its full schema. */
export const responseCreateShape = createParamsShape({
  input: ResponseInputSchema,
  tool: ToolSchema,
});

/** The body of `POST /responses`. */
export const ResponseCreateParamsSchema = z.looseObject(responseCreateShape);
/** What `client.responses.create()` accepts. */
export type ResponseCreateParams = z.input<typeof ResponseCreateParamsSchema>;
/** The same, with `stream: true`. */
export type ResponseCreateParamsStreaming = ResponseCreateParams & { stream: true };
/** The same, without streaming. */
export type ResponseCreateParamsNonStreaming = ResponseCreateParams & {
  stream?: false | null | undefined;
};
