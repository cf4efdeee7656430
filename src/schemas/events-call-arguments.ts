/**
 * What the model writes for a call as it streams: a function call's arguments, a custom tool
 * call's free-form input, an MCP call's arguments. Text that is whole only at its done event.
 */
import * as z from 'zod/mini';
import { seq } from './event-fields.js';

/**
 * A piece of a function call's arguments (`response.function_call_arguments.delta`): JSON text,
 * not parseable until the call is done. For the whole call, wait for
 * `response.function_call_arguments.done` or the item's `response.output_item.done`.
 */
export const ResponseFunctionCallArgumentsDeltaEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.delta'),
  /** Padding that hides the payload's length (OpenResponses, OpenAI). */
  obfuscation: z.optional(z.string()),
  /** The ID of the output item that the function-call arguments delta is added to. */
  item_id: z.string(),
  /** The index of the output item that the function-call arguments delta is added to. */
  output_index: z.number(),
  ...seq,
  /** The function-call arguments delta that is added. */
  delta: z.string(),
});

/**
 * A function call's arguments are complete (`response.function_call_arguments.done`): `arguments`
 * is the whole JSON text (and `name` the function's, where the server sends it).
 */
export const ResponseFunctionCallArgumentsDoneEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.done'),
  /** The ID of the item. */
  item_id: z.string(),
  /** The name of the function that was called (often omitted). */
  name: z.optional(z.string()),
  /** The index of the output item. */
  output_index: z.number(),
  ...seq,
  /** The function-call arguments. */
  arguments: z.string(),
});

/** A piece of a custom tool call's free-form input (`response.custom_tool_call_input.delta`). */
export const ResponseCustomToolCallInputDeltaEventSchema = z.looseObject({
  type: z.literal('response.custom_tool_call_input.delta'),
  ...seq,
  /** The index of the output this delta applies to. */
  output_index: z.number(),
  /** Unique identifier for the API item associated with this event. */
  item_id: z.string(),
  /** The incremental input data (delta) for the custom tool call. */
  delta: z.string(),
});

/**
 * A custom tool call's input is complete (`response.custom_tool_call_input.done`): `input` holds
 * all of it.
 */
export const ResponseCustomToolCallInputDoneEventSchema = z.looseObject({
  type: z.literal('response.custom_tool_call_input.done'),
  ...seq,
  /** The index of the output this event applies to. */
  output_index: z.number(),
  /** Unique identifier for the API item associated with this event. */
  item_id: z.string(),
  /** The complete input data for the custom tool call. */
  input: z.string(),
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
