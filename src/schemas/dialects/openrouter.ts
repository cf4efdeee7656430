/**
 * OpenRouter (OpenResponses format): the fields its `POST /responses` adds to the canonical ones
 * (routing: `models`, `provider`, `route`; `plugins`, `session_id`, `top_k`, …) and those it types
 * differently, from its Responses API reference and the spec's `ResponsesRequest`. Where the two
 * disagree the reference wins (`session_id` and `user`: at most 128 characters, not 256).
 * OpenRouter keeps no state: `previous_response_id`, `conversation` and `store: true` are refused
 * before sending. Light: loaded with the OpenRouter dialect, it imports no heavy schema module.
 */
import * as z from 'zod/mini';
import type { ResponseCreateParams } from '../create-params.js';
import { ReasoningSchema } from '../response-settings.js';
import {
  atLeast,
  atMost,
  between,
  type DialectCreateParams,
  int,
  jsonObject,
  maxLength,
  minLength,
  nullish,
} from '../shared.js';
import { OpenRouterPluginSchema, OpenRouterProviderSchema } from './openrouter-routing.js';

/** One of these strings (the error names them). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.literal(values);

/** OpenRouter's own server tools, like `{ type: 'openrouter:web_search' }`. */
export const OpenRouterServerToolSchema = z.looseObject({
  type: z.templateLiteral(['openrouter:', z.string()]),
});
/** A tool of an OpenRouter request: a server tool, or a canonical one (checked as such before). */
export type OpenRouterTool =
  | NonNullable<ResponseCreateParams['tools']>[number]
  | z.input<typeof OpenRouterServerToolSchema>;

/** A condition that stops the server-tool loop (spec StopServerToolsWhenCondition). */
const StopConditionSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('step_count_is'), step_count: int() }),
  z.looseObject({ type: z.literal('has_tool_call'), tool_name: z.string() }),
  z.looseObject({ type: z.literal('max_tokens_used'), max_tokens: int() }),
  z.looseObject({ type: z.literal('max_cost'), max_cost_in_dollars: z.number() }),
  z.looseObject({ type: z.literal('finish_reason_is'), reason: z.string() }),
]);

const stateless =
  'OpenRouter keeps no responses (its API is stateless): send the whole history in `input`';

/** The fields of OpenRouter's `POST /responses` that are its own or that it types differently. */
export const OpenRouterParamsSchema = z.looseObject({
  /** Fallback models, tried in order when `model` fails. */
  models: z.optional(z.array(z.string())),
  /** Provider routing preferences. */
  provider: nullish(OpenRouterProviderSchema),
  /** Plugins to run, with their settings. */
  plugins: z.optional(z.array(OpenRouterPluginSchema)),
  /**
   * Groups related requests (routing, observability), up to 128 characters; sent as `x-session-id`
   * too.
   */
  session_id: z.optional(z.string().check(maxLength(128))),
  /** Your end-user's id, up to 128 characters. */
  user: z.optional(z.string().check(maxLength(128))),
  /** @deprecated Use `provider.sort.partition`: `fallback` (= `model`) or `sort` (= `none`). */
  route: nullish(oneOf(['fallback', 'sort'])),
  /** Sampling temperature, 0 to 2. */
  temperature: nullish(z.number().check(between(0, 2))),
  /** Alternatives returned per token, 0 to 20. */
  top_logprobs: nullish(int().check(between(0, 20))),
  /** Presence penalty, -2 to 2. */
  presence_penalty: nullish(z.number().check(between(-2, 2))),
  /** Frequency penalty, -2 to 2. */
  frequency_penalty: nullish(z.number().check(between(-2, 2))),
  /**
   * Server-tool steps (like `openrouter:web_search`) per request: 1 to 30, the spec's default and
   * maximum.
   */
  max_tool_calls: nullish(int().check(atLeast(1), atMost(30))),
  /** Sample only from the K most likely tokens. */
  top_k: z.optional(int().check(atLeast(0))),
  /** `auto` (default), `default`, `flex`, `priority`, `scale`, or `fast` (= `priority`). */
  service_tier: nullish(oneOf(['auto', 'default', 'fast', 'flex', 'priority', 'scale'])),
  /** Extra output data: the five values OpenRouter documents. */
  include: nullish(
    z.array(
      oneOf([
        'file_search_call.results',
        'message.input_image.image_url',
        'computer_call_output.output.image_url',
        'reasoning.encrypted_content',
        'code_interpreter_call.outputs',
      ]),
    ),
  ),
  /** Reasoning settings, plus OpenRouter's `enabled` and `max_tokens`. */
  reasoning: nullish(
    z.extend(ReasoningSchema, {
      /** Turn reasoning on or off. */
      enabled: nullish(z.boolean()),
      /** Reasoning token budget. */
      max_tokens: nullish(int()),
    }),
  ),
  /** Tools, including OpenRouter's `openrouter:*` server tools. */
  tools: nullish(z.array(z.union([OpenRouterServerToolSchema, z.custom<OpenRouterTool>()]))),
  /** Output modalities: `text`, `image`. */
  modalities: z.optional(z.array(oneOf(['text', 'image']))),
  /** Provider-specific image settings, like `{ aspect_ratio: '16:9' }`. */
  image_config: z.optional(jsonObject()),
  /** Automatic prompt caching (Anthropic): `{ type: 'ephemeral', ttl? }`. */
  cache_control: z.optional(
    z.looseObject({ type: z.literal('ephemeral'), ttl: z.optional(oneOf(['5m', '1h'])) }),
  ),
  /** Trace metadata for observability (`trace_id`, `trace_name`, `span_name`, …). */
  trace: z.optional(
    z.looseObject({
      trace_id: z.optional(z.string()),
      trace_name: z.optional(z.string()),
      span_name: z.optional(z.string()),
      generation_name: z.optional(z.string()),
      parent_span_id: z.optional(z.string()),
    }),
  ),
  /** Debug options (streaming only): `echo_upstream_body`. */
  debug: z.optional(z.looseObject({ echo_upstream_body: z.optional(z.boolean()) })),
  /** Stop conditions of the server-tool loop (any one stops it); overrides `max_tool_calls`. */
  stop_server_tools_when: z.optional(z.array(StopConditionSchema).check(minLength(1))),
  /** Not supported: OpenRouter keeps no responses. */
  previous_response_id: nullish(z.never(`${stateless}, not previous_response_id`)),
  /** Not supported: OpenRouter keeps no conversations. */
  conversation: nullish(z.never(`${stateless}, not a conversation`)),
  /** Only `false` (the default): OpenRouter stores nothing. */
  store: nullish(z.literal(false, 'OpenRouter stores no responses: store may only be false')),
});

/** What a client speaking OpenRouter accepts: the canonical params, with OpenRouter's fields. */
export type OpenRouterCreateParams = DialectCreateParams<typeof OpenRouterParamsSchema>;

/**
 * The fields of OpenRouter's `POST /chat/completions` (spec ChatRequest) that are its own or
 * that it types more narrowly than the canonical chat params. The rest is OpenAI's.
 */
export const OpenRouterChatParamsSchema = z.looseObject({
  /** Fallback models, tried in order when `model` fails. */
  models: z.optional(z.array(z.string())),
  /** Provider routing preferences. */
  provider: nullish(OpenRouterProviderSchema),
  /** Plugins to run, with their settings. */
  plugins: z.optional(z.array(OpenRouterPluginSchema)),
  /** Groups related requests (routing, observability), up to 256 characters. */
  session_id: z.optional(z.string().check(maxLength(256))),
  /** @deprecated Use `provider.sort.partition`: `fallback` (= `model`) or `sort` (= `none`). */
  route: nullish(oneOf(['fallback', 'sort'])),
  /** Sample only from the K most likely tokens. */
  top_k: nullish(int()),
  /** Output modalities: `text`, `image`, `audio`. */
  modalities: z.optional(z.array(oneOf(['text', 'image', 'audio']))),
  /** Reasoning settings: `effort` (`none` turns it off) and `summary`. */
  reasoning: z.optional(
    z.looseObject({
      effort: nullish(oneOf(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none'])),
      summary: nullish(oneOf(['auto', 'concise', 'detailed'])),
    }),
  ),
});
