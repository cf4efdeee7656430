/**
 * The OpenAI-compatible gateway: the canonical params plus `messages` (an alternative to `input`)
 * and `conversation` as a string ID; it keeps no `previous_response_id`, `store` must be false,
 * `truncation` is refused, and only function and web search tools are allowed.
 */
import * as z from 'zod/mini';
import { ChatMessageSchema } from '../chat.js';
import { responseCreateShape } from '../create-params.js';
import { FunctionToolSchema } from '../function-tool.js';
import { WebSearchPreviewToolSchema, WebSearchToolSchema } from '../tools.js';

/** The body of the gateway's `POST /v1/responses`. */
export const GatewayCreateParamsSchema = z
  .looseObject({
    ...responseCreateShape,
    /** Chat-formatted messages, instead of `input` (never both). */
    messages: z.optional(z.array(ChatMessageSchema)),
    /** The conversation ID for multi-turn context. */
    conversation: z.optional(z.nullable(z.string())),
    /** Only function and web search tools. */
    tools: z.optional(
      z.nullable(
        z.array(
          z.discriminatedUnion('type', [
            FunctionToolSchema,
            WebSearchToolSchema,
            WebSearchPreviewToolSchema,
          ]),
        ),
      ),
    ),
    /** Not supported by the gateway: use `conversation`. */
    previous_response_id: z.optional(z.nullable(z.never())),
    /** Must be false or omitted. */
    store: z.optional(z.nullable(z.literal(false))),
    /** Not supported by the gateway. */
    truncation: z.optional(z.never()),
  })
  .check(
    z.refine((body) => !(body.input != null && body.messages != null), {
      message: 'Give either input or messages, not both',
      path: ['messages'],
    }),
  );
export type GatewayCreateParams = z.input<typeof GatewayCreateParamsSchema>;
