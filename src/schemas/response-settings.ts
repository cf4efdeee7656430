/**
 * What a response is made of, apart from its items and tools: usage, error, text format,
 * reasoning settings, and the response's own fields as a shape over the item and tool schemas,
 * so that the full schema (response.ts) and the envelope (envelope.ts) share one definition.
 */
import * as z from 'zod/mini';
import { jsonObject, MetadataSchema, maxLength } from './shared.js';
import { ToolChoiceSchema } from './tool-choice.js';

/** Token counts of a response. */
export const ResponseUsageSchema = z.looseObject({
  /** Tokens read. */
  input_tokens: z.number(),
  /** Breakdown of the input tokens. */
  input_tokens_details: z.optional(
    z.nullable(
      z.looseObject({
        /** Tokens served from the prompt cache. */
        cached_tokens: z.optional(z.number()),
        /** Tokens written to the prompt cache. */
        cache_write_tokens: z.optional(z.number()),
      }),
    ),
  ),
  /** Tokens written. */
  output_tokens: z.number(),
  /** Breakdown of the output tokens. */
  output_tokens_details: z.optional(
    z.nullable(
      z.looseObject({
        /** Tokens spent reasoning. */
        reasoning_tokens: z.optional(z.number()),
      }),
    ),
  ),
  /** Input plus output tokens. */
  total_tokens: z.optional(z.number()),
});
/**
 * The tokens a response used: `input_tokens` (with how many came from the prompt cache),
 * `output_tokens` (with how many were reasoning) and `total_tokens`. Some servers leave parts out.
 */
export type ResponseUsage = z.infer<typeof ResponseUsageSchema>;

/** Why a response failed. */
export const ResponseErrorSchema = z.looseObject({
  /** A code like `server_error`, `rate_limit_exceeded` or `invalid_prompt`. */
  code: z.optional(z.nullable(z.string())),
  /** What went wrong. */
  message: z.string(),
  /** The error type, where the server sends one. */
  type: z.optional(z.nullable(z.string())),
  /** The parameter at fault, where the server names one. */
  param: z.optional(z.nullable(z.string())),
});
/**
 * Why a response failed (`response.error`, set when `status` is `failed`): the server's `code`
 * and `message`. A stream that ends this way makes `finalResponse()` reject with `StreamError`.
 */
export type ResponseError = z.infer<typeof ResponseErrorSchema>;

/** The three formats, over the rules of a JSON Schema format's `name` and `description`. */
const textFormat = <Name extends z.core.$ZodType, Description extends z.core.$ZodType>(
  name: Name,
  description: Description,
) =>
  z.union([
    z.looseObject({ type: z.literal('text') }),
    z.looseObject({ type: z.literal('json_object') }),
    z.looseObject({
      type: z.literal('json_schema'),
      /** The format's name (letters, digits, `_` and `-`, up to 64). */
      name,
      /** The JSON Schema the output must follow. */
      schema: jsonObject(),
      /** What the format is for, for the model. */
      description,
      /** Follow the schema exactly. */
      strict: z.optional(z.nullable(z.boolean())),
    }),
  ]);
/** Text settings over a format schema. */
const textConfig = <Format extends z.core.$ZodType>(format: Format) =>
  z.looseObject({
    /** Plain text, JSON object or JSON Schema. */
    format: z.optional(format),
    /** `low`, `medium` or `high`. */
    verbosity: z.optional(z.nullable(z.literal(['low', 'medium', 'high']))),
  });

/** The format the model must write in: plain text, any JSON object, or a JSON Schema. */
export const TextFormatSchema = textFormat(z.string().check(maxLength(64)), z.optional(z.string()));
/**
 * The format the model must write in (`text.format` of a request): `{ type: 'text' }` (the
 * default), `{ type: 'json_object' }`, or `{ type: 'json_schema', name, schema, strict }` for
 * structured output. `zodTextFormat(schema, name)` builds the last from a zod schema.
 */
export type ResponseFormatTextConfig = z.infer<typeof TextFormatSchema>;

/**
 * The text settings of a request (`text`): the `format` the model writes in (plain text, JSON, or
 * a JSON Schema for structured output) and its `verbosity`.
 */
export const TextConfigSchema = textConfig(TextFormatSchema);

/**
 * The text settings as a response echoes them. Its JSON Schema format may come without `name`
 * (xAI leaves it out: corpus ruby-llm/xai-responses-with-schema-*) and with
 * `description: null` (OpenAI and Bedrock, when the request gave none: corpus
 * openllmetry/openai-responses-parse, pydantic-ai/openai-responses-native-output,
 * pydantic-ai/bedrock-responses-native-output).
 */
export const ResponseTextConfigSchema = textConfig(
  textFormat(z.optional(z.string()), z.optional(z.nullable(z.string()))),
);
/**
 * The text settings as a response echoes them (`response.text`). Looser than a request's: xAI
 * leaves out a JSON Schema format's `name`, and OpenAI and Bedrock send `description: null`
 * when the request gave none.
 */
export type ResponseTextConfig = z.infer<typeof ResponseTextConfigSchema>;

/**
 * How much a reasoning model thinks before it answers, from `none` to `max`: more effort, better
 * answers to hard questions, more reasoning tokens and time. Which values a model takes depends
 * on the model.
 */
export const ReasoningEffortSchema = z.literal([
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
]);
/**
 * The reasoning settings of a request (`reasoning`, reasoning models only): the `effort`, and a
 * `summary` of the reasoning to receive (`auto`, `concise` or `detailed`) as reasoning items and
 * summary events.
 */
export const ReasoningSchema = z.looseObject({
  /** `none`, `minimal`, `low`, `medium` (default), `high`, `xhigh` or `max`. */
  effort: z.optional(z.nullable(ReasoningEffortSchema)),
  /** Reasoning summary: `auto`, `concise` or `detailed`. */
  summary: z.optional(z.nullable(z.literal(['auto', 'concise', 'detailed']))),
  /** Deprecated alias of `summary`. */
  generate_summary: z.optional(z.nullable(z.literal(['auto', 'concise', 'detailed']))),
  /** Which turns' reasoning the model sees: `auto`, `current_turn` or `all_turns`. */
  context: z.optional(z.nullable(z.literal(['auto', 'current_turn', 'all_turns']))),
  /** Execution mode, like `standard` or `pro`. */
  mode: z.optional(z.string()),
});

/**
 * The processing tier a request asks for (`service_tier`) and the one a response was served at:
 * `auto`, `default`, `flex` (cheaper, slower), `priority`… as the server offers them.
 */
export const ServiceTierSchema = z.literal([
  'auto',
  'default',
  'flex',
  'scale',
  'priority',
  'fast',
  'ultrafast',
]);

/**
 * A prompt template stored on the server (`prompt` of a request, OpenAI): its `id`, `version`
 * and the values of its `{{variables}}`.
 */
export const PromptSchema = z.looseObject({
  /** The prompt template's ID. */
  id: z.string(),
  /** Its version. */
  version: z.optional(z.nullable(z.string())),
  /** Values for its `{{variables}}`: strings or input parts. */
  variables: z.optional(z.nullable(jsonObject())),
});

/**
 * Why a response stopped before it was done (`response.incomplete_details`, with
 * `status: 'incomplete'`): `max_output_tokens` or `content_filter`.
 */
export const IncompleteDetailsSchema = z.looseObject({
  /** `max_output_tokens` or `content_filter`. */
  reason: z.optional(z.string()),
});

/** The fields of a response object, over the schemas of its output items and tools. */
export function responseShape<Item extends z.core.$ZodType, Tool extends z.core.$ZodType>(nested: {
  item: Item;
  tool: Tool;
}) {
  return {
    /** The response's unique ID. */
    id: z.string(),
    /** Always `response`. */
    object: z.optional(z.literal('response')),
    /** When it was created (Unix seconds). */
    created_at: z.optional(z.number()),
    /** When it completed (Unix seconds). */
    completed_at: z.optional(z.nullable(z.number())),
    /** `completed`, `failed`, `in_progress`, `cancelled`, `queued` or `incomplete`. */
    status: z.optional(
      z.literal(['completed', 'failed', 'in_progress', 'cancelled', 'queued', 'incomplete']),
    ),
    /** Why it failed, when it did. */
    error: z.optional(z.nullable(ResponseErrorSchema)),
    /** Why it is incomplete, when it is. */
    incomplete_details: z.optional(z.nullable(IncompleteDetailsSchema)),
    /** The model that answered. */
    model: z.optional(z.string()),
    /** What the model produced, item by item. */
    output: z.array(nested.item),
    /** The instructions used (text, or input items from a prompt). */
    instructions: z.optional(z.nullable(z.union([z.string(), z.array(z.unknown())]))),
    /** The previous response in this conversation. */
    previous_response_id: z.optional(z.nullable(z.string())),
    /** The conversation this response belongs to. */
    conversation: z.optional(z.nullable(z.looseObject({ id: z.string() }))),
    /** The tools the model could use. */
    tools: z.optional(z.array(nested.tool)),
    /** How the model was told to pick tools. */
    tool_choice: z.optional(ToolChoiceSchema),
    /** Whether tool calls could run in parallel. */
    parallel_tool_calls: z.optional(z.boolean()),
    /** Text output settings used. */
    text: z.optional(ResponseTextConfigSchema),
    /** Reasoning settings used. */
    reasoning: z.optional(z.nullable(ReasoningSchema)),
    /** Token counts. */
    usage: z.optional(z.nullable(ResponseUsageSchema)),
    /** Sampling temperature used (0 to 2). */
    temperature: z.optional(z.nullable(z.number())),
    /** Nucleus sampling used (0 to 1). */
    top_p: z.optional(z.nullable(z.number())),
    /** Alternatives returned per token (0 to 20). */
    top_logprobs: z.optional(z.nullable(z.number())),
    /** Presence penalty used (OpenResponses). */
    presence_penalty: z.optional(z.nullable(z.number())),
    /** Frequency penalty used (OpenResponses). */
    frequency_penalty: z.optional(z.nullable(z.number())),
    /** Output token limit. */
    max_output_tokens: z.optional(z.nullable(z.number())),
    /** Limit on built-in tool calls. */
    max_tool_calls: z.optional(z.nullable(z.number())),
    /** `auto` or `disabled`. */
    truncation: z.optional(z.nullable(z.string())),
    /** Whether the response is stored. */
    store: z.optional(z.nullable(z.boolean())),
    /** Whether it ran in the background. */
    background: z.optional(z.nullable(z.boolean())),
    /** The tier that processed it. */
    service_tier: z.optional(z.nullable(z.string())),
    /** Your metadata. */
    metadata: z.optional(z.nullable(MetadataSchema)),
    /** The stored prompt used. */
    prompt: z.optional(z.nullable(PromptSchema)),
    /** Prompt cache key used. */
    prompt_cache_key: z.optional(z.nullable(z.string())),
    /** Prompt cache retention: `in_memory` or `24h`. */
    prompt_cache_retention: z.optional(z.nullable(z.string())),
    /** Prompt cache options applied. */
    prompt_cache_options: z.optional(z.nullable(z.looseObject({}))),
    /** Moderation settings and result. */
    moderation: z.optional(z.nullable(z.looseObject({}))),
    /** Stable end-user identifier for abuse detection. */
    safety_identifier: z.optional(z.nullable(z.string())),
    /** Deprecated end-user identifier. */
    user: z.optional(z.nullable(z.string())),
    /** All `output_text` parts joined, when the server computes it (the client always does). */
    output_text: z.optional(z.nullable(z.string())),
  };
}

/**
 * The body of `DELETE /responses/{id}`. Every call is marked pure so that a bundler leaves it
 * out of apps that never delete a response (this module is on everyone's path).
 */
export const ResponseDeletedSchema = /* @__PURE__ */ z.looseObject({
  /** The deleted response's ID. */
  id: /* @__PURE__ */ z.string(),
  /** `response.deleted` or `response`, as the server spells it. */
  object: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Always true. */
  deleted: /* @__PURE__ */ z.boolean(),
});
/** The answer of `client.responses.delete(id)`: the `id` and `deleted: true`. */
export type ResponseDeleted = z.infer<typeof ResponseDeletedSchema>;
