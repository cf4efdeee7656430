/**
 * Karta (`POST /v1/projects/{project_ref}/responses`): a small subset of the canonical params.
 * `input` is required; the model is optional (the project's release picks one).
 */
import * as z from 'zod/mini';
import { ChatMessageSchema } from '../chat.js';
import { ResponseInputSchema } from '../input-item.js';
import { minLength } from '../shared.js';

/** The body of Karta's `POST …/responses`. */
export const KartaCreateParamsSchema = z.looseObject({
  /** The user input: text, or a list of input items. */
  input: ResponseInputSchema,
  /** Stream the response as server-sent events (default false). */
  stream: z.optional(z.nullable(z.boolean())),
  /** Continue from a prior response (maps to the Karta session). */
  previous_response_id: z.optional(z.nullable(z.string())),
  /** Pin and persist the session. */
  store: z.optional(z.nullable(z.boolean())),
  /** Override the project's model. */
  model: z.optional(z.string()),
});
export type KartaCreateParams = z.input<typeof KartaCreateParamsSchema>;

/** The body of Karta's `POST …/chat/completions`. */
export const KartaChatCompletionCreateParamsSchema = z.looseObject({
  /** The conversation so far, as `{ role, content }` items. */
  messages: z.array(ChatMessageSchema).check(minLength(1)),
  /** Override the project's model. */
  model: z.optional(z.string()),
  /** Stream chunks as server-sent events (default false). */
  stream: z.optional(z.nullable(z.boolean())),
});
export type KartaChatCompletionCreateParams = z.input<typeof KartaChatCompletionCreateParamsSchema>;
