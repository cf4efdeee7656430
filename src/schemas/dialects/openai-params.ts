/**
 * `OpenAICreateParams`: the create params of a client of the `openai` dialect, the canonical
 * ones and the field of its WebSocket mode, one object type (so that a compile error names it).
 * For the types only: no module loads it at run time (the WebSocket transport checks the field
 * with openai-websocket.ts).
 */
import * as z from 'zod/mini';
import { ResponseCreateParamsSchema } from '../create-params.js';
import { OpenAIWebSocketParamsSchema } from './openai-websocket.js';

/** The create params of an OpenAI client. */
export const OpenAICreateParamsSchema = z.extend(
  ResponseCreateParamsSchema,
  OpenAIWebSocketParamsSchema.shape,
);
/**
 * What `client.responses.create(params)` sends on an OpenAI client: {@link ResponseCreateParams}
 * and `stream_id`, the lane of a request over `transport: 'websocket'`.
 */
export type OpenAICreateParams = z.input<typeof OpenAICreateParamsSchema>;
