/**
 * Output items of the tools that act on a computer: computer use, the local and hosted shells,
 * and apply_patch.
 */
import * as z from 'zod/mini';
import { ShellOutputContentSchema } from './content.js';
import { ItemStatusSchema, int, jsonObject, stringRecord } from './shared.js';

const status = z.optional(ItemStatusSchema);
const _JsonObjectSchema = jsonObject();

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
