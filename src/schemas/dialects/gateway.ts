/**
 * The OpenAI-compatible gateway (its API reference): its own fields and the canonical ones it
 * narrows. `model` is required; `messages` is the alternative to `input`; state is kept by
 * `conversation`, never `previous_response_id`; `store` must be false; `truncation` is refused;
 * only function and web search tools. Light: loaded with the dialect.
 */
import * as z from 'zod/mini';
import { ChatMessageSchema } from '../chat.js';
import type { FunctionToolSchema } from '../function-tool.js';
import type { DialectCreateParams } from '../shared.js';
import type { WebSearchPreviewToolSchema, WebSearchToolSchema } from '../tools-hosted.js';

/** A tool the gateway takes (its reference: function, and web_search or web_search_preview). */
export type GatewayTool =
  | z.input<typeof FunctionToolSchema>
  | (z.input<typeof WebSearchToolSchema> & { type: 'web_search' })
  | (z.input<typeof WebSearchPreviewToolSchema> & { type: 'web_search_preview' });

const GATEWAY_TOOLS: readonly unknown[] = ['function', 'web_search', 'web_search_preview'];
const typeOf = (value: unknown) => (value as { type?: unknown } | null)?.type;

/** The gateway's own fields, and the canonical ones it narrows. */
export const GatewayParamsSchema = z.looseObject({
  /** A model slug from `GET /v1/models`, like `gpt-4.1` (required). */
  model: z.string({ error: 'the gateway requires model: a string' }),
  /**
   * Chat-formatted messages, instead of `input` (never both): system and developer ones become
   * instructions.
   */
  messages: z.optional(
    z.array(
      z.looseObject({
        ...ChatMessageSchema.shape,
        /** `system`, `developer`, `user`, `assistant` or `tool`. */
        role: z.literal(['system', 'developer', 'user', 'assistant', 'tool'], {
          error: 'the gateway takes system, developer, user, assistant or tool messages',
        }),
      }),
    ),
  ),
  /** Function and web search tools (`web_search_preview` is sent as `web_search`). */
  tools: z.optional(
    z.nullable(
      z.array(
        z.custom<GatewayTool>((tool) => GATEWAY_TOOLS.includes(typeOf(tool)), {
          error: (issue) =>
            `the gateway takes function and web_search tools only, not ${JSON.stringify(typeOf(issue.input))}`,
        }),
      ),
    ),
  ),
  /** Extra data to include: one of the 7 values the gateway allows. */
  include: z.optional(
    z.nullable(
      z.array(
        z.literal(
          [
            'code_interpreter_call.outputs',
            'computer_call_output.output.image_url',
            'file_search_call.results',
            'message.input_image.image_url',
            'message.output_text.logprobs',
            'reasoning.encrypted_content',
            'web_search_call.action.sources',
          ],
          {
            error: (issue) => `the gateway does not allow include ${JSON.stringify(issue.input)}`,
          },
        ),
      ),
    ),
  ),
  /** The conversation ID that carries multi-turn context. */
  conversation: z.optional(z.nullable(z.string())),
  /** Not supported by the gateway: use `conversation`. */
  previous_response_id: z.optional(
    z.nullable(
      z.never({ error: 'the gateway does not support previous_response_id: use conversation' }),
    ),
  ),
  /** Must be false or omitted (the gateway stores nothing). */
  store: z.optional(
    z.nullable(z.literal(false, { error: 'the gateway takes store: false or no store' })),
  ),
  /** Not supported by the gateway. */
  truncation: z.optional(
    z.nullable(z.never({ error: 'the gateway does not support truncation, in any value' })),
  ),
});

/**
 * What a gateway client's `responses.create()` accepts: the canonical params and the gateway's own.
 */
export type GatewayCreateParams = DialectCreateParams<typeof GatewayParamsSchema>;
