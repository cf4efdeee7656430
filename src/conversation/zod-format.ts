/**
 * `zodTextFormat` and `zodFunction`: a zod schema as a structured-output text format or a
 * function tool, in strict mode by default, checked locally before anything is sent.
 */
import { RequestValidationError } from '../errors.js';
import { toStrictJSONSchema } from './json-schema.js';
import type { InferZod, ZodFunctionTool, ZodSchemaLike, ZodTextFormat } from './parsed-types.js';
import { zodSchemaKey } from './schema-key.js';

/** Names of formats and functions: letters, digits, `_` and `-`, 1 to 64 of them. */
const namePattern = /^[A-Za-z0-9_-]{1,64}$/;

function checkName(name: string, what: string): void {
  if (!namePattern.test(name))
    throw new RequestValidationError(
      [
        {
          path: ['name'],
          message: `must be 1 to 64 letters, digits, _ or - (got ${JSON.stringify(name)})`,
        },
      ],
      what,
    );
}

/** Options of {@link zodTextFormat}. */
export interface ZodTextFormatOptions {
  /** What the format is for, for the model. */
  description?: string | undefined;
  /**
   * Strict mode (default `true`): the model's output follows the schema exactly, and the schema
   * must be one strict mode takes (every field required, no records…), checked here.
   */
  strict?: boolean | undefined;
}

/**
 * A `json_schema` text format from a zod schema, for `text.format`: with
 * `client.responses.parse()` or a conversation turn, the response's `output_parsed` is the
 * model's JSON parsed by the schema, typed. A schema strict mode cannot express (an optional
 * field that is not nullable, a record) is refused here with a `RequestValidationError` naming
 * the field.
 *
 * @example
 * const Recipe = z.object({ title: z.string(), steps: z.array(z.string()) });
 * const r = await client.responses.parse({ model, input, text: { format: zodTextFormat(Recipe, 'recipe') } });
 * r.output_parsed; // { title: string; steps: string[] } | null
 */
export function zodTextFormat<Schema extends ZodSchemaLike>(
  schema: Schema,
  name: string,
  options: ZodTextFormatOptions = {},
): ZodTextFormat<InferZod<Schema>> {
  const what = `text format ${JSON.stringify(name)}`;
  checkName(name, what);
  const strict = options.strict ?? true;
  const format = {
    type: 'json_schema' as const,
    name,
    schema: toStrictJSONSchema(schema, what, strict),
    strict,
    ...(options.description === undefined ? {} : { description: options.description }),
    [zodSchemaKey]: schema as ZodSchemaLike<InferZod<Schema>>,
  };
  return format;
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
