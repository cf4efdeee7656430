/**
 * The zod schemas the structured-output helpers take, as a type: only the output type is read
 * here; zod itself parses and converts them.
 */

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
