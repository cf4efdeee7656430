/**
 * Structured output, read back: the model's JSON parsed by the text format's zod schema
 * (`output_parsed`), and the arguments of calls to `zodFunction` tools (`parsed_arguments`).
 * Loaded on the first `responses.parse()` or conversation turn. What is not JSON, or does not
 * match, is a {@link ResponseValidationError} naming the path, never a bare `SyntaxError`.
 */
import { ResponseValidationError } from '../errors.js';
import { isObject } from '../json.js';
import { snippet } from '../transport/snippet.js';
import type { Response, ResponseFunctionToolCall } from '../types/index.js';
import type { ParsedResponse } from './parsed-response.js';
import { zodSchemaKey } from './schema-key.js';
import type { ZodSchemaLike } from './schema-like.js';
import { parseWithSchema } from './schema-parse.js';

/** The params parsing looks at: the text format and the tools. */
export interface ParseSource {
  text?: { format?: unknown } | null | undefined;
  tools?: readonly unknown[] | null | undefined;
}

/** The zod schema a format or a tool carries, if it was made from one. */
export const schemaOf = (value: unknown): ZodSchemaLike | undefined =>
  isObject(value) ? (value as { [zodSchemaKey]?: ZodSchemaLike })[zodSchemaKey] : undefined;

/** JSON text parsed, or a {@link ResponseValidationError} saying what came instead. */
export function parseJSON(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const got = text.trim() === '' ? 'nothing' : snippet(text);
    throw new ResponseValidationError(
      what,
      [{ path: [], message: `expected JSON, got ${got}` }],
      text,
    );
  }
}

/** The text of the last assistant message, or `undefined` when it refused or wrote none. */
function messageText(response: Response): string | undefined {
  for (let index = response.output.length - 1; index >= 0; index--) {
    const item: unknown = response.output[index];
    if (!isObject(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
    const parts = item.content.filter(isObject);
    if (parts.some((part) => part.type === 'refusal')) return undefined;
    const texts = parts.filter((part) => part.type === 'output_text');
    if (texts.length > 0) return texts.map((part) => String(part.text)).join('');
  }
  return undefined;
}

/**
 * Fills `output_parsed` (from the text format's zod schema; `null` when the model refused, wrote
 * no text, or the format carries no schema) and the `parsed_arguments` of calls to tools made by
 * `zodFunction`. The response is changed in place and returned.
 */
export function parseOutput<T>(response: Response, params: ParseSource): ParsedResponse<T> {
  const parsed = response as ParsedResponse<T>;
  const format = params.text?.format;
  const schema = schemaOf(format);
  const text = schema ? messageText(response) : undefined;
  parsed.output_parsed = null;
  if (schema && text !== undefined) {
    const name = (format as { name?: unknown }).name;
    const incomplete = response.incomplete_details?.reason;
    const what = `structured output ${JSON.stringify(name)}${incomplete ? ` (the response is incomplete: ${incomplete})` : ''}`;
    parsed.output_parsed = parseWithSchema(schema as ZodSchemaLike<T>, parseJSON(text, what), what);
  }
  const tools = new Map<string, ZodSchemaLike>();
  for (const tool of params.tools ?? []) {
    const toolSchema = schemaOf(tool);
    if (toolSchema) tools.set(String((tool as { name?: unknown }).name), toolSchema);
  }
  for (const item of parsed.output) {
    if (!isObject(item) || item.type !== 'function_call') continue;
    const call = item as ResponseFunctionToolCall & { parsed_arguments?: unknown };
    const toolSchema = tools.get(call.name);
    if (!toolSchema) continue;
    const what = `arguments of the ${call.name} call ${call.call_id}`;
    call.parsed_arguments = parseWithSchema(toolSchema, parseJSON(call.arguments, what), what);
  }
  return parsed;
}
