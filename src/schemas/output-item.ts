/**
 * `ResponseOutputItem`: the 28 item types a response's `output` can hold, discriminated on
 * `type`, closed by a typed catch-all so items of new types pass through.
 */
import * as z from 'zod/mini';
import * as own from './items.js';
import * as computer from './items-computer.js';
import * as hosted from './items-hosted.js';
import { catchAll, typesOf } from './shared.js';

const knownItems = [
  own.OutputMessageSchema,
  hosted.FileSearchCallSchema,
  own.FunctionCallSchema,
  own.FunctionCallOutputSchema,
  hosted.WebSearchCallSchema,
  computer.ComputerCallSchema,
  computer.ComputerCallOutputSchema,
  own.ReasoningItemSchema,
  own.ProgramItemSchema,
  own.ProgramOutputItemSchema,
  own.ToolSearchCallSchema,
  own.ToolSearchOutputSchema,
  own.AdditionalToolsSchema,
  own.CompactionItemSchema,
  hosted.ImageGenerationCallSchema,
  hosted.CodeInterpreterCallSchema,
  computer.LocalShellCallSchema,
  computer.LocalShellCallOutputSchema,
  computer.ShellCallSchema,
  computer.ShellCallOutputSchema,
  computer.ApplyPatchCallSchema,
  computer.ApplyPatchCallOutputSchema,
  hosted.McpCallSchema,
  hosted.McpListToolsSchema,
  hosted.McpApprovalRequestSchema,
  hosted.McpApprovalResponseSchema,
  own.CustomToolCallSchema,
  own.CustomToolCallOutputSchema,
] as const;

/** The 28 known output item schemas, in the spec's order. */
export const knownOutputItemSchemas = knownItems;
/**
 * The known output item types, without the catch-all for unknown ones: the type for an exhaustive
 * `switch (item.type)`.
 */
export const KnownOutputItemSchema = z.discriminatedUnion('type', [...knownItems]);
/** An item that is none of the known types; kept whole. */
export const UnknownOutputItemSchema = catchAll(() => typesOf(knownItems));
/** One item of `Response.output`. */
export const ResponseOutputItemSchema = z.union([KnownOutputItemSchema, UnknownOutputItemSchema]);
/**
 * One item of `response.output`, discriminated on `type`: a message, reasoning, a function or
 * custom tool call, a hosted tool's call (web search, file search, code interpreter, image
 * generation, MCP, shell…), and more. Items of a type this client does not know pass through
 * (see {@link ResponseUnknownOutputItem}); for an exhaustive `switch`, use
 * `KnownResponseOutputItem`.
 */
export type ResponseOutputItem = z.infer<typeof ResponseOutputItemSchema>;
/**
 * An output item of a type this client does not know (one newer than this version, or a
 * server's own), kept with all its fields. Its `type` is an {@link UnknownType}, so checks for
 * known types still narrow; compare it with `String(item.type)`.
 */
export type ResponseUnknownOutputItem = z.infer<typeof UnknownOutputItemSchema>;
