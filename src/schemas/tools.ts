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
export type Tool = z.infer<typeof ToolSchema>;
export type FunctionTool = z.infer<typeof FunctionToolSchema>;
export type FileSearchTool = z.infer<typeof FileSearchToolSchema>;
export type WebSearchTool = z.infer<typeof WebSearchToolSchema>;
export type McpTool = z.infer<typeof McpToolSchema>;
export type CodeInterpreterTool = z.infer<typeof CodeInterpreterToolSchema>;
export type ImageGenerationTool = z.infer<typeof ImageGenerationToolSchema>;
export type CustomTool = z.infer<typeof CustomToolSchema>;
