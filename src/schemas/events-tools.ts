/** Progress events of hosted tools: code interpreter, file and web search, image generation, MCP, shell. */
import * as z from 'zod/mini';
import { ShellOutputContentSchema } from './content.js';
import { progress, seq } from './event-fields.js';

/** Emitted when a partial code snippet is streamed by the code interpreter. */
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
/** Emitted when the code snippet is finalized by the code interpreter. */
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
/** Emitted when the code interpreter call is completed. */
export const ResponseCodeInterpreterCallCompletedEventSchema = progress(
  'response.code_interpreter_call.completed',
);
/** Emitted when a code interpreter call is in progress. */
export const ResponseCodeInterpreterCallInProgressEventSchema = progress(
  'response.code_interpreter_call.in_progress',
);
/** Emitted when the code interpreter is actively interpreting the code snippet. */
export const ResponseCodeInterpreterCallInterpretingEventSchema = progress(
  'response.code_interpreter_call.interpreting',
);
/** Emitted when a file search call is completed (results found). */
export const ResponseFileSearchCallCompletedEventSchema = progress(
  'response.file_search_call.completed',
);
/** Emitted when a file search call is initiated. */
export const ResponseFileSearchCallInProgressEventSchema = progress(
  'response.file_search_call.in_progress',
);
/** Emitted when a file search is currently searching. */
export const ResponseFileSearchCallSearchingEventSchema = progress(
  'response.file_search_call.searching',
);
/** A streaming event that indicated a shell command was added to a tool call. */
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
/** A streaming event that indicated a shell command was incrementally updated. */
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
/** A streaming event that indicated a shell command was completed. */
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
/** A streaming event that indicated shell call output was incrementally added. */
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
/** A streaming event that indicated shell call output was completed. */
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
/** Emitted when a web search call is completed. */
export const ResponseWebSearchCallCompletedEventSchema = progress(
  'response.web_search_call.completed',
);
/** Emitted when a web search call is initiated. */
export const ResponseWebSearchCallInProgressEventSchema = progress(
  'response.web_search_call.in_progress',
);
/** Emitted when a web search call is executing. */
export const ResponseWebSearchCallSearchingEventSchema = progress(
  'response.web_search_call.searching',
);
/** Emitted when an image generation tool call has completed and the final image is available. */
export const ResponseImageGenCallCompletedEventSchema = progress(
  'response.image_generation_call.completed',
);
/** Emitted when an image generation tool call is actively generating an image (intermediate state). */
export const ResponseImageGenCallGeneratingEventSchema = progress(
  'response.image_generation_call.generating',
);
/** Emitted when an image generation tool call is in progress. */
export const ResponseImageGenCallInProgressEventSchema = progress(
  'response.image_generation_call.in_progress',
);
/** Emitted when a partial image is available during image generation streaming. */
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
/** Emitted when there is a delta (partial update) to the arguments of an MCP tool call. */
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
/** Emitted when the arguments for an MCP tool call are finalized. */
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
/** Emitted when an MCP  tool call has completed successfully. */
export const ResponseMcpCallCompletedEventSchema = progress('response.mcp_call.completed');
/** Emitted when an MCP  tool call has failed. */
export const ResponseMcpCallFailedEventSchema = progress('response.mcp_call.failed');
/** Emitted when an MCP  tool call is in progress. */
export const ResponseMcpCallInProgressEventSchema = progress('response.mcp_call.in_progress');
/** Emitted when the list of available MCP tools has been successfully retrieved. */
export const ResponseMcpListToolsCompletedEventSchema = progress(
  'response.mcp_list_tools.completed',
);
/** Emitted when the attempt to list available MCP tools has failed. */
export const ResponseMcpListToolsFailedEventSchema = progress('response.mcp_list_tools.failed');
/** Emitted when the system is in the process of retrieving the list of available MCP tools. */
export const ResponseMcpListToolsInProgressEventSchema = progress(
  'response.mcp_list_tools.in_progress',
);
