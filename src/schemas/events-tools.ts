/** Progress events of hosted tools: code interpreter, file and web search, image generation, MCP, shell. */
import * as z from 'zod/mini';
import { ShellOutputContentSchema } from './content.js';
import { progress, seq } from './event-fields.js';

/**
 * A piece of the code the code interpreter is about to run
 * (`response.code_interpreter_call_code.delta`).
 */
export const ResponseCodeInterpreterCallCodeDeltaEventSchema = z.looseObject({
  type: z.literal('response.code_interpreter_call_code.delta'),
  /** The index of the output item in the response for which the code is being streamed. */
  output_index: z.number(),
  /** The unique identifier of the code interpreter tool call item. */
  item_id: z.string(),
  /** The partial code snippet being streamed by the code interpreter. */
  delta: z.string(),
  ...seq,
});
/**
 * The code the code interpreter runs is complete (`response.code_interpreter_call_code.done`):
 * `code` holds it.
 */
export const ResponseCodeInterpreterCallCodeDoneEventSchema = z.looseObject({
  type: z.literal('response.code_interpreter_call_code.done'),
  /** The index of the output item in the response for which the code is finalized. */
  output_index: z.number(),
  /** The unique identifier of the code interpreter tool call item. */
  item_id: z.string(),
  /** The final code snippet output by the code interpreter. */
  code: z.string(),
  ...seq,
});
/**
 * A code interpreter call finished (`response.code_interpreter_call.completed`); its item holds
 * the outputs.
 */
export const ResponseCodeInterpreterCallCompletedEventSchema = progress(
  'response.code_interpreter_call.completed',
);
/** A code interpreter call began (`response.code_interpreter_call.in_progress`). */
export const ResponseCodeInterpreterCallInProgressEventSchema = progress(
  'response.code_interpreter_call.in_progress',
);
/** The code interpreter is running the code (`response.code_interpreter_call.interpreting`). */
export const ResponseCodeInterpreterCallInterpretingEventSchema = progress(
  'response.code_interpreter_call.interpreting',
);
/** A file search finished (`response.file_search_call.completed`). */
export const ResponseFileSearchCallCompletedEventSchema = progress(
  'response.file_search_call.completed',
);
/** A file search began (`response.file_search_call.in_progress`). */
export const ResponseFileSearchCallInProgressEventSchema = progress(
  'response.file_search_call.in_progress',
);
/** A file search is running (`response.file_search_call.searching`). */
export const ResponseFileSearchCallSearchingEventSchema = progress(
  'response.file_search_call.searching',
);
/** A command was added to a shell tool call (`response.shell_call_command.added`). */
export const ResponseShellCallCommandAddedEventSchema = z.looseObject({
  type: z.literal('response.shell_call_command.added'),
  ...seq,
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the shell command that was added. */
  command_index: z.number(),
  /** The shell command that was added. */
  command: z.string(),
});
/** A piece of a shell tool call's command (`response.shell_call_command.delta`). */
export const ResponseShellCallCommandDeltaEventSchema = z.looseObject({
  type: z.literal('response.shell_call_command.delta'),
  ...seq,
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the shell command that was updated. */
  command_index: z.number(),
  /** The shell command delta that was appended. */
  delta: z.string(),
  /** An obfuscation string that was added to pad the event payload. */
  obfuscation: z.optional(z.string()),
});
/** A shell tool call's command is complete (`response.shell_call_command.done`). */
export const ResponseShellCallCommandDoneEventSchema = z.looseObject({
  type: z.literal('response.shell_call_command.done'),
  ...seq,
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the shell command that was completed. */
  command_index: z.number(),
  /** The final shell command that was emitted. */
  command: z.string(),
});
/** A piece of a shell command's output (`response.shell_call_output_content.delta`). */
export const ResponseShellCallOutputContentDeltaEventSchema = z.looseObject({
  type: z.literal('response.shell_call_output_content.delta'),
  ...seq,
  /** The ID of the output item that was updated. */
  item_id: z.string(),
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the shell command that produced output. */
  command_index: z.number(),
  /** The stdout/stderr delta that was emitted. */
  delta: z.looseObject({ stdout: z.optional(z.string()), stderr: z.optional(z.string()) }),
});
/** A shell command's output is complete (`response.shell_call_output_content.done`). */
export const ResponseShellCallOutputContentDoneEventSchema = z.looseObject({
  type: z.literal('response.shell_call_output_content.done'),
  ...seq,
  /** The ID of the output item that was updated. */
  item_id: z.string(),
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the shell command that produced output. */
  command_index: z.number(),
  /** The output contents emitted for the shell command. */
  output: z.array(ShellOutputContentSchema),
});
/**
 * A web search finished (`response.web_search_call.completed`); the sources come in its item and
 * as `url_citation` annotations.
 */
export const ResponseWebSearchCallCompletedEventSchema = progress(
  'response.web_search_call.completed',
);
/** A web search began (`response.web_search_call.in_progress`). */
export const ResponseWebSearchCallInProgressEventSchema = progress(
  'response.web_search_call.in_progress',
);
/** A web search is running (`response.web_search_call.searching`). */
export const ResponseWebSearchCallSearchingEventSchema = progress(
  'response.web_search_call.searching',
);
/**
 * An image was generated (`response.image_generation_call.completed`); its item holds the image.
 */
export const ResponseImageGenCallCompletedEventSchema = progress(
  'response.image_generation_call.completed',
);
/** An image is being generated (`response.image_generation_call.generating`). */
export const ResponseImageGenCallGeneratingEventSchema = progress(
  'response.image_generation_call.generating',
);
/** An image generation call began (`response.image_generation_call.in_progress`). */
export const ResponseImageGenCallInProgressEventSchema = progress(
  'response.image_generation_call.in_progress',
);
/**
 * A draft of the image being generated (`response.image_generation_call.partial_image`):
 * base64 image data, sent when the tool's `partial_images` asks for drafts.
 */
export const ResponseImageGenCallPartialImageEventSchema = z.looseObject({
  type: z.literal('response.image_generation_call.partial_image'),
  /** The index of the output item in the response's output array. */
  output_index: z.number(),
  /** The unique identifier of the image generation item being processed. */
  item_id: z.string(),
  ...seq,
  /** 0-based index for the partial image (backend is 1-based, but this is 0-based for the user). */
  partial_image_index: z.number(),
  /** Base64-encoded partial image data, suitable for rendering as an image. */
  partial_image_b64: z.string(),
  /** The image size that was used. */
  size: z.optional(z.string()),
  /** The image quality that was used. */
  quality: z.optional(z.string()),
  /** The background setting that was used. */
  background: z.optional(z.string()),
  /** The output format that was used. */
  output_format: z.optional(z.string()),
});
/** A piece of an MCP tool call's arguments (`response.mcp_call_arguments.delta`): JSON text. */
export const ResponseMcpCallArgumentsDeltaEventSchema = z.looseObject({
  type: z.literal('response.mcp_call_arguments.delta'),
  /** The index of the output item in the response's output array. */
  output_index: z.number(),
  /** The unique identifier of the MCP tool call item being processed. */
  item_id: z.string(),
  /** A JSON string containing the partial update to the arguments for the MCP tool call. */
  delta: z.string(),
  ...seq,
});
/** An MCP tool call's arguments are complete (`response.mcp_call_arguments.done`). */
export const ResponseMcpCallArgumentsDoneEventSchema = z.looseObject({
  type: z.literal('response.mcp_call_arguments.done'),
  /** The index of the output item in the response's output array. */
  output_index: z.number(),
  /** The unique identifier of the MCP tool call item being processed. */
  item_id: z.string(),
  /** A JSON string containing the finalized arguments for the MCP tool call. */
  arguments: z.string(),
  ...seq,
});
/** An MCP tool call succeeded (`response.mcp_call.completed`). */
export const ResponseMcpCallCompletedEventSchema = progress('response.mcp_call.completed');
/** An MCP tool call failed (`response.mcp_call.failed`). */
export const ResponseMcpCallFailedEventSchema = progress('response.mcp_call.failed');
/** An MCP tool call began (`response.mcp_call.in_progress`). */
export const ResponseMcpCallInProgressEventSchema = progress('response.mcp_call.in_progress');
/** The tools of an MCP server were listed (`response.mcp_list_tools.completed`). */
export const ResponseMcpListToolsCompletedEventSchema = progress(
  'response.mcp_list_tools.completed',
);
/** Listing the tools of an MCP server failed (`response.mcp_list_tools.failed`). */
export const ResponseMcpListToolsFailedEventSchema = progress('response.mcp_list_tools.failed');
/** The tools of an MCP server are being listed (`response.mcp_list_tools.in_progress`). */
export const ResponseMcpListToolsInProgressEventSchema = progress(
  'response.mcp_list_tools.in_progress',
);
