/**
 * The schemas the structured-output helpers take (`zodTextFormat`, `zodFunction`, a
 * conversation's tool `parameters`): zod 4, zod 3, or a Standard Schema that gives its JSON
 * Schema. Only their output type is read from their types; at run time {@link schemaKind} says
 * which one a value is, and the converters and parsers beside this file handle each.
 */

/** A zod 4 schema, from `zod`, `zod/mini` or `zod/v4`. */
export interface Zod4SchemaLike<Output = unknown> {
  /** zod's internals, which carry the type the schema parses to. */
  readonly _zod: {
    /** The type of the values the schema parses to. */
    readonly output: Output;
  };
}

/** A zod 3 schema: `zod/v3` (shipped by zod 3.25 and later, zod 4 included) or zod 3 itself. */
export interface Zod3SchemaLike<Output = unknown> {
  /** The type of the values the schema parses to (zod 3 declares it; no value is there). */
  readonly _output: Output;
  /** zod 3's definition of the schema, which its JSON Schema is written from. */
  readonly _def: object;
}

/**
 * A schema of any library that implements Standard Schema v1 (`~standard.validate`) and
 * Standard JSON Schema v1 (`~standard.jsonSchema`), so that it can both check a value and give
 * its JSON Schema: ArkType 2.1.28+, Valibot 1.2+ through `toStandardJsonSchema()`, zod 4.2+.
 */
export interface StandardJSONSchemaLike<Output = unknown> {
  /** The Standard Schema properties. */
  readonly '~standard': {
    /** The version of the standard: 1. */
    readonly version: 1;
    /** The library's name. */
    readonly vendor: string;
    /** Checks a value: the value it parses to, or the issues. */
    readonly validate: (value: unknown) => unknown;
    /** The JSON Schema of what the schema takes (`input`) or gives (`output`). */
    readonly jsonSchema: {
      /** The JSON Schema of what the schema takes (what the model writes), for `target`. */
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
    };
    /** The types the schema takes and gives (types only). */
    readonly types?:
      | {
          /** The type of the values the schema parses to. */
          readonly output: Output;
        }
      | undefined;
  };
}

/**
 * A schema the structured-output helpers and a conversation's tools take: a zod 4 or zod 3
 * schema, or a Standard Schema whose library gives its JSON Schema. Only its output type is
 * read here.
 */
export type ZodSchemaLike<Output = unknown> =
  | Zod4SchemaLike<Output>
  | Zod3SchemaLike<Output>
  | StandardJSONSchemaLike<Output>;

/** What a schema parses to. */
export type InferZod<Schema> =
  Schema extends Zod4SchemaLike<infer Output>
    ? Output
    : Schema extends Zod3SchemaLike<infer Output>
      ? Output
      : Schema extends StandardJSONSchemaLike<infer Output>
        ? Output
        : never;

/** Which kind of schema a value is, by what it carries; `undefined` when none of them. */
export function schemaKind(value: unknown): 'zod4' | 'zod3' | 'standard' | undefined {
  // An ArkType schema is a function.
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null)
    return undefined;
  const schema = value as Record<string, unknown>;
  if (typeof schema._zod === 'object' && schema._zod !== null) return 'zod4';
  const def = schema._def as { typeName?: unknown } | undefined;
  if (typeof def?.typeName === 'string' && typeof schema.safeParse === 'function') return 'zod3';
  const standard = schema['~standard'] as Record<string, unknown> | undefined;
  if (
    typeof standard?.validate === 'function' &&
    typeof (standard.jsonSchema as { input?: unknown } | undefined)?.input === 'function'
  )
    return 'standard';
  return undefined;
}
