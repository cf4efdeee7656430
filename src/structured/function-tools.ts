/**
 * A conversation's tools as the function tools its requests declare: their zod parameters
 * converted by zod's own converter, strict by default. Loaded only by a conversation that has
 * tools, so a plain chat never bundles zod's JSON Schema converter.
 */
import type { FunctionTool } from '../types/index.js';
import type { ZodSchemaLike } from './schema-like.js';
import { toStrictJSONSchema } from './strict-json-schema.js';

/** What of a conversation's tool its declaration needs (its `execute` is the conversation's). */
export interface DeclaredTool {
  /** What the function does, for the model. */
  description?: string | undefined;
  /** The zod schema of its arguments. */
  parameters: ZodSchemaLike;
  /** Strict mode (default `true`). */
  strict?: boolean | undefined;
}

/** A conversation's tools record as the function tools a request declares. */
export function functionTools(tools: Record<string, DeclaredTool>): FunctionTool[] {
  return Object.entries(tools).map(([name, tool]) => {
    const strict = tool.strict ?? true;
    const what = `function tool ${JSON.stringify(name)} parameters`;
    return {
      type: 'function',
      name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: toStrictJSONSchema(tool.parameters, what, strict),
      strict,
    };
  });
}
