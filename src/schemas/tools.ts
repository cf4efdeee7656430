/**
 * The 16 tool types of the Responses API (`tools[]` of a request and of a response) and the
 * forms of `tool_choice`. Unknown tool types pass through as a typed catch-all.
 */
import * as z from 'zod/mini';
import { AllowedCallersSchema, FunctionToolSchema, JsonObjectSchema } from './function-tool.js';
import { between, catchAll, int, maxLength, minLength, stringRecord, typesOf } from './shared.js';

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
/** Control a computer (GA computer tool). */
export const ComputerToolSchema = z.looseObject({ type: z.literal('computer') });
/** The environment a computer tool controls. */
export const ComputerEnvironmentSchema = z.literal([
  'windows',
  'mac',
  'linux',
  'ubuntu',
  'browser',
]);
/** Control a computer (preview tool). */
export const ComputerUsePreviewToolSchema = z.looseObject({
  type: z.literal('computer_use_preview'),
  /** The kind of computer. */
  environment: ComputerEnvironmentSchema,
  /** Display width in pixels. */
  display_width: int(),
  /** Display height in pixels. */
  display_height: int(),
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
const SearchContextSizeSchema = z.literal(['low', 'medium', 'high']);
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
/** Let the model write programs that call your tools. */
export const ProgrammaticToolCallingSchema = z.looseObject({
  type: z.literal('programmatic_tool_calling'),
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
/** Run shell commands on your machine (codex-style local shell). */
export const LocalShellToolSchema = z.looseObject({ type: z.literal('local_shell') });
/** Run shell commands in a hosted or local environment. */
export const ShellToolSchema = z.looseObject({
  type: z.literal('shell'),
  /** `container_auto`, `local` or `container_reference`, with its settings. */
  environment: z.optional(z.nullable(z.looseObject({ type: z.string() }))),
  /** Who may call the tool. */
  allowed_callers: AllowedCallersSchema,
});
/** A tool whose input is free text or follows a grammar. */
export const CustomToolSchema = z.looseObject({
  type: z.literal('custom'),
  /** The tool's name, as the model will call it. */
  name: z.string(),
  /** What the tool does, for the model. */
  description: z.optional(z.string()),
  /** Input format: `{ type: 'text' }` or `{ type: 'grammar', syntax, definition }`. */
  format: z.optional(
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('text') }),
      z.looseObject({
        type: z.literal('grammar'),
        /** `lark` or `regex`. */
        syntax: z.literal(['lark', 'regex']),
        /** The grammar itself. */
        definition: z.string(),
      }),
    ]),
  ),
  /** Discover this tool only through tool search. */
  defer_loading: z.optional(z.boolean()),
  /** Who may call the tool. */
  allowed_callers: AllowedCallersSchema,
});
/** Function and custom tools grouped under a shared namespace. */
export const NamespaceToolSchema = z.looseObject({
  type: z.literal('namespace'),
  /** The namespace, like `crm`. */
  name: z.string().check(minLength(1)),
  /** What the namespace is for, for the model. */
  description: z.string(),
  /** The function and custom tools inside it. */
  tools: z.array(z.discriminatedUnion('type', [FunctionToolSchema, CustomToolSchema])),
});
/** Search deferred tools (hosted or run by you). */
export const ToolSearchToolSchema = z.looseObject({
  type: z.literal('tool_search'),
  /** `server` or `client`. */
  execution: z.optional(z.literal(['server', 'client'])),
  /** What to search for, for the model. */
  description: z.optional(z.nullable(z.string())),
  /** JSON Schema of the search arguments. */
  parameters: z.optional(z.nullable(JsonObjectSchema)),
});
/** Create, delete and update files with diffs. */
export const ApplyPatchToolSchema = z.looseObject({
  type: z.literal('apply_patch'),
  /** Who may call the tool. */
  allowed_callers: AllowedCallersSchema,
});

/** The tools a response echoes as the request gave them. */
const echoedAsGiven = [
  FunctionToolSchema,
  FileSearchToolSchema,
  ComputerToolSchema,
  ComputerUsePreviewToolSchema,
  CodeInterpreterToolSchema,
  ProgrammaticToolCallingSchema,
  ImageGenerationToolSchema,
  LocalShellToolSchema,
  ShellToolSchema,
  CustomToolSchema,
  NamespaceToolSchema,
  ToolSearchToolSchema,
  ApplyPatchToolSchema,
] as const;
const knownTools = [
  ...echoedAsGiven,
  WebSearchToolSchema,
  WebSearchPreviewToolSchema,
  McpToolSchema,
] as const;
/** The 16 known tool schemas, one per family (web search ones accept their dated types). */
export const knownToolSchemas = knownTools;

/** An open union of tools: the known ones by `type`, then any type this client does not know. */
const toolUnion = <
  const Known extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(
  known: Known,
) =>
  z.union([
    z.discriminatedUnion('type', [...known]),
    catchAll(() => typesOf(known as unknown as readonly z.core.$ZodType[])),
  ]);

/** A tool the model may use; unknown tool types pass through. */
export const ToolSchema = toolUnion(knownTools);

/** A field a request may leave out, which a server echoes as `null` when it was. */
const echoedNull = <T extends z.core.$ZodType>(schema: T) => z.optional(z.nullable(schema));
/**
 * The tools as a response echoes them (`tools` of a response): where a request leaves a field
 * out, real servers send `null`. OpenAI, for an MCP tool's `server_description` (corpus
 * pydantic-ai/openai-responses-model-mcp-server-tool-stream) and `server_url` (corpus
 * pydantic-ai/openai-responses-model-mcp-server-tool-with-connector); DeepSeek, for a web search
 * tool's `search_context_size` (corpus ruby-llm/deepseek-responses-web-search-with-deepseek-*).
 */
export const ResponseToolSchema = toolUnion([
  ...echoedAsGiven,
  z.looseObject({
    ...WebSearchToolSchema.shape,
    search_context_size: echoedNull(SearchContextSizeSchema),
  }),
  z.looseObject({
    ...WebSearchPreviewToolSchema.shape,
    search_context_size: echoedNull(SearchContextSizeSchema),
  }),
  z.looseObject({
    ...McpToolSchema.shape,
    server_url: echoedNull(z.string()),
    server_description: echoedNull(z.string()),
  }),
]);
/**
 * A tool the model may use (`tools` of a request, discriminated on `type`): your own functions
 * (`function`) and custom tools, or a tool the server runs (web search, file search, code
 * interpreter, image generation, MCP, shell…). Which hosted tools work depends on the server:
 * Kawai takes function tools only, OpenRouter adds its `openrouter:*` server tools. Types this
 * client does not know pass through.
 */
export type Tool = z.infer<typeof ToolSchema>;
/**
 * A function in your code the model may call (`type: 'function'`): its `name`, a `description`
 * for the model, and `parameters` as a JSON Schema (`strict: true` holds the model to it).
 * `zodFunction()` builds one from a zod schema; the model's calls come back as
 * `function_call` items.
 */
export type FunctionTool = z.infer<typeof FunctionToolSchema>;
/**
 * Search your files uploaded to vector stores (`type: 'file_search'`, OpenAI): the stores to
 * search, how many results, and ranking and attribute filters. The searches come back as
 * `file_search_call` items.
 */
export type FileSearchTool = z.infer<typeof FileSearchToolSchema>;
/**
 * Search the web (`type: 'web_search'`): restrict domains, give the user's approximate location,
 * and choose how much context to spend on results. Results come back as `web_search_call` items
 * and `url_citation` annotations. A response may echo `search_context_size` as `null` (DeepSeek).
 */
export type WebSearchTool = z.infer<typeof WebSearchToolSchema>;
/**
 * Give the model the tools of a remote MCP server or a connector (`type: 'mcp'`): where it is
 * (`server_url`, `connector_id`), which of its tools are allowed, and which need your approval
 * (`mcp_approval_request` items). A response may echo `server_url` and `server_description` as
 * `null` (OpenAI).
 */
export type McpTool = z.infer<typeof McpToolSchema>;
/**
 * Let the model run Python in a sandboxed container (`type: 'code_interpreter'`): an existing
 * container's ID, or `{ type: 'auto', file_ids }` for a new one. Runs come back as
 * `code_interpreter_call` items.
 */
export type CodeInterpreterTool = z.infer<typeof CodeInterpreterToolSchema>;
/**
 * Let the model generate or edit images (`type: 'image_generation'`): the image model, size,
 * quality, format and background. Images come back as `image_generation_call` items, with
 * partial images streamed when asked for.
 */
export type ImageGenerationTool = z.infer<typeof ImageGenerationToolSchema>;
/**
 * A tool of yours whose input is free text rather than JSON (`type: 'custom'`), optionally held
 * to a grammar (Lark or a regex). The model's calls come back as `custom_tool_call` items.
 */
export type CustomTool = z.infer<typeof CustomToolSchema>;
/**
 * A tool as a response echoes it (`response.tools`): a {@link Tool}, except that servers send
 * `null` where the request left a field out (OpenAI for an MCP tool's `server_url` and
 * `server_description`, DeepSeek for a web search tool's `search_context_size`).
 */
export type ResponseTool = z.infer<typeof ResponseToolSchema>;
