/**
 * Kawai (a local-model server with llama.cpp-style samplers): its own fields, each with the
 * type, default and range its API reference gives. Kawai keeps no state (its reference documents
 * no retrieve and no stored responses), so `previous_response_id`, `conversation`, `store: true`
 * and `background: true` are refused before sending, as OpenRouter's are. Light: loaded with the
 * dialect.
 */
import * as z from 'zod/mini';
import type { ResponseCreateParams } from '../create-params.js';
import type { FunctionToolSchema } from '../function-tool.js';
import { between, type DialectCreateParams, int, nullish } from '../shared.js';

const INT32 = 2 ** 31;
/** An `int32` of Kawai's reference. */
const int32 = () => z.optional(int().check(between(-INT32, INT32 - 1)));
/** A `float32` of Kawai's reference. */
const float = () => z.optional(z.number());
/** A probability, 0 to 1. */
const probability = () => z.optional(z.number().check(between(0, 1)));
const typeOf = (value: unknown) => (value as { type?: unknown } | null)?.type;
const flag = () => z.optional(z.boolean({ error: 'expected true or false' }));

/** Reasoning level for GPT models (Kawai's reference: none, minimal, low, medium, high). */
const KawaiReasoningEffortSchema = z.literal(['none', 'minimal', 'low', 'medium', 'high'], {
  error: 'Kawai takes none, minimal, low, medium or high',
});

const stateless = 'Kawai keeps no responses: send the whole history in `input`';

/** Kawai's own fields, and the canonical ones it narrows. */
export const KawaiParamsSchema = z.looseObject({
  /** The model, like `qwen3-8b-q8_0` (required). */
  model: z.string({ error: 'Kawai requires model: a string' }),
  /** The input: text (sent as one user message) or messages and items (required). */
  input: z.custom<NonNullable<ResponseCreateParams['input']>>(
    (value) => typeof value === 'string' || Array.isArray(value),
    'Kawai requires input: text or an array of messages',
  ),
  /** Function tools only (the one kind Kawai documents); sent in its nested form. */
  tools: z.optional(
    z.nullable(
      z.array(
        z.custom<z.input<typeof FunctionToolSchema>>((tool) => typeOf(tool) === 'function', {
          error: (issue) =>
            `Kawai takes function tools only, not ${JSON.stringify(typeOf(issue.input))}`,
        }),
      ),
    ),
  ),
  /** `auto`, `none` or `required` (Kawai takes no object form). */
  tool_choice: z.optional(
    z.nullable(
      z.literal(['auto', 'none', 'required'], {
        error: 'Kawai takes tool_choice as a string: auto, none or required',
      }),
    ),
  ),
  /** Reasoning settings: `effort` is sent as Kawai's `reasoning_effort`. */
  reasoning: z.optional(
    z.nullable(z.looseObject({ effort: z.optional(z.nullable(KawaiReasoningEffortSchema)) })),
  ),
  /** Keep only the K most probable tokens (default 40). */
  top_k: int32(),
  /** Minimum probability relative to the top token, 0 to 1 (default 0). */
  min_p: probability(),
  /** Output token limit (default: the context window); `max_output_tokens` is sent as this. */
  max_tokens: z.optional(int()),
  /** Penalty for repeated tokens (default 1.1). */
  repeat_penalty: float(),
  /** Recent tokens the repetition penalty looks at (default 64). */
  repeat_last_n: int32(),
  /** DRY n-gram repetition penalty multiplier (default 0, off). */
  dry_multiplier: float(),
  /** Base of DRY's exponential penalty growth (default 1.75). */
  dry_base: float(),
  /** Shortest n-gram DRY penalizes (default 2). */
  dry_allowed_length: int32(),
  /** Recent tokens DRY looks at, 0 = the whole context (default 0). */
  dry_penalty_last_n: int32(),
  /** XTC culling probability, 0 to 1 (default 0, off). */
  xtc_probability: probability(),
  /** XTC probability threshold, 0 to 1 (default 0.1). */
  xtc_threshold: probability(),
  /** Tokens XTC always keeps, a `uint32` (default 1). */
  xtc_min_keep: z.optional(int().check(between(0, 2 ** 32 - 1))),
  /** Model thinking for non-GPT models: `'true'` or `'false'` (default true). */
  enable_thinking: z.optional(
    z.union([z.literal(['true', 'false']), z.boolean()], {
      error: "expected 'true', 'false' or a boolean",
    }),
  ),
  /** Reasoning level for GPT models (default `medium`). */
  reasoning_effort: z.optional(KawaiReasoningEffortSchema),
  /** Include the prompt in the response (default false). */
  return_prompt: flag(),
  /** Include token usage in streamed responses (default true). */
  include_usage: flag(),
  /** Return log probabilities of output tokens (default false). */
  logprobs: flag(),
  /** Most likely tokens returned at each position, 0 to 5 (default 0). */
  top_logprobs: z.optional(z.nullable(int().check(between(0, 5)))),
  /** Not supported: Kawai keeps no responses. */
  previous_response_id: nullish(z.never(`${stateless}, not previous_response_id`)),
  /** Not supported: Kawai keeps no conversations. */
  conversation: nullish(z.never(`${stateless}, not a conversation`)),
  /** Only `false` (the default): Kawai stores nothing. */
  store: nullish(z.literal(false, 'Kawai stores no responses: store may only be false')),
  /**
   * Only `false` (the default): a background response is one to fetch later, and a Kawai client
   * has no `retrieve` to fetch it with.
   */
  background: nullish(
    z.literal(
      false,
      'Kawai runs no background responses (it has no retrieve): background may only be false',
    ),
  ),
});

/** What a Kawai client's `responses.create()` accepts: the canonical params and Kawai's own. */
export type KawaiCreateParams = DialectCreateParams<typeof KawaiParamsSchema>;
