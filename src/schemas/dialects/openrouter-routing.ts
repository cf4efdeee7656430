/**
 * How OpenRouter routes a request (the same in `POST /responses` and `POST /chat/completions`):
 * provider preferences (spec ProviderPreferences) and plugins (spec `plugins[]`).
 */
import * as z from 'zod/mini';
import { atLeast, between, int, maxLength, minLength, nullish } from '../shared.js';

/** One of these strings (the error names them). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.literal(values);
const slugs = () => nullish(z.array(z.string()));
const patterns = () =>
  z.optional(z.array(z.string().check(maxLength(1024))).check(maxLength(1024)));

const cutoff = () => nullish(z.number());
/** A latency or throughput preference: one number (p50) or a cutoff per percentile. */
const percentiles = () =>
  nullish(
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
  allow_fallbacks: nullish(z.boolean()),
  /** `deny`: only providers that do not store your data; `allow` (default). */
  data_collection: nullish(oneOf(['deny', 'allow'])),
  /** Only models whose author allows text distillation. */
  enforce_distillable_text: nullish(z.boolean()),
  /** Provider slugs to try, in order. */
  order: slugs(),
  /** Only these providers. */
  only: slugs(),
  /** Never these providers. */
  ignore: slugs(),
  /** Quantization levels allowed. */
  quantizations: nullish(z.array(quantization)),
  /** Only providers that support every parameter of the request. */
  require_parameters: nullish(z.boolean()),
  /** Sort providers by `price`, `throughput`, `latency` or `exacto`, or `{ by, partition }`. */
  sort: nullish(
    z.union(
      [
        sortBy,
        z.looseObject({
          /** What to sort by. */
          by: nullish(sortBy),
          /** `model` (default): fallback models stay fallbacks; `none`: sort all endpoints together. */
          partition: nullish(oneOf(['model', 'none'])),
        }),
      ],
      'expected price, throughput, latency, exacto or { by, partition }',
    ),
  ),
  /** Only zero-data-retention endpoints. */
  zdr: nullish(z.boolean()),
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
      user_location: nullish(z.looseObject({ type: z.literal('approximate') })),
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
