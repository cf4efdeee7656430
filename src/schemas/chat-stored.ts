/**
 * Stored chat completions (those created with `store: true`): the list (`GET /chat/completions`),
 * update (`POST /chat/completions/{id}`), delete, and the messages of one completion.
 * Retrieve and update return a `ChatCompletion` (chat.ts).
 */
import * as z from 'zod/mini';
import { ChatCompletionSchema } from './chat.js';
import { atLeast, int, MetadataSchema } from './shared.js';

/** The query of `GET /chat/completions`. */
export const ChatCompletionListParamsSchema = z.looseObject({
  /** List completions after this completion ID. */
  after: z.optional(z.string()),
  /** Completions per page (default 20). */
  limit: z.optional(int().check(atLeast(1))),
  /** Only the completions whose metadata has these pairs (`metadata[key]=value`). */
  metadata: z.optional(z.nullable(MetadataSchema)),
  /** Only the completions of this model. */
  model: z.optional(z.string()),
  /** `asc` (the default: oldest first) or `desc`, by creation time. */
  order: z.optional(z.literal(['asc', 'desc'])),
});
/**
 * The query of `client.chat.completions.list(params)`: filters (`model`, `metadata` pairs), page
 * size (`limit`), `order` and the cursor (`after`). The list walks every page for you.
 */
export type ChatCompletionListParams = z.input<typeof ChatCompletionListParamsSchema>;

/** One page of `GET /chat/completions`. */
export const ChatCompletionListSchema = z.looseObject({
  /** Always `list`. */
  object: z.optional(z.literal('list')),
  /** The stored completions of this page. */
  data: z.array(ChatCompletionSchema),
  /** Whether more pages follow. */
  has_more: z.boolean(),
  /** The first completion's ID. */
  first_id: z.optional(z.nullable(z.string())),
  /** The last completion's ID: pass it as `after` for the next page. */
  last_id: z.optional(z.nullable(z.string())),
});
/**
 * One page of stored chat completions (`GET /chat/completions`): the completions in `data`, and
 * `has_more` / `last_id` for the next page. `chat.completions.list()` reads the pages for you.
 */
export type ChatCompletionList = z.infer<typeof ChatCompletionListSchema>;

/** The body of `POST /chat/completions/{id}`. */
export const ChatCompletionUpdateParamsSchema = z.looseObject({
  /** The completion's new metadata: up to 16 string pairs (`null` clears it). */
  metadata: z.nullable(MetadataSchema),
});
/** What `client.chat.completions.update(id, params)` sends: the completion's new `metadata`. */
export type ChatCompletionUpdateParams = z.input<typeof ChatCompletionUpdateParamsSchema>;

/** What `DELETE /chat/completions/{id}` returns. */
export const ChatCompletionDeletedSchema = z.looseObject({
  /** The deleted completion's ID. */
  id: z.string(),
  /** Always `chat.completion.deleted`. */
  object: z.optional(z.literal('chat.completion.deleted')),
  /** Whether it was deleted. */
  deleted: z.boolean(),
});
/** The answer of `client.chat.completions.delete(id)`: the completion's `id` and `deleted: true`. */
export type ChatCompletionDeleted = z.infer<typeof ChatCompletionDeletedSchema>;

/** The query of `GET /chat/completions/{id}/messages`. */
export const ChatCompletionMessageListParamsSchema = z.looseObject({
  /** List messages after this message ID. */
  after: z.optional(z.string()),
  /** Messages per page (default 20). */
  limit: z.optional(int().check(atLeast(1))),
  /** `asc` (the default) or `desc`. */
  order: z.optional(z.literal(['asc', 'desc'])),
});
/**
 * The query of `client.chat.completions.messages.list(id, params)`: page size (`limit`), `order`
 * and the cursor (`after`). The list walks every page for you.
 */
export type ChatCompletionMessageListParams = z.input<typeof ChatCompletionMessageListParamsSchema>;

/** A content part of a stored message: text, or an image. */
const StoredContentPartSchema = z.looseObject({
  /** `text` or `image_url`. */
  type: z.string(),
  /** The text of a `text` part. */
  text: z.optional(z.string()),
  /** The image of an `image_url` part: its `url` and `detail`. */
  image_url: z.optional(z.looseObject({ url: z.string(), detail: z.optional(z.string()) })),
});

/** A message of a stored chat completion: the request's messages, as the server keeps them. */
export const ChatCompletionStoreMessageSchema = z.looseObject({
  /** The message's ID. */
  id: z.string(),
  /** Who wrote it: `user`, `system`, `developer`, `assistant`, `tool`. */
  role: z.optional(z.string()),
  /** The text (`null` for an assistant message that only calls tools). */
  content: z.optional(z.nullable(z.string())),
  /** The parts, when the message was sent as parts (text and images); `null` otherwise. */
  content_parts: z.optional(z.nullable(z.array(StoredContentPartSchema))),
  /** A participant's name. */
  name: z.optional(z.nullable(z.string())),
  /** A refusal, if the model declined. */
  refusal: z.optional(z.nullable(z.string())),
  /** Tool calls made by the assistant. */
  tool_calls: z.optional(z.nullable(z.array(z.looseObject({ id: z.string(), type: z.string() })))),
  /** URL citations of a web search. */
  annotations: z.optional(z.nullable(z.array(z.looseObject({ type: z.string() })))),
  /** The deprecated function call of an assistant message. */
  function_call: z.optional(z.nullable(z.looseObject({ name: z.string(), arguments: z.string() }))),
  /** The audio answer, when audio output was asked for. */
  audio: z.optional(z.nullable(z.looseObject({ id: z.string() }))),
});
/**
 * A message of a stored chat completion (`client.chat.completions.messages.list(id)` yields
 * them): its `id`, `role` and `content` (with `content_parts` when it was sent as parts).
 */
export type ChatCompletionStoreMessage = z.infer<typeof ChatCompletionStoreMessageSchema>;

/** One page of `GET /chat/completions/{id}/messages`. */
export const ChatCompletionMessageListSchema = z.looseObject({
  /** Always `list`. */
  object: z.optional(z.literal('list')),
  /** The messages of this page. */
  data: z.array(ChatCompletionStoreMessageSchema),
  /** Whether more pages follow. */
  has_more: z.boolean(),
  /** The first message's ID. */
  first_id: z.optional(z.nullable(z.string())),
  /** The last message's ID: pass it as `after` for the next page. */
  last_id: z.optional(z.nullable(z.string())),
});
/**
 * One page of a stored completion's messages (`GET /chat/completions/{id}/messages`).
 * `chat.completions.messages.list(id)` reads the pages for you and yields the messages.
 */
export type ChatCompletionMessageList = z.infer<typeof ChatCompletionMessageListSchema>;
