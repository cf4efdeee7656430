/**
 * OpenRouter (OpenResponses format): the canonical params plus routing (`models`, `provider`,
 * `route`), `plugins`, `session_id` and its other fields. OpenRouter keeps no state:
 * `previous_response_id` is rejected and `store` may only be false.
 */
import * as z from 'zod/mini';
import { responseCreateShape } from '../create-params.js';
import { atLeast, int, jsonObject, maxLength } from '../shared.js';
import { ToolSchema } from '../tools.js';

const slugs = z.optional(z.nullable(z.array(z.string())));

/** How OpenRouter picks among providers serving a model. */
export const OpenRouterProviderSchema = z.looseObject({
  /** Try other providers when the first fails (default true). */
  allow_fallbacks: z.optional(z.nullable(z.boolean())),
  /** `allow` or `deny` providers that store data. */
  data_collection: z.optional(z.nullable(z.literal(['deny', 'allow']))),
  /** Provider slugs to try, in order. */
  order: slugs,
  /** Only these providers. */
  only: slugs,
  /** Never these providers. */
  ignore: slugs,
  /** Quantization levels allowed, like `fp8`. */
  quantizations: slugs,
  /** Only providers supporting every parameter given. */
  require_parameters: z.optional(z.nullable(z.boolean())),
  /** `price`, `throughput` or `latency`, or a sort config. */
  sort: z.optional(z.nullable(z.union([z.string(), z.looseObject({})]))),
  /** Only zero-data-retention endpoints. */
  zdr: z.optional(z.nullable(z.boolean())),
  /** Highest price per token you accept, by kind. */
  max_price: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/** A plugin and its settings. */
export const OpenRouterPluginSchema = z.looseObject({
  /** `web`, `web-fetch`, `file-parser`, `moderation`, `response-healing`, `auto-router`, … */
  id: z.literal([
    'auto-router',
    'auto-beta-router',
    'moderation',
    'web',
    'web-fetch',
    'file-parser',
    'response-healing',
    'context-compression',
    'pareto-router',
    'fusion',
  ]),
  /** Turn the plugin off for this request. */
  enabled: z.optional(z.boolean()),
});

/** OpenRouter's own server tools, like `openrouter:web_search`. */
const OpenRouterServerToolSchema = z.looseObject({
  type: z.templateLiteral(['openrouter:', z.string()]),
});

/** The body of OpenRouter's `POST /responses`. */
export const OpenRouterCreateParamsSchema = z.looseObject({
  ...responseCreateShape,
  /** Tools, including OpenRouter's `openrouter:*` server tools. */
  tools: z.optional(z.nullable(z.array(z.union([ToolSchema, OpenRouterServerToolSchema])))),
  /** Fallback models, tried in order. */
  models: z.optional(z.array(z.string())),
  /** Provider routing preferences. */
  provider: z.optional(z.nullable(OpenRouterProviderSchema)),
  /** Plugins to run, with their settings. */
  plugins: z.optional(z.array(OpenRouterPluginSchema)),
  /** Groups related requests for observability (up to 256 characters; documented as 128). */
  session_id: z.optional(z.string().check(maxLength(256))),
  /** End-user identifier (up to 256 characters; documented as 128). */
  user: z.optional(z.string().check(maxLength(256))),
  /** Deprecated: `fallback` or `sort`; use `provider.sort`. */
  route: z.optional(z.nullable(z.literal(['fallback', 'sort']))),
  /** Sample only from the K most likely tokens. */
  top_k: z.optional(int().check(atLeast(0))),
  /** Output modalities: `text`, `image`. */
  modalities: z.optional(z.array(z.literal(['text', 'image']))),
  /** Provider-specific image settings. */
  image_config: z.optional(jsonObject()),
  /** Automatic prompt caching (Anthropic models). */
  cache_control: z.optional(z.looseObject({ type: z.string() })),
  /** Trace metadata for observability. */
  trace: z.optional(jsonObject()),
  /** Debug options (streaming only). */
  debug: z.optional(z.looseObject({})),
  /** Stop conditions of the server-tool loop. */
  stop_server_tools_when: z.optional(z.unknown()),
  /** Not supported: OpenRouter keeps no responses. */
  previous_response_id: z.optional(z.nullable(z.never())),
  /** Only `false`: OpenRouter stores nothing. */
  store: z.optional(z.nullable(z.literal(false))),
  /** `auto`, `default`, `flex`, `priority`, `scale` or `fast`. */
  service_tier: z.optional(
    z.nullable(z.literal(['auto', 'default', 'fast', 'flex', 'priority', 'scale'])),
  ),
});
export type OpenRouterCreateParams = z.input<typeof OpenRouterCreateParamsSchema>;
