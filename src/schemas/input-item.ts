/**
 * `ResponseInputItem`: what `input` accepts. Messages (short `{ role, content }` form or full),
 * every output item sent back as history, tool outputs, item references and compaction triggers.
 */
import * as z from 'zod/mini';
import { EasyInputMessageSchema } from './input-message.js';
import {
  AdditionalToolsSchema,
  ReasoningItemSchema,
  ToolOutputSchema,
  ToolSearchOutputSchema,
} from './items.js';
import { ComputerCallOutputSchema } from './items-computer.js';
import { McpApprovalResponseSchema } from './items-hosted.js';
import { ResponseOutputItemSchema } from './output-item.js';
import { ItemStatusSchema, maxLength, minLength } from './shared.js';

/**
 * Your function's result, sent back in `input` (`type: 'function_call_output'`): the `call_id` of
 * the model's `function_call` and the `output`, as text (often JSON) or parts. The conversation
 * helper sends these for you when its tools have an `execute`.
 */
export const FunctionCallOutputParamSchema = z.looseObject({
  type: z.literal('function_call_output'),
  /** The `call_id` of the call this answers (1 to 64 characters). */
  call_id: z.string().check(minLength(1), maxLength(64)),
  /** What your function returned: text (up to 10 MB) or parts. */
  output: ToolOutputSchema,
  /** The item's ID, when replaying history. */
  id: z.optional(z.nullable(z.string())),
  /** `in_progress`, `completed` or `incomplete`. */
  status: z.optional(z.nullable(ItemStatusSchema)),
});
/**
 * Your custom tool's result, sent back in `input` (`type: 'custom_tool_call_output'`) for the
 * `call_id` of the model's `custom_tool_call`.
 */
export const CustomToolCallOutputParamSchema = z.looseObject({
  type: z.literal('custom_tool_call_output'),
  /** The `call_id` of the call this answers. */
  call_id: z.string(),
  /** What your tool returned. */
  output: ToolOutputSchema,
  /** The item's ID, when replaying history. */
  id: z.optional(z.string()),
});
/** A stored item by `id`, in `input`, in place of the item (servers that store responses). */
export const ItemReferenceSchema = z.looseObject({
  type: z.optional(z.nullable(z.literal('item_reference'))),
  /** The item's ID. */
  id: z.string(),
});
/** Ask the server to compact the context here. */
export const CompactionTriggerSchema = z.looseObject({ type: z.literal('compaction_trigger') });
/** A shell tool command's output, sent back. */
export const ShellCallOutputParamSchema = z.looseObject({
  type: z.literal('shell_call_output'),
  /** The call this answers. */
  call_id: z.string(),
  /** One entry per command: stdout, stderr, outcome. */
  output: z.array(z.looseObject({})),
});
/** The result of applying a patch, sent back. */
export const ApplyPatchCallOutputParamSchema = z.looseObject({
  type: z.literal('apply_patch_call_output'),
  /** The call this answers. */
  call_id: z.string(),
  /** `completed` or `failed`. */
  status: z.literal(['completed', 'failed']),
  /** Log output. */
  output: z.optional(z.nullable(z.string())),
});

/** An output item as `input` takes it back: the same, its `id` optional. */
const givenBack = <Item extends z.ZodMiniObject>(item: Item) =>
  z.extend(item, {
    /** The item's ID; servers take the item without it. */
    id: z.optional(z.nullable(z.string())),
  });
/**
 * Reasoning given back without its `id` (as with `store: false`), which OpenAI, Azure and xAI
 * accept (OpenResponses `ReasoningItemParam`; corpus
 * ruby-llm/openai-responses-function-calling-openai-gpt-5-nano-can-use-tools-with-multi-turn-3,
 * ruby-llm/azure-responses-responses-protocol-dialects-*-2, ruby-llm/xai-responses-function-calling-*).
 */
export const ReasoningItemParamSchema = givenBack(ReasoningItemSchema);
/**
 * A client-side tool search's output, sent without `id` (OpenAI `ToolSearchOutputItemParam`;
 * corpus pydantic-ai/openai-responses-client-tool-search-streaming-2).
 */
export const ToolSearchOutputParamSchema = givenBack(ToolSearchOutputSchema);
/**
 * Tools added to the conversation, sent without `id` (OpenAI `AdditionalToolsItemParam`; corpus
 * pydantic-ai/openai-responses-native-tool-search-with-deferred-capability-3).
 */
export const AdditionalToolsParamSchema = givenBack(AdditionalToolsSchema);
/**
 * A reasoning item sent back in `input` without its `id`, as a request with `store: false` has
 * to: carry its `encrypted_content` to keep the model's reasoning across turns. OpenAI, Azure and
 * xAI accept it so.
 */
export type ReasoningItemParam = z.infer<typeof ReasoningItemParamSchema>;
/** The output of a tool search you ran yourself, sent back in `input` (the `id` may be left out). */
export type ToolSearchOutputParam = z.infer<typeof ToolSearchOutputParamSchema>;
/** Tools added to the conversation from this point, sent back in `input` (the `id` may be left out). */
export type AdditionalToolsParam = z.infer<typeof AdditionalToolsParamSchema>;

/** Input items that only exist on the way in, and output items given back (IDs optional). */
const InputOnlyItemSchema = z.discriminatedUnion('type', [
  FunctionCallOutputParamSchema,
  CustomToolCallOutputParamSchema,
  CompactionTriggerSchema,
  ShellCallOutputParamSchema,
  ApplyPatchCallOutputParamSchema,
  ComputerCallOutputSchema,
  McpApprovalResponseSchema,
  ReasoningItemParamSchema,
  ToolSearchOutputParamSchema,
  AdditionalToolsParamSchema,
]);

/** One item of `input`. */
export const ResponseInputItemSchema = z.union([
  EasyInputMessageSchema,
  InputOnlyItemSchema,
  ResponseOutputItemSchema,
  ItemReferenceSchema,
]);
/**
 * One item of a request's `input`: a message (`{ role, content }`, the easy form), the output of
 * your function or tool (`function_call_output`…), an item the model produced earlier sent back
 * as history (messages, reasoning, function calls…), or a reference to a stored item by `id`.
 */
export type ResponseInputItem = z.input<typeof ResponseInputItemSchema>;
/**
 * A request's `input`: a string (one user message), or a list of {@link ResponseInputItem}s (the
 * conversation so far, tool outputs…).
 */
export const ResponseInputSchema = z.union([
  z.string().check(maxLength(10_485_760)),
  z.array(ResponseInputItemSchema),
]);
