/**
 * The tools the server runs itself: file search, web search (and its preview), remote MCP
 * servers, the code interpreter and image generation.
 */
import * as z from 'zod/mini';
import { AllowedCallersSchema, JsonObjectSchema } from './function-tool.js';
import { between, int, maxLength, stringRecord } from './shared.js';

/** Search uploaded files in vector stores. */
export const FileSearchToolSchema = z.looseObject({
  type: z.literal('file_search'),
  /** The vector stores to search. */
  vector_store_ids: z.array(z.string()),
  /** How many results to return, 1 to 50. */
  max_num_results: z.optional(int().check(between(1, 50))),
  /** Ranker and score threshold. */
  ranking_options: z.optional(
    z.looseObject({
      /** The ranker to use. */
      ranker: z.optional(z.string()),
      /** Results scoring below this (0 to 1) are dropped. */
      score_threshold: z.optional(z.number().check(between(0, 1))),
    }),
  ),
  /** An attribute filter (comparison or compound). */
  filters: z.optional(z.nullable(JsonObjectSchema)),
});
/** Where the user approximately is, to localize search results. */
export const ApproximateLocationSchema = z.looseObject({
  type: z.optional(z.literal('approximate')),
  /** Two-letter ISO country code. */
  country: z.optional(z.nullable(z.string())),
  /** Region or state. */
  region: z.optional(z.nullable(z.string())),
  /** City. */
  city: z.optional(z.nullable(z.string())),
  /** IANA time zone. */
  timezone: z.optional(z.nullable(z.string())),
});
/** How much context a web search gathers. */
export const SearchContextSizeSchema = z.literal(['low', 'medium', 'high']);
/** Search the web. */
export const WebSearchToolSchema = z.looseObject({
  type: z.literal(['web_search', 'web_search_2025_08_26']),
  /** Allow live internet access (default true). */
  external_web_access: z.optional(z.boolean()),
  /** Restrict results to these domains. */
  filters: z.optional(
    z.nullable(z.looseObject({ allowed_domains: z.optional(z.nullable(z.array(z.string()))) })),
  ),
  /** The user's approximate location. */
  user_location: z.optional(z.nullable(ApproximateLocationSchema)),
  /** How much context window to spend on results: `low`, `medium` or `high`. */
  search_context_size: z.optional(SearchContextSizeSchema),
});
/** Search the web (preview tool). */
export const WebSearchPreviewToolSchema = z.looseObject({
  type: z.literal(['web_search_preview', 'web_search_preview_2025_03_11']),
  /** The user's approximate location. */
  user_location: z.optional(z.nullable(ApproximateLocationSchema)),
  /** How much context window to spend on results: `low`, `medium` or `high`. */
  search_context_size: z.optional(SearchContextSizeSchema),
  /** Kinds of content to search: `text`, `image`. */
  search_content_types: z.optional(z.array(z.literal(['text', 'image']))),
});
/** Select MCP tools by name or by read-only hint. */
const McpToolFilterSchema = z.looseObject({
  /** Tool names. */
  tool_names: z.optional(z.array(z.string())),
  /** Only tools annotated read-only. */
  read_only: z.optional(z.boolean()),
});
/** Tools of a remote MCP server or connector. */
export const McpToolSchema = z.looseObject({
  type: z.literal('mcp'),
  /** A label for the server, used in tool calls. */
  server_label: z.string(),
  /** The server's URL (one of `server_url`, `connector_id`, `tunnel_id`). */
  server_url: z.optional(z.string()),
  /** A service connector, like `connector_gmail`. */
  connector_id: z.optional(z.string()),
  /** A Secure MCP Tunnel ID. */
  tunnel_id: z.optional(z.string()),
  /** An OAuth access token for the server. */
  authorization: z.optional(z.string()),
  /** What the server offers, for the model. */
  server_description: z.optional(z.string()),
  /** HTTP headers sent to the server. */
  headers: z.optional(z.nullable(stringRecord())),
  /** Which of the server's tools may be used. */
  allowed_tools: z.optional(z.nullable(z.union([z.array(z.string()), McpToolFilterSchema]))),
  /** Who may call the tools. */
  allowed_callers: AllowedCallersSchema,
  /** Which tools need your approval: `always`, `never`, or per filter. */
  require_approval: z.optional(
    z.nullable(
      z.union([
        z.literal(['always', 'never']),
        z.looseObject({
          always: z.optional(McpToolFilterSchema),
          never: z.optional(McpToolFilterSchema),
        }),
      ]),
    ),
  ),
  /** Discover these tools only through tool search. */
  defer_loading: z.optional(z.boolean()),
});
/** Run Python in a sandboxed container. */
export const CodeInterpreterToolSchema = z.looseObject({
  type: z.literal('code_interpreter'),
  /** A container ID, or `{ type: 'auto', file_ids }` for a new one. */
  container: z.union([
    z.string(),
    z.looseObject({
      type: z.literal('auto'),
      /** Files to upload into the container (up to 50). */
      file_ids: z.optional(z.array(z.string()).check(maxLength(50))),
      /** Memory limit, like `1g`. */
      memory_limit: z.optional(z.nullable(z.string())),
    }),
  ]),
  /** Who may call the tool. */
  allowed_callers: AllowedCallersSchema,
});
/** Generate or edit images. */
export const ImageGenerationToolSchema = z.looseObject({
  type: z.literal('image_generation'),
  /** The image model, like `gpt-image-1`. */
  model: z.optional(z.string()),
  /** `low`, `medium`, `high` or `auto`. */
  quality: z.optional(z.literal(['low', 'medium', 'high', 'auto'])),
  /** Like `1024x1024`, or `auto`. */
  size: z.optional(z.string()),
  /** `png`, `webp` or `jpeg`. */
  output_format: z.optional(z.literal(['png', 'webp', 'jpeg'])),
  /** Compression level, 0 to 100. */
  output_compression: z.optional(int().check(between(0, 100))),
  /** `auto` or `low`. */
  moderation: z.optional(z.literal(['auto', 'low'])),
  /** `transparent`, `opaque` or `auto`. */
  background: z.optional(z.literal(['transparent', 'opaque', 'auto'])),
  /** How closely to match input images: `high` or `low`. */
  input_fidelity: z.optional(z.nullable(z.literal(['high', 'low']))),
  /** A mask for inpainting. */
  input_image_mask: z.optional(
    z.looseObject({ image_url: z.optional(z.string()), file_id: z.optional(z.string()) }),
  ),
  /** Partial images to stream, 0 to 3. */
  partial_images: z.optional(int().check(between(0, 3))),
  /** `generate`, `edit` or `auto`. */
  action: z.optional(z.literal(['generate', 'edit', 'auto'])),
});
