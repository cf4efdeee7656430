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
/**
 * What `client.responses.create(params)` sends (`POST /responses`): the `model`, the `input`
 * (text or items), and optional `instructions`, `tools`, `text.format`, `reasoning`,
 * `previous_response_id`, `stream`… A closed type: a misspelt field is a compile error. A client
 * of another dialect takes that server's params instead (`KawaiCreateParams`…).
 */
export type ResponseCreateParams = z.input<typeof ResponseCreateParamsSchema>;
/**
 * {@link ResponseCreateParams} with `stream: true`: `create()` then gives a `ResponseStream` of
 * events instead of a `Response`.
 */
export type ResponseCreateParamsStreaming = ResponseCreateParams & { stream: true };
/**
 * {@link ResponseCreateParams} without `stream` (or `stream: false`): `create()` gives the
 * finished `Response`.
 */
export type ResponseCreateParamsNonStreaming = ResponseCreateParams & {
  stream?: false | null | undefined;
};
