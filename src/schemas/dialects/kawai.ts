/**
 * Kawai (a local-model server with llama.cpp-style samplers): the canonical params plus its
 * samplers, each with the default and range its documentation gives.
 */
import * as z from 'zod/mini';
import { responseCreateShape } from '../create-params.js';
import { FunctionToolSchema } from '../function-tool.js';
import { atLeast, between, int, jsonObject, minLength } from '../shared.js';
import { ToolSchema } from '../tools.js';

const float = z.number();
const nonNegative = () => z.optional(z.number().check(atLeast(0)));
const count = () => z.optional(int().check(atLeast(0)));

/** A function tool in chat-completions form, as Kawai's documentation writes it. */
const KawaiChatFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  /** The function: name, description and JSON Schema parameters. */
  function: z.looseObject({
    name: z.string().check(minLength(1)),
    description: z.optional(z.string()),
    parameters: z.optional(jsonObject()),
  }),
});

/** The body of Kawai's `POST /responses`. */
export const KawaiCreateParamsSchema = z.looseObject({
  ...responseCreateShape,
  /** Tools, in Responses form or Kawai's chat-completions form. */
  tools: z.optional(
    z.nullable(z.array(z.union([FunctionToolSchema, KawaiChatFunctionToolSchema, ToolSchema]))),
  ),
  /** Randomness, default 0.8 (0 to 2). */
  temperature: z.optional(z.nullable(float.check(between(0, 2)))),
  /** Keep only the K most probable tokens (default 40). */
  top_k: count(),
  /** Nucleus sampling threshold, 0 to 1 (default 0.9). */
  top_p: z.optional(z.nullable(float.check(between(0, 1)))),
  /** Minimum probability relative to the top token, 0 to 1 (default 0). */
  min_p: z.optional(float.check(between(0, 1))),
  /** Output token limit (default: the context window). */
  max_tokens: z.optional(int().check(atLeast(1))),
  /** Penalty for repeated tokens (default 1.1). */
  repeat_penalty: nonNegative(),
  /** Recent tokens the repetition penalty looks at (default 64). */
  repeat_last_n: count(),
  /** DRY n-gram repetition penalty multiplier (default 0, off). */
  dry_multiplier: nonNegative(),
  /** Base of DRY's exponential penalty (default 1.75). */
  dry_base: nonNegative(),
  /** Shortest n-gram DRY penalizes (default 2). */
  dry_allowed_length: count(),
  /** Recent tokens DRY looks at, 0 = whole context (default 0). */
  dry_penalty_last_n: count(),
  /** XTC culling probability, 0 to 1 (default 0, off). */
  xtc_probability: z.optional(float.check(between(0, 1))),
  /** XTC probability threshold, 0 to 1 (default 0.1). */
  xtc_threshold: z.optional(float.check(between(0, 1))),
  /** Tokens XTC always keeps (default 1). */
  xtc_min_keep: count(),
  /** Model thinking for non-GPT models, `'true'` or `'false'` (default true). */
  enable_thinking: z.optional(z.union([z.literal(['true', 'false']), z.boolean()])),
  /** Reasoning level for GPT models (default `medium`). */
  reasoning_effort: z.optional(z.literal(['none', 'minimal', 'low', 'medium', 'high'])),
  /** Include the prompt in the response (default false). */
  return_prompt: z.optional(z.boolean()),
  /** Include usage in streamed responses (default true). */
  include_usage: z.optional(z.boolean()),
  /** Return log probabilities of output tokens (default false). */
  logprobs: z.optional(z.boolean()),
  /** Alternatives per token, 0 to 5 (default 0). */
  top_logprobs: z.optional(z.nullable(int().check(between(0, 5)))),
});
export type KawaiCreateParams = z.input<typeof KawaiCreateParamsSchema>;
