/**
 * Responses with their output parsed: `output_parsed` from the text format's schema, and the
 * calls to `zodFunction` tools with `parsed_arguments`. Written by hand: they are generic over
 * what your schema parses to, which no wire schema can say.
 */
import type { Response, ResponseFunctionToolCall, ResponseOutputItem } from '../types/index.js';
import type { ZodFunctionTool } from './zod-function.js';

/** A call to a {@link zodFunction} tool, its arguments parsed and checked by its schema. */
export interface ParsedFunctionToolCall<Name extends string = string, Args = unknown>
  extends ResponseFunctionToolCall {
  /** The function's name. */
  name: Name;
  /** The arguments, parsed from JSON and checked by the tool's zod schema. */
  parsed_arguments: Args;
}

/** The calls of a list of tools: one {@link ParsedFunctionToolCall} per `zodFunction` tool. */
export type ParsedCallsOf<Tools> = [ParsedCall<Tools>] extends [never]
  ? ResponseFunctionToolCall
  : ParsedCall<Tools>;

type ParsedCall<Tools> = Tools extends readonly (infer Tool)[]
  ? Tool extends ZodFunctionTool<infer Name, infer Args>
    ? ParsedFunctionToolCall<Name, Args>
    : never
  : never;

/**
 * A response whose output was parsed: `output_parsed` is what the text format's zod schema made
 * of the model's JSON (`null` when the model refused: the refusal stays in `output`, or wrote no
 * text), and function calls to `zodFunction` tools carry `parsed_arguments`.
 */
export interface ParsedResponse<
  T = unknown,
  Call extends ResponseFunctionToolCall = ResponseFunctionToolCall,
> extends Response {
  /** The output, parsed by the text format's zod schema; `null` when the model refused. */
  output_parsed: T | null;
  /** What the model produced, item by item; calls to `zodFunction` tools with `parsed_arguments`. */
  output: (Exclude<ResponseOutputItem, ResponseFunctionToolCall> | Call)[];
}
