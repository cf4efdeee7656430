/**
 * OpenAI (and the OpenResponses spec): the limits it sets on fields every server of the
 * Responses API shares, which OpenRouter documents without, and the field of its WebSocket
 * mode. The canonical checks take what any of these servers takes; the OpenAI dialect narrows
 * them with these. On the default path.
 */
import * as z from 'zod/mini';
import { atLeast, type DialectCreateParams, int, maxLength, minLength } from '../shared.js';

/** OpenAI's own limits on canonical fields, and its WebSocket mode's `stream_id`. */
export const OpenAIParamsSchema = z.looseObject({
  /** Output token limit: at least 16 (`CreateResponse.max_output_tokens.minimum`). */
  max_output_tokens: z.optional(z.nullable(int().check(atLeast(16)))),
  /** Stable end-user identifier: up to 64 characters. */
  safety_identifier: z.optional(z.nullable(z.string().check(maxLength(64)))),
  /**
   * The WebSocket lane of this response (`transport: 'websocket'` only; not a field of
   * `POST /responses`): requests of one lane run in order, and its events echo it. 1 to 256
   * characters of `A-Za-z0-9_.-`.
   */
  stream_id: z.optional(
    z.string().check(minLength(1), maxLength(256), z.regex(/^[A-Za-z0-9_.-]+$/)),
  ),
});

/** The create params of a client of the `openai` dialect: the canonical ones and `stream_id`. */
export type OpenAICreateParams = DialectCreateParams<typeof OpenAIParamsSchema>;
