/**
 * The 16 tool types of the Responses API (`tools[]` of a request and of a response) and the
 * forms of `tool_choice`. Unknown tool types pass through as a typed catch-all.
 */
import * as z from 'zod/mini';
import { AllowedCallersSchema, FunctionToolSchema, JsonObjectSchema } from './function-tool.js';
import { catchAll, int, minLength, typesOf } from './shared.js';
import {
  CodeInterpreterToolSchema,
  FileSearchToolSchema,
  ImageGenerationToolSchema,
  McpToolSchema,
  SearchContextSizeSchema,
  WebSearchPreviewToolSchema,
  WebSearchToolSchema,
} from './tools-hosted.js';

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
/** Let the model write programs that call your tools. */
export const ProgrammaticToolCallingSchema = z.looseObject({
  type: z.literal('programmatic_tool_calling'),
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
