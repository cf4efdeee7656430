/**
 * OpenAI's WebSocket mode: the field a `response.create` message may carry besides the create
 * params, checked when a request goes over a socket (this module loads with the WebSocket
 * transport, not on the default path). The type of a client's params is openai-params.ts.
 */
import * as z from 'zod/mini';
import { maxLength, minLength } from '../shared.js';

/** The fields of a `response.create` message that `POST /responses` does not have. */
export const OpenAIWebSocketParamsSchema = z.looseObject({
  /**
   * The WebSocket lane of this response (`transport: 'websocket'` only; not a field of
   * `POST /responses`): requests of one lane run in order, and its events echo it. 1 to 256
   * characters of `A-Za-z0-9_.-`.
   */
  stream_id: z.optional(
    z.string().check(minLength(1), maxLength(256), z.regex(/^[A-Za-z0-9_.-]+$/)),
  ),
});
