/**
 * `zodFunction`: a zod schema as the parameters of a function tool, in strict mode by default,
 * checked locally before anything is sent.
 */
import type { FunctionTool } from '../types/index.js';
import { checkName } from './format-name.js';
import { zodSchemaKey } from './schema-key.js';
import type { InferZod, ZodSchemaLike } from './schema-like.js';
import { toStrictJSONSchema } from './strict-json-schema.js';

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

/** What {@link zodFunction} takes. */
export interface ZodFunctionOptions<Name extends string, Schema extends ZodSchemaLike> {
  /** The function's name, as the model calls it (letters, digits, `_` and `-`, up to 64). */
  name: Name;
  /** The zod schema of its arguments (an object). */
  parameters: Schema;
  /** What the function does, for the model. */
  description?: string | undefined;
  /** Strict mode (default `true`): the arguments follow the schema exactly. */
  strict?: boolean | undefined;
}

/**
 * A function tool from a zod schema: its `parameters` are the schema's JSON Schema (strict by
 * default, checked here), and in `client.responses.parse()` the calls to it carry
 * `parsed_arguments`, parsed and checked by the schema, typed.
 *
 * @example
 * const weather = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) });
 * const r = await client.responses.parse({ model, input, tools: [weather] });
 */
export function zodFunction<const Name extends string, Schema extends ZodSchemaLike>(
  options: ZodFunctionOptions<Name, Schema>,
): ZodFunctionTool<Name, InferZod<Schema>> {
  const what = `function tool ${JSON.stringify(options.name)}`;
  checkName(options.name, what);
  const strict = options.strict ?? true;
  return {
    type: 'function',
    name: options.name,
    ...(options.description === undefined ? {} : { description: options.description }),
    parameters: toStrictJSONSchema(options.parameters, `${what} parameters`, strict),
    strict,
    [zodSchemaKey]: options.parameters as ZodSchemaLike<InferZod<Schema>>,
  };
}
