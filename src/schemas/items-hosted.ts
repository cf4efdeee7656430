/**
 * Output items of hosted tools: file and web search, computer use, image generation, code
 * interpreter, shells, apply_patch and MCP.
 */
import * as z from 'zod/mini';
import { ShellOutputContentSchema } from './content.js';
import { ItemStatusSchema, int, jsonObject, stringRecord } from './shared.js';

const status = z.optional(ItemStatusSchema);
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

/** A safety check raised on a computer action. */
const SafetyCheckSchema = z.looseObject({
  /** The check's ID. */
  id: z.string(),
  /** Its code. */
  code: z.optional(z.nullable(z.string())),
  /** What it is about. */
  message: z.optional(z.nullable(z.string())),
});
/** One computer action: `click`, `double_click`, `drag`, `keypress`, `move`, `screenshot`, … */
const ComputerActionSchema = z.looseObject({ type: z.string() });
/** A computer action the model asks you to perform. */
export const ComputerCallSchema = z.looseObject({
  type: z.literal('computer_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID, to pair it with its screenshot output. */
  call_id: z.string(),
  /** The action (`click`, `type`, `scroll`, …) with its coordinates or text. */
  action: z.optional(ComputerActionSchema),
  /** Batched actions (GA `computer` tool). */
  actions: z.optional(z.array(ComputerActionSchema)),
  /** Checks to acknowledge before acting. */
  pending_safety_checks: z.optional(z.array(SafetyCheckSchema)),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/** A screenshot sent back after a computer action. */
export const ComputerCallOutputSchema = z.looseObject({
  type: z.literal('computer_call_output'),
  /** The item's unique ID. */
  id: z.optional(z.string()),
  /** The ID of the call this answers. */
  call_id: z.string(),
  /** The screenshot, by URL or file ID. */
  output: z.looseObject({
    type: z.literal('computer_screenshot'),
    /** The screenshot's URL. */
    image_url: z.optional(z.string()),
    /** The screenshot's file ID. */
    file_id: z.optional(z.string()),
  }),
  /** Safety checks you acknowledged. */
  acknowledged_safety_checks: z.optional(z.nullable(z.array(SafetyCheckSchema))),
  /** `completed`, `incomplete` or `failed` (or `in_progress`). */
  status: z.optional(z.literal(['in_progress', 'completed', 'incomplete', 'failed'])),
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

/** A command the model asks you to run in your local shell. */
export const LocalShellCallSchema = z.looseObject({
  type: z.literal('local_shell_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.string(),
  /** The command to execute. */
  action: z.looseObject({
    type: z.literal('exec'),
    /** The command and its arguments. */
    command: z.array(z.string()),
    /** Environment variables. */
    env: z.optional(stringRecord()),
    /** Timeout in milliseconds. */
    timeout_ms: z.optional(z.nullable(int())),
    /** The user to run as. */
    user: z.optional(z.nullable(z.string())),
    /** The working directory. */
    working_directory: z.optional(z.nullable(z.string())),
  }),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/** The output of a local shell command. */
export const LocalShellCallOutputSchema = z.looseObject({
  type: z.literal('local_shell_call_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The output, as a JSON string. */
  output: z.string(),
  /** `in_progress`, `completed` or `incomplete`. */
  status: z.optional(z.nullable(ItemStatusSchema)),
});

/** Commands the model runs with the shell tool. */
export const ShellCallSchema = z.looseObject({
  type: z.literal('shell_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.string(),
  /** The commands, with timeout and output limit. */
  action: z.looseObject({
    /** The commands to run. */
    commands: z.array(z.string()),
    /** Timeout in milliseconds. */
    timeout_ms: z.optional(z.nullable(int())),
    /** Output length limit. */
    max_output_length: z.optional(z.nullable(int())),
  }),
  /** Where the commands run. */
  environment: z.optional(z.nullable(z.looseObject({ type: z.string() }))),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/** The output of the shell tool's commands. */
export const ShellCallOutputSchema = z.looseObject({
  type: z.literal('shell_call_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.string(),
  /** One entry per command. */
  output: z.array(ShellOutputContentSchema),
  /** Output length limit that applied. */
  max_output_length: z.optional(z.nullable(int())),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});

/** A file change the model asks you to apply. */
export const ApplyPatchCallSchema = z.looseObject({
  type: z.literal('apply_patch_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.string(),
  /** `create_file`, `update_file` (path, diff) or `delete_file` (path). */
  operation: z.looseObject({
    type: z.literal(['create_file', 'update_file', 'delete_file']),
    /** The file's path. */
    path: z.string(),
    /** The unified diff (not for `delete_file`). */
    diff: z.optional(z.string()),
  }),
  /** `in_progress` or `completed`. */
  status: z.optional(z.literal(['in_progress', 'completed'])),
});
/** The result of applying a patch. */
export const ApplyPatchCallOutputSchema = z.looseObject({
  type: z.literal('apply_patch_call_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.string(),
  /** Log output. */
  output: z.optional(z.nullable(z.string())),
  /** `completed` or `failed`. */
  status: z.optional(z.literal(['completed', 'failed'])),
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
