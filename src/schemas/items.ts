/**
 * Output items the model itself produces: messages, reasoning, function and custom tool calls
 * (with their outputs), compaction, programs and tool search. Hosted tool calls live in
 * items-hosted.ts; the union of all 28 is in output-item.ts.
 *
 * Real servers omit `status` on reasoning and MCP items and `annotations` on text, so those are
 * optional here whatever the spec says.
 */
import * as z from 'zod/mini';
import {
  InputContentSchema,
  OutputContentSchema,
  ReasoningTextSchema,
  SummaryTextSchema,
} from './content.js';
import { ItemStatusSchema } from './shared.js';
import { ToolSchema } from './tools.js';

const status = z.optional(ItemStatusSchema);
/** Who called a tool: the model directly, or a program (with its ID). */
const CallerSchema = z.optional(z.nullable(z.looseObject({ type: z.string() })));
/**
 * What a tool call's output holds: text (often JSON), or a list of input parts (text, images,
 * files).
 */
export const ToolOutputSchema = z.union([z.string(), z.array(InputContentSchema)]);

/** A message written by the model. */
export const OutputMessageSchema = z.looseObject({
  type: z.literal('message'),
  /** The item's unique ID. */
  id: z.string(),
  /** Always `assistant`. */
  role: z.literal('assistant'),
  /** Text and refusal parts. */
  content: z.array(OutputContentSchema),
  /** `commentary` for intermediate messages, `final_answer` for the answer. */
  phase: z.optional(z.nullable(z.literal(['commentary', 'final_answer']))),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/**
 * A message the model wrote (`type: 'message'`, `role: 'assistant'`): its `content` parts (text
 * or refusal). Most replies are one of these in `response.output`.
 */
export type ResponseOutputMessage = z.infer<typeof OutputMessageSchema>;

/** The model's reasoning: a summary, optional raw text, optional encrypted state. */
export const ReasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  /** The item's unique ID. */
  id: z.string(),
  /** Summary parts (`summary_text`). */
  summary: z.array(z.union([SummaryTextSchema, z.looseObject({ type: z.string() })])),
  /** Raw reasoning text parts, where the server shares them. */
  content: z.optional(z.nullable(z.array(ReasoningTextSchema))),
  /** Opaque reasoning state to send back on the next turn. */
  encrypted_content: z.optional(z.nullable(z.string())),
  /** Often omitted by real servers. */
  status,
});
/**
 * A reasoning model's thinking (`type: 'reasoning'`): a `summary` (when asked for with
 * `reasoning.summary`), the raw text where a server gives it (OpenResponses), and
 * `encrypted_content` to carry the reasoning across turns on stateless requests. Send it back in
 * `input` with the rest of the history when you replay a conversation yourself.
 */
export type ResponseReasoningItem = z.infer<typeof ReasoningItemSchema>;

/** A call to one of your functions. */
export const FunctionCallSchema = z.looseObject({
  type: z.literal('function_call'),
  /** The item's unique ID. */
  id: z.optional(z.string()),
  /** The call's ID, to pair it with its `function_call_output`. */
  call_id: z.string(),
  /** The function's name. */
  name: z.string(),
  /** The arguments, as a JSON string. */
  arguments: z.string(),
  /** The function's namespace, for namespaced tools. */
  namespace: z.optional(z.string()),
  /** Who made the call. */
  caller: CallerSchema,
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/**
 * The model calls one of your function tools (`type: 'function_call'`): the function's `name`,
 * its `arguments` as a JSON string, and the `call_id` to answer with a `function_call_output`.
 * Several may come in one response (parallel calls).
 */
export type ResponseFunctionToolCall = z.infer<typeof FunctionCallSchema>;

/**
 * Your function's result, as a stored conversation gives it back (`function_call_output`, in
 * input item lists and compactions).
 */
export const FunctionCallOutputSchema = z.looseObject({
  type: z.literal('function_call_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The ID of the call this answers. */
  call_id: z.string(),
  /** What your function returned. */
  output: ToolOutputSchema,
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});

/** A call to a custom tool, with free-form input. */
export const CustomToolCallSchema = z.looseObject({
  type: z.literal('custom_tool_call'),
  /** The item's unique ID. */
  id: z.optional(z.string()),
  /** The call's ID, to pair it with its output. */
  call_id: z.string(),
  /** The tool's name. */
  name: z.string(),
  /** The input the model wrote. */
  input: z.string(),
  /** The tool's namespace, for namespaced tools. */
  namespace: z.optional(z.string()),
  /** Who made the call. */
  caller: CallerSchema,
});
/**
 * The model calls one of your custom tools (`type: 'custom_tool_call'`) with free-form `input`
 * (plain text, or text following the tool's grammar); answer with a `custom_tool_call_output`
 * for its `call_id`.
 */
export type ResponseCustomToolCall = z.infer<typeof CustomToolCallSchema>;

/** The output of a custom tool call. */
export const CustomToolCallOutputSchema = z.looseObject({
  type: z.literal('custom_tool_call_output'),
  /** The item's unique ID. */
  id: z.optional(z.string()),
  /** The ID of the call this answers. */
  call_id: z.string(),
  /** What your tool returned. */
  output: ToolOutputSchema,
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});

/** Conversation state compacted by `POST /responses/compact`. */
export const CompactionItemSchema = z.looseObject({
  type: z.literal('compaction'),
  /** The item's unique ID. */
  id: z.string(),
  /** The compacted state, opaque. */
  encrypted_content: z.string(),
});

/** A program written by the model (programmatic tool calling). */
export const ProgramItemSchema = z.looseObject({
  type: z.literal('program'),
  /** The item's unique ID. */
  id: z.string(),
  /** The program's call ID. */
  call_id: z.string(),
  /** The JavaScript source. */
  code: z.string(),
  /** Opaque replay fingerprint; send it back unchanged. */
  fingerprint: z.string(),
});
/** The result of a program. */
export const ProgramOutputItemSchema = z.looseObject({
  type: z.literal('program_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The program's call ID. */
  call_id: z.string(),
  /** What the program produced. */
  result: z.string(),
  /** `completed` or `incomplete`. */
  status: z.optional(z.literal(['completed', 'incomplete'])),
});

const execution = z.literal(['server', 'client']);
/** A search for deferred tools. */
export const ToolSearchCallSchema = z.looseObject({
  type: z.literal('tool_search_call'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID (null when run by the server). */
  call_id: z.optional(z.nullable(z.string())),
  /** `server` or `client`. */
  execution: z.optional(execution),
  /** The search arguments. */
  arguments: z.optional(z.unknown()),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/** The tools a tool search found. */
export const ToolSearchOutputSchema = z.looseObject({
  type: z.literal('tool_search_output'),
  /** The item's unique ID. */
  id: z.string(),
  /** The call's ID. */
  call_id: z.optional(z.nullable(z.string())),
  /** `server` or `client`. */
  execution: z.optional(execution),
  /** The tools found. */
  tools: z.array(ToolSchema),
  /** `in_progress`, `completed` or `incomplete`. */
  status,
});
/** Tools made available from this point of the conversation. */
export const AdditionalToolsSchema = z.looseObject({
  type: z.literal('additional_tools'),
  /** The item's unique ID. */
  id: z.string(),
  /** Who provided the tools. */
  role: z.optional(z.string()),
  /** The tools. */
  tools: z.array(ToolSchema),
});
