/**
 * Karta (`POST /v1/projects/{project_ref}/responses` and `…/chat/completions`, documented at
 * docs.karta.sh): the five fields its responses reference documents and the three of its chat
 * completions reference.
 * Loaded at run time by the Karta dialect, so it imports only light modules as values.
 */
import * as z from 'zod/mini';
import { ChatMessageSchema } from '../chat.js';
import type { ResponseCreateParams } from '../create-params.js';
import type { ResponseInputItem } from '../input-item.js';
import { minLength } from '../shared.js';

/**
 * Karta's responses reference: `input` is "a string, or an array of input items" (the items are
 * checked canonically).
 */
const isInput = (value: unknown) => typeof value === 'string' || Array.isArray(value);

/** The fields Karta's `POST …/responses` documents, each with its documented type. */
export const KartaParamsSchema = z.looseObject({
  /** The user input: text, or a list of input items. Required. */
  input: z.custom<string | ResponseInputItem[]>(
    isInput,
    'expected a string or an array of input items',
  ),
  /** `true` streams server-sent events; `false` (default) returns one response object. */
  stream: z.optional(z.boolean()),
  /** Continue from a prior response's `id` (it maps to the underlying Karta session). */
  previous_response_id: z.optional(z.nullable(z.string())),
  /** Pin and persist the session. */
  store: z.optional(z.boolean()),
  /** Override the model of the project's active release. */
  model: z.optional(z.string()),
});

/** The known keys of a loose object type, without its `[key: string]` index signature. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

/** Canonical fields Karta does not document: refused when set (`null` is left out). */
export type KartaUndocumentedParams = {
  [K in Exclude<KnownKeys<ResponseCreateParams>, keyof typeof KartaParamsSchema.shape>]?:
    | null
    | undefined;
};

/**
 * What `responses.create` of a Karta client accepts: the five fields its responses reference
 * documents.
 */
export type KartaCreateParams = KartaUndocumentedParams & z.input<typeof KartaParamsSchema>;

/**
 * A message as Karta's chat endpoint takes it (its chat completions reference: `{ "role": "...",
 * "content": "..." }`).
 */
export const KartaChatMessageSchema = z.looseObject({
  /** `system`, `developer`, `user`, `assistant` or `tool`. */
  role: ChatMessageSchema.shape.role,
  /** The message's text: a string, not content parts. */
  content: z.string(),
});

/** The fields Karta's `POST …/chat/completions` documents. */
export const KartaChatCompletionCreateParamsSchema = z.looseObject({
  /** The conversation so far, as `{ role, content }` items. Required. */
  messages: z.array(KartaChatMessageSchema).check(minLength(1)),
  /** Override the model of the project's active release. */
  model: z.optional(z.string()),
  /** `true` streams `event: chunk` frames; `false` (default) returns one completion. */
  stream: z.optional(z.boolean()),
});
/** A chat completion request as Karta takes it. */
export type KartaChatCompletionCreateParams = z.input<typeof KartaChatCompletionCreateParamsSchema>;
