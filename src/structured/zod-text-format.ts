/**
 * `zodTextFormat`: a zod schema as a structured-output text format, in strict mode by default,
 * checked locally before anything is sent.
 */
import { checkName } from './format-name.js';
import { zodSchemaKey } from './schema-key.js';
import type { InferZod, ZodSchemaLike } from './schema-like.js';
import { toStrictJSONSchema } from './strict-json-schema.js';

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
