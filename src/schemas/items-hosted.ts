/**
 * Output items of the tools the server runs: file and web search, image generation, the code
 * interpreter and MCP. (Computer use, shells and apply_patch: items-computer.ts.)
 */
import * as z from 'zod/mini';
import { ItemStatusSchema, jsonObject } from './shared.js';

const _status = z.optional(ItemStatusSchema);
const JsonObjectSchema = jsonObject();

/** A search of uploaded files. */
export const FileSearchCallSchema = z.looseObject({
  type: z.literal('file_search_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** `in_progress`, `searching`, `completed`, `incomplete` or `failed`. */
  status: z.optional(z.literal(['in_progress', 'searching', 'completed', 'incomplete', 'failed'])),
  /** The queries searched. */
  queries: z.optional(z.array(z.string())),
  /** The matches, when `include` asked for them. */
  results: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          /** The matching file. */
          file_id: z.optional(z.string()),
          /** Its name. */
          filename: z.optional(z.string()),
          /** The matching text. */
          text: z.optional(z.string()),
          /** Relevance, 0 to 1. */
          score: z.optional(z.number()),
          /** The file's attributes. */
          attributes: z.optional(z.nullable(JsonObjectSchema)),
        }),
      ),
    ),
  ),
});

/** A web search: the action taken and the sources used. */
export const WebSearchCallSchema = z.looseObject({
  type: z.literal('web_search_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** `in_progress`, `searching`, `completed` or `failed`. */
  status: z.optional(z.literal(['in_progress', 'searching', 'completed', 'failed', 'incomplete'])),
  /** `search` (query, sources), `open_page` (url) or `find_in_page` (url, pattern). */
  action: z.optional(
    z.looseObject({
      /** `search`, `open_page` or `find_in_page`. */
      type: z.string(),
      /** The search query. */
      query: z.optional(z.string()),
      /** The search queries. */
      queries: z.optional(z.array(z.string())),
      /** The page opened or searched. */
      url: z.optional(z.nullable(z.string())),
      /** The text searched for in the page. */
      pattern: z.optional(z.string()),
      /** The sources consulted. */
      sources: z.optional(
        z.array(z.looseObject({ type: z.string(), url: z.optional(z.string()) })),
      ),
    }),
  ),
});

/** An image the model generated. */
export const ImageGenerationCallSchema = z.looseObject({
  type: z.literal('image_generation_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** `in_progress`, `generating`, `completed` or `failed`. */
  status: z.optional(z.literal(['in_progress', 'generating', 'completed', 'failed', 'incomplete'])),
  /** The image, base64 encoded. */
  result: z.optional(z.nullable(z.string())),
  /** The prompt the model actually used. */
  revised_prompt: z.optional(z.nullable(z.string())),
  /** The image size, like `1024x1024`. */
  size: z.optional(z.string()),
  /** The image quality. */
  quality: z.optional(z.string()),
  /** The background setting. */
  background: z.optional(z.string()),
  /** `png`, `webp` or `jpeg`. */
  output_format: z.optional(z.string()),
});

/** Code the model ran in a container, and what it printed or drew. */
export const CodeInterpreterCallSchema = z.looseObject({
  type: z.literal('code_interpreter_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** `in_progress`, `interpreting`, `completed`, `incomplete` or `failed`. */
  status: z.optional(
    z.literal(['in_progress', 'interpreting', 'completed', 'incomplete', 'failed']),
  ),
  /** The container the code ran in. */
  container_id: z.optional(z.string()),
  /** The code. */
  code: z.optional(z.nullable(z.string())),
  /** `logs` (text) and `image` (URL) outputs. */
  outputs: z.optional(
    z.nullable(
      z.array(
        z.looseObject({
          /** `logs` or `image`. */
          type: z.string(),
          /** The logs, for `logs`. */
          logs: z.optional(z.string()),
          /** The image URL, for `image`. */
          url: z.optional(z.string()),
        }),
      ),
    ),
  ),
});

/** A tool call on a remote MCP server. */
export const McpCallSchema = z.looseObject({
  type: z.literal('mcp_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The server's label. */
  server_label: z.string(),
  /** The tool's name. */
  name: z.string(),
  /** The arguments, as a JSON string. */
  arguments: z.string(),
  /** What the tool returned. */
  output: z.optional(z.nullable(z.string())),
  /** What went wrong, if anything (a string or an error object). */
  error: z.optional(z.nullable(z.union([z.string(), JsonObjectSchema]))),
  /** The approval request this call followed. */
  approval_request_id: z.optional(z.nullable(z.string())),
  /** `in_progress`, `completed`, `incomplete`, `calling` or `failed`. */
  status: z.optional(z.literal(['in_progress', 'completed', 'incomplete', 'calling', 'failed'])),
});
/** The tools an MCP server offers. */
export const McpListToolsSchema = z.looseObject({
  type: z.literal('mcp_list_tools'),
  /** The item's unique ID. */
  id: z.string(),
  /** The server's label. */
  server_label: z.string(),
  /** The tools. */
  tools: z.array(
    z.looseObject({
      /** The tool's name. */
      name: z.string(),
      /** What it does. */
      description: z.optional(z.nullable(z.string())),
      /** JSON Schema of its input. */
      input_schema: z.optional(z.unknown()),
      /** MCP annotations. */
      annotations: z.optional(z.nullable(z.unknown())),
    }),
  ),
  /** Why the list failed, if it did. */
  error: z.optional(z.nullable(z.string())),
});
/** The model asks your approval before calling an MCP tool. */
export const McpApprovalRequestSchema = z.looseObject({
  type: z.literal('mcp_approval_request'),
  /** The item's unique ID: answer with it in `mcp_approval_response`. */
  id: z.string(),
  /** The server's label. */
  server_label: z.string(),
  /** The tool's name. */
  name: z.string(),
  /** The arguments, as a JSON string. */
  arguments: z.string(),
});
/** Your answer to an MCP approval request. */
export const McpApprovalResponseSchema = z.looseObject({
  type: z.literal('mcp_approval_response'),
  /** The item's unique ID. */
  id: z.optional(z.nullable(z.string())),
  /** The request answered. */
  approval_request_id: z.string(),
  /** Whether the call is approved. */
  approve: z.boolean(),
  /** Why. */
  reason: z.optional(z.nullable(z.string())),
});
