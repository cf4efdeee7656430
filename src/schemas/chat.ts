/**
 * Chat completions: request, response and stream chunk. Lenient on what comes back: Karta sends
 * `object: 'text_completion'` and chunks with only `choices[].delta`; OpenRouter adds
 * `reasoning` and `provider`; Groq adds `x_groq`.
 */
import * as z from 'zod/mini';
import { atLeast, between, int, MetadataSchema, maxLength, minLength } from './shared.js';

const num = z.number();
/** A tool call in an assistant message. */
const ChatToolCallSchema = z.looseObject({
  /** The call's ID. */
  id: z.string(),
  /** Always `function` (or `custom`). */
  type: z.string(),
  /** The function and its JSON arguments. */
  function: z.optional(z.looseObject({ name: z.string(), arguments: z.string() })),
});
/** A message of the conversation. */
export const ChatMessageSchema = z.looseObject({
  /** `system`, `developer`, `user`, `assistant` or `tool`. */
  role: z.literal(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  /** Text, or content parts. */
  content: z.optional(
    z.nullable(z.union([z.string(), z.array(z.looseObject({ type: z.string() }))])),
  ),
  /** A name for the participant (`null`: none; the Hugging Face router takes it, corpus
   * pydantic-ai/huggingface-chat-image-url-input). */
  name: z.optional(z.nullable(z.string())),
  /** Tool calls made by the assistant (`null`: none, as Hugging Face's router and Together take
   * it: corpus pydantic-ai/huggingface-chat-request-structured-response,
   * openllmetry/together-chat-legacy). */
  tool_calls: z.optional(z.nullable(z.array(ChatToolCallSchema))),
  /** The call a `tool` message answers. */
  tool_call_id: z.optional(z.string()),
});
/**
 * One message of a chat completion request's `messages`: a `role` (`system`, `developer`, `user`,
 * `assistant` or `tool`) and its `content`, plus `tool_calls` on an assistant message and
 * `tool_call_id` on a tool's answer. Some servers (Hugging Face's router, Together) send `null`
 * for `name` and `tool_calls`; that is accepted.
 */
export type ChatCompletionMessageParam = z.input<typeof ChatMessageSchema>;

/** The body of `POST /chat/completions`. */
export const ChatCompletionCreateParamsSchema = z.looseObject({
  /** The model. */
  model: z.optional(z.string()),
  /** The conversation so far. */
  messages: z.array(ChatMessageSchema).check(minLength(1)),
  /** Stream chunks as server-sent events. */
  stream: z.optional(z.nullable(z.boolean())),
  /** Stream settings: `include_usage`. */
  stream_options: z.optional(z.nullable(z.looseObject({ include_usage: z.optional(z.boolean()) }))),
  /** Sampling temperature, 0 to 2. */
  temperature: z.optional(z.nullable(num.check(between(0, 2)))),
  /** Nucleus sampling, 0 to 1. */
  top_p: z.optional(z.nullable(num.check(between(0, 1)))),
  /** Output token limit. */
  max_completion_tokens: z.optional(z.nullable(int().check(atLeast(1)))),
  /** Deprecated output token limit. */
  max_tokens: z.optional(z.nullable(int().check(atLeast(1)))),
  /** How many choices, 1 to 128. */
  n: z.optional(z.nullable(int().check(between(1, 128)))),
  /** Up to 4 stop sequences. */
  stop: z.optional(z.nullable(z.union([z.string(), z.array(z.string()).check(maxLength(4))]))),
  /** Presence penalty, -2 to 2. */
  presence_penalty: z.optional(z.nullable(num.check(between(-2, 2)))),
  /** Frequency penalty, -2 to 2. */
  frequency_penalty: z.optional(z.nullable(num.check(between(-2, 2)))),
  /**
   * Tools: `{ type: 'function', function: { name, description, parameters } }`. `type` may be
   * left out (Mistral takes a tool without it: corpus
   * pydantic-ai/mistral-chat-multimodal-tool-return-matrix-*-2); `null` is no tools (Together:
   * corpus openllmetry/together-chat-legacy, which sends `null` for every unused field).
   */
  tools: z.optional(z.nullable(z.array(z.looseObject({ type: z.optional(z.string()) })))),
  /** `none`, `auto`, `required` or a named function (`null`: the default; Together). */
  tool_choice: z.optional(z.nullable(z.union([z.string(), z.looseObject({ type: z.string() })]))),
  /** `{ type: 'text' | 'json_object' | 'json_schema', … }` (`null`: text; Together). */
  response_format: z.optional(z.nullable(z.looseObject({ type: z.string() }))),
  /** Seed for best-effort determinism. */
  seed: z.optional(z.nullable(int())),
  /** End-user identifier. */
  user: z.optional(z.string()),
});
/**
 * The body of `client.chat.completions.create(params)`: `model` and `messages`, sampling settings,
 * `tools`, `response_format`, and `stream: true` for a `ChatCompletionStream` of chunks. For servers
 * that speak chat completions besides (or instead of) the Responses API.
 */
export type ChatCompletionCreateParams = z.input<typeof ChatCompletionCreateParamsSchema>;

/** Token counts of a completion (OpenAI names, or Karta's `input_tokens`/`output_tokens`). */
const ChatUsageSchema = z.looseObject({
  /** Prompt tokens. */
  prompt_tokens: z.optional(num),
  /** Completion tokens. */
  completion_tokens: z.optional(num),
  /** Total tokens. */
  total_tokens: z.optional(num),
});

/** What `POST /chat/completions` returns. */
export const ChatCompletionSchema = z.looseObject({
  /** The completion's ID. */
  id: z.optional(z.string()),
  /** `chat.completion` (Karta: `text_completion`). */
  object: z.optional(z.string()),
  /** When it was created (Unix seconds). */
  created: z.optional(num),
  /** The model that answered. */
  model: z.optional(z.string()),
  /** The answers. */
  choices: z.array(
    z.looseObject({
      /** The choice's index. */
      index: z.optional(num),
      /** The assistant's message. */
      message: z.looseObject({
        /** Always `assistant`. */
        role: z.optional(z.string()),
        /** The text. */
        content: z.optional(z.nullable(z.string())),
        /** A refusal, if the model declined. */
        refusal: z.optional(z.nullable(z.string())),
        /** Tool calls. */
        tool_calls: z.optional(z.nullable(z.array(ChatToolCallSchema))),
      }),
      /** `stop`, `length`, `tool_calls`, `content_filter` or `function_call`. */
      finish_reason: z.optional(z.nullable(z.string())),
    }),
  ),
  /** Token counts. */
  usage: z.optional(z.nullable(ChatUsageSchema)),
  /** Backend configuration fingerprint. */
  system_fingerprint: z.optional(z.nullable(z.string())),
  /** The processing tier that served it (`default`, `flex`, `priority`…). */
  service_tier: z.optional(z.nullable(z.string())),
  /** Your metadata (stored completions). */
  metadata: z.optional(z.nullable(MetadataSchema)),
  /** Moderation results, when moderated completions were asked for. */
  moderation: z.optional(z.nullable(z.looseObject({}))),
});
/**
 * What a unary `client.chat.completions.create()` returns, and what a chat stream's
 * `finalChatCompletion()` rebuilds from its chunks: the model's `choices` (each with its
 * `message` and `finish_reason`) and the token `usage`.
 */
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

/** One chunk of a streamed chat completion. */
export const ChatCompletionChunkSchema = z.looseObject({
  /** The completion's ID (same on every chunk). */
  id: z.optional(z.string()),
  /** `chat.completion.chunk`. */
  object: z.optional(z.string()),
  /** When it was created (Unix seconds). */
  created: z.optional(num),
  /** The model. */
  model: z.optional(z.string()),
  /** The deltas, one per choice. */
  choices: z.array(
    z.looseObject({
      /** The choice's index. */
      index: z.optional(num),
      /** What this chunk adds. */
      delta: z.looseObject({
        /** Set on the first chunk. */
        role: z.optional(z.nullable(z.string())),
        /**
         * Text to append, or typed parts: Mistral's reasoning models stream their thinking as
         * `[{ type: 'thinking', thinking: [{ type: 'text', text }] }]` (corpus
         * ruby-llm/mistral-chat-mistral-hybrid-reasoning-streams-thinking-separately-from-conten).
         */
        content: z.optional(
          z.nullable(z.union([z.string(), z.array(z.looseObject({ type: z.string() }))])),
        ),
        /** Refusal text to append. */
        refusal: z.optional(z.nullable(z.string())),
        /** Tool call fragments, by `index`. */
        tool_calls: z.optional(
          z.nullable(
            z.array(
              z.looseObject({
                /** Which tool call this fragment extends. */
                index: num,
                /** Set on the first fragment. */
                id: z.optional(z.nullable(z.string())),
                /** Name (first fragment) and an arguments fragment. */
                function: z.optional(
                  z.looseObject({
                    name: z.optional(z.nullable(z.string())),
                    arguments: z.optional(z.nullable(z.string())),
                  }),
                ),
              }),
            ),
          ),
        ),
      }),
      /** Set on the last chunk of a choice. */
      finish_reason: z.optional(z.nullable(z.string())),
    }),
  ),
  /** Token counts, on the last chunk when asked for. */
  usage: z.optional(z.nullable(ChatUsageSchema)),
  /** An error reported mid-stream (OpenRouter). */
  error: z.optional(z.nullable(z.looseObject({ message: z.optional(z.string()) }))),
});
/**
 * One chunk of a streamed chat completion: the `delta` of each choice (text, tool-call argument
 * fragments) and, at the end, its `finish_reason`. OpenAI sends them as `data:` lines ending in
 * `[DONE]`, Karta as `event: chunk` lines; both arrive as these chunks.
 */
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;
