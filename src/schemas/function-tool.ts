/** The function tool: the one most requests carry, so the envelope checks validate it in full. */
import * as z from 'zod/mini';
import { jsonObject, minLength } from './shared.js';

/** A JSON object: a JSON Schema, say. */
export const JsonObjectSchema = jsonObject();
/** Who may call a tool: the model directly, or a program it wrote. */
export const AllowedCallersSchema = z.optional(
  z.nullable(z.array(z.literal(['direct', 'programmatic']))),
);

/** A function in your code that the model may call. */
export const FunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  /** The function's name, as the model will call it. */
  name: z.string().check(minLength(1)),
  /** What the function does, for the model. */
  description: z.optional(z.nullable(z.string())),
  /** JSON Schema of the arguments. */
  parameters: z.optional(z.nullable(JsonObjectSchema)),
  /** JSON Schema of the function's output. */
  output_schema: z.optional(z.nullable(JsonObjectSchema)),
  /** Enforce the schema strictly on the arguments. */
  strict: z.optional(z.nullable(z.boolean())),
  /** Load this function only through tool search. */
  defer_loading: z.optional(z.boolean()),
  /** Who may call the function. */
  allowed_callers: AllowedCallersSchema,
});
