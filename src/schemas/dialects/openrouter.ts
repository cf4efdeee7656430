/**
 * OpenRouter (OpenResponses format): the fields its `POST /responses` adds to the canonical ones
 * (routing: `models`, `provider`, `route`; `plugins`, `session_id`, `top_k`, …) and those it
 * types differently, from seed 004 and the spec's `ResponsesRequest`. Where the two disagree the
 * seed wins (`session_id` and `user`: at most 128 characters, not 256). OpenRouter keeps no
 * state: `previous_response_id`, `conversation` and `store: true` are refused before sending.
 * Light: loaded with the OpenRouter dialect, it imports no heavy schema module.
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
} from '../shared.js';

const optional = <T extends z.core.$ZodType>(schema: T) => z.optional(z.nullable(schema));
/** One of these strings (the error names them). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.literal(values);
const slugs = () => optional(z.array(z.string()));
const patterns = () =>
  z.optional(z.array(z.string().check(maxLength(1024))).check(maxLength(1024)));

const cutoff = () => optional(z.number());
/** A latency or throughput preference: one number (p50) or a cutoff per percentile. */
const percentiles = () =>
  optional(
    z.union([
      z.number(),
      z.looseObject({ p50: cutoff(), p75: cutoff(), p90: cutoff(), p99: cutoff() }),
    ]),
  );

const sortBy = oneOf(['price', 'throughput', 'latency', 'exacto']);
const low = ['int4', 'int8', 'fp4', 'mxfp4', 'nvfp4', 'fp6', 'fp8', 'mxfp8'] as const;
const quantization = oneOf([...low, 'fp16', 'bf16', 'fp32', 'unknown']);
const price = () => z.optional(z.union([z.string(), z.number()]));

/** How OpenRouter picks among the providers serving a model (spec ProviderPreferences). */
export const OpenRouterProviderSchema = z.looseObject({
  /** Use backup providers when the first is unavailable (default true). */
  allow_fallbacks: optional(z.boolean()),
  /** `deny`: only providers that do not store your data; `allow` (default). */
  data_collection: optional(oneOf(['deny', 'allow'])),
  /** Only models whose author allows text distillation. */
  enforce_distillable_text: optional(z.boolean()),
  /** Provider slugs to try, in order. */
  order: slugs(),
  /** Only these providers. */
  only: slugs(),
  /** Never these providers. */
  ignore: slugs(),
  /** Quantization levels allowed. */
  quantizations: optional(z.array(quantization)),
  /** Only providers that support every parameter of the request. */
  require_parameters: optional(z.boolean()),
  /** Sort providers by `price`, `throughput`, `latency` or `exacto`, or `{ by, partition }`. */
  sort: optional(
    z.union(
      [
        sortBy,
        z.looseObject({
          /** What to sort by. */
          by: optional(sortBy),
          /** `model` (default): fallback models stay fallbacks; `none`: sort all endpoints together. */
          partition: optional(oneOf(['model', 'none'])),
        }),
      ],
      'expected price, throughput, latency, exacto or { by, partition }',
    ),
  ),
  /** Only zero-data-retention endpoints. */
  zdr: optional(z.boolean()),
  /** Highest price you accept, in USD per million tokens (`prompt`, `completion`) or per unit. */
  max_price: z.optional(
    z.looseObject({
      prompt: price(),
      completion: price(),
      image: price(),
      audio: price(),
      request: price(),
    }),
  ),
  /** Preferred highest latency in seconds; slower endpoints are deprioritized. */
  preferred_max_latency: percentiles(),
  /** Preferred lowest throughput in tokens per second; slower endpoints are deprioritized. */
  preferred_min_throughput: percentiles(),
});

const enabled = z.optional(z.boolean());
const costTier = z.optional(oneOf(['low', 'medium', 'high', 'xhigh', 'max']));
const router = <Id extends string>(id: Id) =>
  z.looseObject({
    id: z.literal(id),
    enabled,
    /** Model patterns the router may pick (wildcards like `anthropic/*`). */
    allowed_models: patterns(),
    /** Model patterns the router must not pick. */
    excluded_models: patterns(),
    /** `low` … `max`: the cost band of the models picked. */
    cost_tier: costTier,
    /** Deprecated: use `cost_tier`. 0 to 10, higher favours cheaper models. */
    cost_quality_tradeoff: z.optional(int().check(between(0, 10))),
    /** Keep the model first picked for the rest of the session. */
    pin_model: z.optional(z.boolean()),
  });
const simple = <Id extends string>(id: Id) => z.looseObject({ id: z.literal(id), enabled });

/** A plugin and its settings (spec `plugins`, one schema per `id`). */
export const OpenRouterPluginSchema = z.discriminatedUnion(
  'id',
  [
    router('auto-router'),
    router('auto-beta-router'),
    simple('moderation'),
    simple('response-healing'),
    z.looseObject({
      id: z.literal('web'),
      enabled,
      /** `native`, `exa`, `firecrawl`, `parallel` or `perplexity`. */
      engine: z.optional(oneOf(['native', 'exa', 'firecrawl', 'parallel', 'perplexity'])),
      /** Results per search. */
      max_results: z.optional(int()),
      /** Searches per turn. */
      max_uses: z.optional(int()),
      /** The prompt that introduces the results. */
      search_prompt: z.optional(z.string()),
      /** Only these domains. */
      include_domains: z.optional(z.array(z.string())),
      /** Never these domains. */
      exclude_domains: z.optional(z.array(z.string())),
      /** Search depth: `instant`, `fast`, `auto`, `deep`, … */
      mode: z.optional(z.string()),
      /** Approximate location for local results. */
      user_location: optional(z.looseObject({ type: z.literal('approximate') })),
    }),
    z.looseObject({
      id: z.literal('web-fetch'),
      /** Fetches per request. */
      max_uses: z.optional(int()),
      /** Content kept per page, in approximate tokens. */
      max_content_tokens: z.optional(int()),
      /** Only fetch from these domains. */
      allowed_domains: z.optional(z.array(z.string())),
      /** Never fetch from these domains. */
      blocked_domains: z.optional(z.array(z.string())),
    }),
    z.looseObject({
      id: z.literal('file-parser'),
      enabled,
      /** PDF parsing: `engine` is `mistral-ocr`, `native`, `cloudflare-ai` or `pdf-text`. */
      pdf: z.optional(
        z.looseObject({
          engine: z.optional(oneOf(['mistral-ocr', 'native', 'cloudflare-ai', 'pdf-text'])),
        }),
      ),
    }),
    z.looseObject({
      id: z.literal('context-compression'),
      enabled,
      /** Only `middle-out`. */
      engine: z.optional(z.literal('middle-out')),
    }),
    z.looseObject({
      id: z.literal('pareto-router'),
      enabled,
      /** Lowest coding score accepted, 0 to 1. */
      min_coding_score: z.optional(z.number().check(between(0, 1))),
      /** Highest input price in USD per million tokens (at least 0). */
      max_price: z.optional(z.number().check(atLeast(0))),
      /** `prompt` (list price) or `weighted_avg`. */
      price_source: z.optional(oneOf(['prompt', 'weighted_avg'])),
    }),
    z.looseObject({
      id: z.literal('fusion'),
      enabled,
      /** The models of the expert panel: 1 to 8. */
      analysis_models: z.optional(z.array(z.string()).check(minLength(1), maxLength(8))),
      /** The analyst and synthesis model. */
      model: z.optional(z.string()),
      /** Tool steps per model, 1 to 16 (default 4). */
      max_tool_calls: z.optional(int().check(between(1, 16))),
      /** `general-high`, `general-budget` or `general-fast`. */
      preset: z.optional(oneOf(['general-high', 'general-budget', 'general-fast'])),
      /** Tools of the panel (up to 8). */
      tools: z.optional(z.array(z.looseObject({ type: z.string() })).check(maxLength(8))),
    }),
  ],
  'expected a plugin id: auto-router, auto-beta-router, moderation, response-healing, web, web-fetch, file-parser, context-compression, pareto-router or fusion',
);

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
  provider: optional(OpenRouterProviderSchema),
  /** Plugins to run, with their settings. */
  plugins: z.optional(z.array(OpenRouterPluginSchema)),
  /** Groups related requests (routing, observability), up to 128 characters; sent as `x-session-id` too. */
  session_id: z.optional(z.string().check(maxLength(128))),
  /** Your end-user's id, up to 128 characters. */
  user: z.optional(z.string().check(maxLength(128))),
  /** @deprecated Use `provider.sort.partition`: `fallback` (= `model`) or `sort` (= `none`). */
  route: optional(oneOf(['fallback', 'sort'])),
  /** Sampling temperature, 0 to 2. */
  temperature: optional(z.number().check(between(0, 2))),
  /** Alternatives returned per token, 0 to 20. */
  top_logprobs: optional(int().check(between(0, 20))),
  /** Presence penalty, -2 to 2. */
  presence_penalty: optional(z.number().check(between(-2, 2))),
  /** Frequency penalty, -2 to 2. */
  frequency_penalty: optional(z.number().check(between(-2, 2))),
  /** Server-tool steps (like `openrouter:web_search`) per request: 1 to 30, the spec's default and maximum. */
  max_tool_calls: optional(int().check(atLeast(1), atMost(30))),
  /** Sample only from the K most likely tokens. */
  top_k: z.optional(int().check(atLeast(0))),
  /** `auto` (default), `default`, `flex`, `priority`, `scale`, or `fast` (= `priority`). */
  service_tier: optional(oneOf(['auto', 'default', 'fast', 'flex', 'priority', 'scale'])),
  /** Extra output data: the five values OpenRouter documents. */
  include: optional(
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
  reasoning: optional(
    z.extend(ReasoningSchema, {
      /** Turn reasoning on or off. */
      enabled: optional(z.boolean()),
      /** Reasoning token budget. */
      max_tokens: optional(int()),
    }),
  ),
  /** Tools, including OpenRouter's `openrouter:*` server tools. */
  tools: optional(z.array(z.union([OpenRouterServerToolSchema, z.custom<OpenRouterTool>()]))),
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
  previous_response_id: optional(z.never(`${stateless}, not previous_response_id`)),
  /** Not supported: OpenRouter keeps no conversations. */
  conversation: optional(z.never(`${stateless}, not a conversation`)),
  /** Only `false` (the default): OpenRouter stores nothing. */
  store: optional(z.literal(false, 'OpenRouter stores no responses: store may only be false')),
});

/** What a client speaking OpenRouter accepts: the canonical params, with OpenRouter's fields. */
export type OpenRouterCreateParams = DialectCreateParams<typeof OpenRouterParamsSchema>;
