/**
 * OpenAI (and the OpenResponses spec): the limits it sets on fields every server of the
 * Responses API shares, which OpenRouter documents without. The canonical checks take what
 * any of these servers takes; the OpenAI dialect narrows them with these. On the default path.
 */
import * as z from 'zod/mini';
import { atLeast, int, maxLength } from '../shared.js';

/** OpenAI's own limits on canonical fields. */
export const OpenAIParamsSchema = z.looseObject({
  /** Output token limit: at least 16 (`CreateResponse.max_output_tokens.minimum`). */
  max_output_tokens: z.optional(z.nullable(int().check(atLeast(16)))),
  /** Stable end-user identifier: up to 64 characters. */
  safety_identifier: z.optional(z.nullable(z.string().check(maxLength(64)))),
});
