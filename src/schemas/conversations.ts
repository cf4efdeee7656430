/**
 * The Conversations API: a conversation (`POST /conversations`, retrieve, update, delete) and the
 * items it holds (`/conversations/{id}/items`: add, list, retrieve, delete). Its items are the
 * items of a response (what the model said and did) and of its input (the user's messages, the
 * outputs of tools).
 */
import * as z from 'zod/mini';
import { InputContentSchema, OutputContentSchema } from './content.js';
import { ResponseInputItemSchema } from './input-item.js';
import { ResponseOutputItemSchema } from './output-item.js';
import { IncludeSchema } from './params.js';
import { between, ItemStatusSchema, int, MetadataSchema, maxLength } from './shared.js';

/** A conversation the server keeps (`ConversationResource` in OpenAI's spec). */
export const ConversationResourceSchema = z.looseObject({
  /** The conversation's ID (`conv_…`): pass it as `conversation` to `responses.create`. */
  id: z.string(),
  /** Always `conversation`. */
  object: z.optional(z.literal('conversation')),
  /** Up to 16 string pairs of your own. */
  metadata: z.optional(z.nullable(MetadataSchema)),
  /** When it was created (Unix seconds). */
  created_at: z.optional(z.number()),
});
/**
 * A conversation the server keeps (`client.conversations.create()`): its `id`, to pass to
 * `client.conversation({ model, conversation: id })` or as `conversation` to `responses.create`,
 * and its `metadata`. OpenAI only.
 */
export type ConversationResource = z.infer<typeof ConversationResourceSchema>;

/** What `DELETE /conversations/{id}` returns. */
export const ConversationDeletedResourceSchema = z.looseObject({
  /** The deleted conversation's ID. */
  id: z.string(),
  /** Always `conversation.deleted`. */
  object: z.optional(z.literal('conversation.deleted')),
  /** Whether it was deleted. */
  deleted: z.boolean(),
});
/** The answer of `client.conversations.delete(id)`: the conversation's `id` and `deleted: true`. */
export type ConversationDeletedResource = z.infer<typeof ConversationDeletedResourceSchema>;

/** A message as a conversation stores it (`Message` in OpenAI's spec), whoever wrote it. */
export const ConversationMessageSchema = z.looseObject({
  /** Always `message`. */
  type: z.literal('message'),
  /** The message's ID. */
  id: z.string(),
  /** `in_progress`, `completed` or `incomplete`. */
  status: z.optional(ItemStatusSchema),
  /** Who wrote it: `user`, `assistant`, `system`, `developer`, `tool`… */
  role: z.literal([
    'unknown',
    'user',
    'assistant',
    'system',
    'critic',
    'discriminator',
    'developer',
    'tool',
  ]),
  /** Its parts: input parts (text, images, files) or output parts (text, refusals…). */
  content: z.array(z.union([InputContentSchema, OutputContentSchema])),
  /** `commentary` or `final_answer`, on an assistant's message. */
  phase: z.optional(z.nullable(z.literal(['commentary', 'final_answer']))),
});
/**
 * A message of a conversation, as the server stores it: the user's, the model's or the
 * instructions' (`role`), with its `id` and content parts.
 */
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

/**
 * An item a conversation holds: one of the 28 types of a response's `output` (the model's
 * messages, its calls and their outputs, reasoning…), or a message of any role.
 */
export const ConversationItemSchema = z.union([
  ResponseOutputItemSchema,
  ConversationMessageSchema,
]);
/**
 * An item of a conversation (`client.conversations.items.list(id)` yields them): narrow it on
 * `type` (`message`, `function_call`, `reasoning`…) as a response's output items.
 */
export type ConversationItem = z.infer<typeof ConversationItemSchema>;

/** A page of `GET /conversations/{id}/items`, and what adding items returns. */
export const ConversationItemListSchema = z.looseObject({
  /** Always `list`. */
  object: z.optional(z.literal('list')),
  /** The items of this page. */
  data: z.array(ConversationItemSchema),
  /** Whether more pages follow. */
  has_more: z.boolean(),
  /** The first item's ID. */
  first_id: z.optional(z.nullable(z.string())),
  /** The last item's ID: pass it as `after` for the next page. */
  last_id: z.optional(z.nullable(z.string())),
});
/**
 * One page of a conversation's items (`GET /conversations/{id}/items`), and the items
 * `conversations.items.create()` added: the items in `data`, `has_more` and `last_id` for the next
 * page. `conversations.items.list()` reads the pages for you and yields the items one by one.
 */
export type ConversationItemList = z.infer<typeof ConversationItemListSchema>;

/** Up to 20 input items: what a conversation starts with, or what is added to it. */
const addedItems = () => z.array(ResponseInputItemSchema).check(maxLength(20));

/** The body of `POST /conversations`. */
export const ConversationCreateParamsSchema = z.looseObject({
  /** Up to 20 items the conversation starts with (messages, tool outputs…). */
  items: z.optional(z.nullable(addedItems())),
  /** Up to 16 string pairs of your own (keys ≤ 64, values ≤ 512 characters). */
  metadata: z.optional(z.nullable(MetadataSchema)),
});
/**
 * What `client.conversations.create(params)` sends: the `items` the conversation starts with (up
 * to 20) and your `metadata`; both may be left out.
 */
export type ConversationCreateParams = z.input<typeof ConversationCreateParamsSchema>;

/** The body of `POST /conversations/{id}`. */
export const ConversationUpdateParamsSchema = z.looseObject({
  /** The conversation's new metadata: up to 16 string pairs (`null` clears it). */
  metadata: z.nullable(MetadataSchema),
});
/** What `client.conversations.update(id, params)` sends: the conversation's new `metadata`. */
export type ConversationUpdateParams = z.input<typeof ConversationUpdateParamsSchema>;

/** The body of `POST /conversations/{id}/items`, and its `include` query. */
export const ConversationItemCreateParamsSchema = z.looseObject({
  /** The items to add, up to 20 at a time. */
  items: addedItems(),
  /** Extra data to include in the items returned (sent in the query). */
  include: z.optional(z.array(IncludeSchema)),
});
/**
 * What `client.conversations.items.create(id, params)` sends: the `items` to add (up to 20), and
 * `include` to have the items returned carry more (sent in the query string).
 */
export type ConversationItemCreateParams = z.input<typeof ConversationItemCreateParamsSchema>;

/** The query of `GET /conversations/{id}/items`. */
export const ConversationItemListParamsSchema = z.looseObject({
  /** List items after this item ID. */
  after: z.optional(z.string()),
  /** Items per page, 1 to 100 (default 20). */
  limit: z.optional(int().check(between(1, 100))),
  /** `asc` or `desc` (the default: newest first). */
  order: z.optional(z.literal(['asc', 'desc'])),
  /** Extra data to include in each item. */
  include: z.optional(z.array(IncludeSchema)),
});
/**
 * The query of `client.conversations.items.list(id, params)`: page size (`limit`), `order`, the
 * cursor (`after`) and `include`. The list walks every page for you; these shape each request.
 */
export type ConversationItemListParams = z.input<typeof ConversationItemListParamsSchema>;

/** The query of `GET /conversations/{id}/items/{item_id}`. */
export const ConversationItemRetrieveParamsSchema = z.looseObject({
  /** Extra data to include in the item. */
  include: z.optional(z.array(IncludeSchema)),
});
/** The query of `client.conversations.items.retrieve(id, itemId, params)`: `include`. */
export type ConversationItemRetrieveParams = z.input<typeof ConversationItemRetrieveParamsSchema>;
