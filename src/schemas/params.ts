/**
 * `ResponseCreateParams`: every field of `CreateResponse` (OpenAI) and `CreateResponseBody`
 * (OpenResponses), each with its documented range or enum.
 */
import * as z from 'zod/mini';
import {
  PromptSchema,
  ReasoningSchema,
  ServiceTierSchema,
  TextConfigSchema,
} from './response-settings.js';
import { atLeast, between, int, MetadataSchema } from './shared.js';
import { ToolChoiceSchema } from './tool-choice.js';

/**
 * Extra data a response leaves out unless asked (`include` of a request): search results, image
 * URLs, code interpreter outputs, log probabilities, and `reasoning.encrypted_content` (the
 * reasoning to send back with `store: false`).
 */
export const IncludeSchema = z.literal([
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'code_interpreter_call.outputs',
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
]);

/** The shape of `POST /responses`, shared by every dialect's params. */
/**
 * The fields of a create request, over the schemas of its input items and tools, so that the full
 * schema (create-params.ts) and the envelope (envelope.ts) share one definition of every field.
 */
export function createParamsShape<
  Input extends z.core.$ZodType,
  Tool extends z.core.$ZodType,
>(nested: { input: Input; tool: Tool }) {
  return {
    /** The model, like `gpt-5` or `o3`. */
    model: z.optional(z.string()),
    /** Text, or a list of items (messages, tool outputs, earlier output items). */
    input: z.optional(z.nullable(nested.input)),
    /** A system (developer) message placed before the input. */
    instructions: z.optional(z.nullable(z.string())),
    /** Stream the response as server-sent events. */
    stream: z.optional(z.nullable(z.boolean())),
    /** Stream settings: `include_obfuscation`. */
    stream_options: z.optional(
      z.nullable(z.looseObject({ include_obfuscation: z.optional(z.boolean()) })),
    ),
    /** Continue from this response (not with `conversation`). */
    previous_response_id: z.optional(z.nullable(z.string())),
    /** The conversation to add this response to: an ID or `{ id }`. */
    conversation: z.optional(z.nullable(z.union([z.string(), z.looseObject({ id: z.string() })]))),
    /** Tools the model may call. */
    tools: z.optional(z.nullable(z.array(nested.tool))),
    /** How the model picks tools. */
    tool_choice: z.optional(z.nullable(ToolChoiceSchema)),
    /** Allow tool calls in parallel (default true). */
    parallel_tool_calls: z.optional(z.nullable(z.boolean())),
    /** Limit on built-in tool calls (at least 1). */
    max_tool_calls: z.optional(z.nullable(int().check(atLeast(1)))),
    /** Text output settings: `format` (text, JSON object, JSON Schema) and `verbosity`. */
    text: z.optional(z.nullable(TextConfigSchema)),
    /** Reasoning settings: `effort`, `summary`. */
    reasoning: z.optional(z.nullable(ReasoningSchema)),
    /** Output token limit (OpenAI asks for at least 16; OpenRouter for at least 1). */
    max_output_tokens: z.optional(z.nullable(int().check(atLeast(1)))),
    /** Sampling temperature, 0 to 2 (default 1). */
    temperature: z.optional(z.nullable(z.number().check(between(0, 2)))),
    /** Nucleus sampling, 0 to 1 (default 1). */
    top_p: z.optional(z.nullable(z.number().check(between(0, 1)))),
    /** Alternatives returned per token, 0 to 20. */
    top_logprobs: z.optional(z.nullable(int().check(between(0, 20)))),
    /** Presence penalty, -2 to 2 (OpenResponses). */
    presence_penalty: z.optional(z.nullable(z.number().check(between(-2, 2)))),
    /** Frequency penalty, -2 to 2 (OpenResponses). */
    frequency_penalty: z.optional(z.nullable(z.number().check(between(-2, 2)))),
    /** `auto` (drop early items to fit) or `disabled` (default: fail). */
    truncation: z.optional(z.nullable(z.literal(['auto', 'disabled']))),
    /** Extra data to include in the response. */
    include: z.optional(z.nullable(z.array(IncludeSchema))),
    /** Store the response for later retrieval (default true on OpenAI). */
    store: z.optional(z.nullable(z.boolean())),
    /** Run in the background; poll or stream it later. */
    background: z.optional(z.nullable(z.boolean())),
    /** Up to 16 key-value pairs (keys ≤ 64, values ≤ 512 characters). */
    metadata: z.optional(z.nullable(MetadataSchema)),
    /** A stored prompt template and its variables. */
    prompt: z.optional(z.nullable(PromptSchema)),
    /** Key for prompt cache hits across similar requests. */
    prompt_cache_key: z.optional(z.nullable(z.string())),
    /** Prompt cache retention: `in_memory` or `24h`. */
    prompt_cache_retention: z.optional(z.nullable(z.literal(['in_memory', '24h']))),
    /** Prompt caching: `ttl` and `mode` (`implicit` or `explicit`). */
    prompt_cache_options: z.optional(
      z.looseObject({ ttl: z.optional(z.string()), mode: z.optional(z.string()) }),
    ),
    /** Stable end-user identifier for abuse detection (up to 64 characters on OpenAI). */
    safety_identifier: z.optional(z.nullable(z.string())),
    /** Deprecated end-user identifier: use `safety_identifier` and `prompt_cache_key`. */
    user: z.optional(z.string()),
    /** Processing tier: `auto`, `default`, `flex`, `scale`, `priority`, … */
    service_tier: z.optional(z.nullable(ServiceTierSchema)),
    /** Moderation of input and output: `{ model, policy }`. */
    moderation: z.optional(z.nullable(z.looseObject({ model: z.string() }))),
    /** Context management entries, like `{ type: 'compaction', compact_threshold }`. */
    context_management: z.optional(
      z.nullable(
        z.array(
          z.looseObject({
            /** Currently only `compaction`. */
            type: z.string(),
            /** Token count that triggers compaction (at least 1000). */
            compact_threshold: z.optional(z.nullable(int().check(atLeast(1000)))),
          }),
        ),
      ),
    ),
  };
}
