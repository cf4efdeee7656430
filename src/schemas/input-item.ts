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

/** Your function's output, sent back for a `function_call`. */
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
/** Your custom tool's output. */
export const CustomToolCallOutputParamSchema = z.looseObject({
  type: z.literal('custom_tool_call_output'),
  /** The `call_id` of the call this answers. */
  call_id: z.string(),
  /** What your tool returned. */
  output: ToolOutputSchema,
  /** The item's ID, when replaying history. */
  id: z.optional(z.string()),
});
/** Another item, by ID. */
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
export type ResponseInputItem = z.input<typeof ResponseInputItemSchema>;
/** `input`: text, or a list of items. */
export const ResponseInputSchema = z.union([
  z.string().check(maxLength(10_485_760)),
  z.array(ResponseInputItemSchema),
]);
