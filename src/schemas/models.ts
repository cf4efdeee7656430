/** `GET /models`, `GET /models/{model}` and `DELETE /models/{model}`: the models a server offers. */
import * as z from 'zod/mini';

/** A model the server offers. */
export const ModelSchema = z.looseObject({
  /** The model's ID, to pass as `model`. */
  id: z.string(),
  /** Always `model`. */
  object: z.optional(z.string()),
  /** When it was created (Unix seconds). */
  created: z.optional(z.nullable(z.number())),
  /** Who owns it. */
  owned_by: z.optional(z.nullable(z.string())),
  /** When it shuts down (a date), if announced. */
  shutdown_date: z.optional(z.nullable(z.string())),
});
/**
 * A model the server offers (`client.models.list()`, `client.models.retrieve(id)`): its `id`, to
 * pass as `model`, and its owner and creation time where the server says. Of the built-in
 * dialects, `openai`, `openrouter` and `gateway` list models; the others have no `client.models`.
 */
export type Model = z.infer<typeof ModelSchema>;

/** The body of `GET /models`. */
export const ModelsPageSchema = z.looseObject({
  /** Always `list`. */
  object: z.optional(z.string()),
  /** The models. */
  data: z.array(ModelSchema),
});
/**
 * The body of `GET /models`: the models in `data`. `client.models.list()` gives it, and iterating
 * it yields each model.
 */
export type ModelsPage = z.infer<typeof ModelsPageSchema>;

/** What `DELETE /models/{model}` returns. */
export const ModelDeletedSchema = z.looseObject({
  /** The deleted model's ID. */
  id: z.string(),
  /** Always `model`. */
  object: z.optional(z.string()),
  /** Whether it was deleted. */
  deleted: z.boolean(),
});
/**
 * The answer of `client.models.delete(id)` (a fine-tuned model of your organization): the
 * model's `id` and `deleted: true`. OpenAI only.
 */
export type ModelDeleted = z.infer<typeof ModelDeletedSchema>;
