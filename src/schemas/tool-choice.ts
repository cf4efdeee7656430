/** `tool_choice`: how the model picks among its tools. */
import * as z from 'zod/mini';

/** How the model picks tools: a mode, a named tool, or an allowed subset. */
export const ToolChoiceSchema = z.union([
  z.literal(['none', 'auto', 'required']),
  z.union([
    z.looseObject({
      type: z.literal('allowed_tools'),
      /** `auto` or `required` among the allowed tools. */
      mode: z.literal(['auto', 'required']),
      /** The tools the model may call, e.g. `{ type: 'function', name }`. */
      tools: z.array(z.looseObject({ type: z.string() })),
    }),
    z.looseObject({
      /** A hosted tool to force. */
      type: z.literal([
        'file_search',
        'web_search_preview',
        'computer',
        'computer_use_preview',
        'computer_use',
        'web_search_preview_2025_03_11',
        'image_generation',
        'code_interpreter',
        'programmatic_tool_calling',
        'apply_patch',
        'shell',
      ]),
    }),
    /** Force a call to this function. */
    z.looseObject({ type: z.literal('function'), name: z.string() }),
    /** Force a call to a tool of this MCP server. */
    z.looseObject({
      type: z.literal('mcp'),
      server_label: z.string(),
      name: z.optional(z.nullable(z.string())),
    }),
    /** Force a call to this custom tool. */
    z.looseObject({ type: z.literal('custom'), name: z.string() }),
  ]),
]);
/**
 * How the model may use its tools (`tool_choice` of a request): `'auto'` (the default),
 * `'none'`, `'required'`, one tool by name or type (`{ type: 'function', name }`), or a subset
 * (`{ type: 'allowed_tools', mode, tools }`).
 */
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;
