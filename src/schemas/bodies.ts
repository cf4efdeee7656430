/**
 * Bodies of the other Responses endpoints: retrieve query, delete, input items pages, compact
 * and input_tokens. Retrieve and cancel return a `Response` (response.ts).
 */
import * as z from 'zod/mini';
import { responseCreateShape } from './create-params.js';
import { ResponseInputItemSchema, ResponseInputSchema } from './input-item.js';
import { ResponseOutputItemSchema } from './output-item.js';
import { IncludeSchema } from './params.js';
import { ResponseUsageSchema } from './response-settings.js';
import { atLeast, between, int, maxLength } from './shared.js';

/** Query of `GET /responses/{id}`. */
export const ResponseRetrieveParamsSchema = z.looseObject({
  /** Stream the response's events instead of returning the object. */
  stream: z.optional(z.boolean()),
  /** Resume a stream after this sequence number. */
  starting_after: z.optional(int().check(atLeast(0))),
  /** Extra data to include. */
  include: z.optional(z.array(IncludeSchema)),
  /** Include obfuscation padding in streamed deltas. */
  include_obfuscation: z.optional(z.boolean()),
});
/**
 * The query of `client.responses.retrieve(id, params)`: `include` to add fields the stored
 * response leaves out by default, and `stream` + `starting_after` to replay its events after a
 * sequence number (the way to resume a background response's stream). Of the built-in dialects,
 * only `openai` stores responses and has `retrieve`.
 */
export type ResponseRetrieveParams = z.input<typeof ResponseRetrieveParamsSchema>;

/** Query of `GET /responses/{id}/input_items`. */
export const InputItemListParamsSchema = z.looseObject({
  /** List items after this item ID. */
  after: z.optional(z.string()),
  /** Items per page, 1 to 100 (default 20). */
  limit: z.optional(int().check(between(1, 100))),
  /** `asc` or `desc` (default). */
  order: z.optional(z.literal(['asc', 'desc'])),
  /** Extra data to include. */
  include: z.optional(z.array(IncludeSchema)),
});
/**
 * The query of `client.responses.inputItems.list(id, params)`: page size (`limit`), `order`,
 * the cursor (`after`) and `include`. The list walks every page for you; these only shape each
 * request.
 */
export type InputItemListParams = z.input<typeof InputItemListParamsSchema>;

/**
 * An item of a stored conversation, as the server gives it back: an output item, or an input
 * item (a user's message, a tool's output…). Input item pages and compactions are lists of these.
 */
export const ResponseItemSchema = z.union([ResponseOutputItemSchema, ResponseInputItemSchema]);

/** One page of `GET /responses/{id}/input_items`. */
export const ResponseItemListSchema = z.looseObject({
  /** Always `list`. */
  object: z.optional(z.literal('list')),
  /** The items of this page: input messages and every item type. */
  data: z.array(ResponseItemSchema),
  /** Whether more pages follow. */
  has_more: z.boolean(),
  /** The first item's ID. */
  first_id: z.optional(z.nullable(z.string())),
  /** The last item's ID: pass it as `after` for the next page. */
  last_id: z.optional(z.nullable(z.string())),
});
/**
 * One page of a stored response's input items (`GET /responses/{id}/input_items`): the items in
 * `data`, and `has_more` / `last_id` to ask for the next page. `inputItems.list()` reads these
 * pages for you and yields the items one by one.
 */
export type ResponseItemList = z.infer<typeof ResponseItemListSchema>;

/** The body of `POST /responses/compact`. */
export const ResponseCompactParamsSchema = z.looseObject({
  /** The model that compacts. */
  model: z.string(),
  /** The conversation to compact: text or items. */
  input: z.optional(z.nullable(ResponseInputSchema)),
  /** Compact the conversation ending at this response. */
  previous_response_id: z.optional(z.nullable(z.string())),
  /** Instructions for the compaction. */
  instructions: z.optional(z.nullable(z.string())),
  /** Prompt cache key (up to 64 characters). */
  prompt_cache_key: z.optional(z.nullable(z.string().check(maxLength(64)))),
});
/**
 * What `client.responses.compact(params)` sends: a model and the conversation (`input` and/or
 * `previous_response_id`) to shrink into fewer items. OpenAI only.
 */
export type ResponseCompactParams = z.input<typeof ResponseCompactParamsSchema>;

/** What `POST /responses/compact` returns. */
export const CompactedResponseSchema = z.looseObject({
  /** The compaction's ID. */
  id: z.string(),
  /** Always `response.compaction`. */
  object: z.optional(z.literal('response.compaction')),
  /** The compacted items (the user's messages kept, a compaction item for the rest): send them as `input` next time. */
  output: z.array(ResponseItemSchema),
  /** When it was created (Unix seconds). */
  created_at: z.optional(z.number()),
  /** Token counts. */
  usage: z.optional(z.nullable(ResponseUsageSchema)),
});
/**
 * The answer of `client.responses.compact()`: the conversation in fewer items (`output`), to send
 * as `input` on the next turn in place of the history it replaces, and its token `usage`.
 */
export type CompactedResponse = z.infer<typeof CompactedResponseSchema>;

const { stream: _stream, stream_options: _streamOptions, ...countShape } = responseCreateShape;
/** The body of `POST /responses/input_tokens`: a create request, minus streaming. */
export const InputTokenCountParamsSchema = z.looseObject(countShape);
/**
 * What `client.responses.inputTokens.count(params)` sends: a create request (minus `stream`), to
 * learn how many input tokens it would use before sending it. OpenAI only.
 */
export type InputTokenCountParams = z.input<typeof InputTokenCountParamsSchema>;

/** What `POST /responses/input_tokens` returns. */
export const InputTokenCountSchema = z.looseObject({
  /** Always `response.input_tokens`. */
  object: z.optional(z.literal('response.input_tokens')),
  /** How many input tokens the request would use. */
  input_tokens: z.number(),
});
/**
 * The answer of `client.responses.inputTokens.count()`: `input_tokens`, the number of tokens the
 * request's input would use.
 */
export type InputTokenCount = z.infer<typeof InputTokenCountSchema>;
