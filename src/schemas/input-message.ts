/** A message as input: the item most requests carry, so the envelope checks validate it in full. */
import * as z from 'zod/mini';
import { InputContentSchema, OutputContentSchema } from './content.js';
import { ItemStatusSchema } from './shared.js';

/**
 * A message in `input`: `{ role: 'user', content: 'Hi' }`, the content as text or parts (text,
 * images, files). `system` and `developer` messages give instructions; `assistant` messages
 * replay what the model said earlier.
 */
export const EasyInputMessageSchema = z.looseObject({
  /** `message`, or omitted. */
  type: z.optional(z.literal('message')),
  /** `user`, `assistant`, `system` or `developer`. */
  role: z.literal(['user', 'assistant', 'system', 'developer']),
  /** Text, or input parts (user, system, developer) or output parts (assistant history). */
  content: z.union([z.string(), z.array(z.union([InputContentSchema, OutputContentSchema]))]),
  /** `commentary` or `final_answer`, for assistant messages. */
  phase: z.optional(z.nullable(z.literal(['commentary', 'final_answer']))),
  /** `in_progress`, `completed` or `incomplete`. */
  status: z.optional(ItemStatusSchema),
  /** The item's ID, when replaying history. */
  id: z.optional(z.string()),
});
