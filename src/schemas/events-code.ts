/**
 * The progress of the tools that run code on the server: the code interpreter (its code as it is
 * written) and the shell (its command and output as they stream).
 */
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
