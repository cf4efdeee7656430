/**
 * The types of structured output: zod schemas as the helpers take them, the text formats and
 * function tools made from them, and responses with their output parsed. Written by hand: they
 * are generic over what your schema parses to, which no wire schema can say.
 */
import type { ResponseStream } from '../stream/response-stream.js';
import type {
  FunctionTool,
  Response,
  ResponseFunctionToolCall,
  ResponseOutputItem,
} from '../types/index.js';
import type { zodSchemaKey } from './schema-key.js';

/**
 * A zod 4 schema, from `zod` or `zod/mini`: what the structured-output helpers and the tools of
 * a conversation take. Only its output type is read here; zod parses and converts it.
 */
export interface ZodSchemaLike<Output = unknown> {
  /** zod's internals, which carry the type the schema parses to. */
  readonly _zod: {
    /** The type of the values the schema parses to. */
    readonly output: Output;
  };
}

/** What a zod schema parses to. */
export type InferZod<Schema> = Schema extends ZodSchemaLike<infer Output> ? Output : never;

/**
 * A `json_schema` text format made by {@link zodTextFormat}: plain JSON on the wire (it is a
 * `ResponseFormatTextConfig`), carrying the zod schema under a symbol that JSON never writes,
 * so `responses.parse()` and conversations fill `output_parsed` typed `T`.
 */
export interface ZodTextFormat<T = unknown> {
  /** Always `'json_schema'`. */
  type: 'json_schema';
  /** The format's name (letters, digits, `_` and `-`, up to 64). */
  name: string;
  /** The JSON Schema made from the zod schema by zod's own converter, checked for strict mode. */
  schema: Record<string, unknown>;
  /** What the format is for, for the model. */
  description?: string | undefined;
  /** Follow the schema exactly (default `true`). */
  strict: boolean;
  /** The zod schema that parses the output: never serialized. */
  readonly [zodSchemaKey]: ZodSchemaLike<T>;
}

/**
 * A function tool made by {@link zodFunction}: a `FunctionTool` on the wire, carrying its zod
 * schema so that the calls to it get `parsed_arguments` typed `Args`.
 */
export interface ZodFunctionTool<Name extends string = string, Args = unknown>
  extends FunctionTool {
  /** Always `'function'`. */
  type: 'function';
  /** The function's name, as the model calls it. */
  name: Name;
  /** The JSON Schema of its arguments, made from the zod schema. */
  parameters: Record<string, unknown>;
  /** Follow the schema exactly (default `true`). */
  strict: boolean;
  /** The zod schema that parses the arguments: never serialized. */
  readonly [zodSchemaKey]: ZodSchemaLike<Args>;
}

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

/** A {@link ResponseStream} of `responses.parse()`: the same events, a parsed final response. */
export interface ParsedResponseStream<
  T = unknown,
  Call extends ResponseFunctionToolCall = ResponseFunctionToolCall,
> extends ResponseStream {
  /** The response rebuilt from the events, its output parsed. */
  finalResponse(): Promise<ParsedResponse<T, Call>>;
}
