import type { ValidationIssue } from '../errors.js';
import { asText, isObject, withoutNulls } from '../json.js';
import { ChatCompletionCreateParamsSchema } from '../schemas/chat.js';
import {
  KartaChatCompletionCreateParamsSchema,
  type KartaCreateParams,
  KartaParamsSchema,
} from '../schemas/dialects/karta.js';
import { CreateParamsEnvelopeSchema } from '../schemas/envelope.js';
import { isTerminal } from '../stream/decode-event.js';
import { builtIn } from './catalog.js';
import { defineDialect, type EventNormalizer, type WireObject } from './dialect.js';
import { mintedId, sparseEvents } from './sparse-events.js';

/**
 * The canonical fields a Karta endpoint does not document. Its responses reference (docs.karta.sh)
 * documents `input`, `stream`, `previous_response_id`, `store` and `model`; its chat completions
 * reference `messages`, `model` and `stream`. A request that sets another is refused rather than
 * sent to be ignored; `null` (the canonical "default") is left out. Fields this client does not
 * know pass through, as everywhere.
 */
function undocumented(canonical: object, documented: object) {
  const refused = Object.keys(canonical).filter((key) => !Object.hasOwn(documented, key));
  const message = `is not documented by Karta, which takes only ${Object.keys(documented).join(', ')}: leave it out`;
  return {
    rules: (params: WireObject): ValidationIssue[] =>
      refused.filter((key) => params[key] != null).map((key) => ({ path: [key], message })),
    mapRequest: (params: WireObject): WireObject => withoutNulls(params, refused),
  };
}

const responseFields = undocumented(CreateParamsEnvelopeSchema.shape, KartaParamsSchema.shape);
const chatFields = undocumented(
  ChatCompletionCreateParamsSchema.shape,
  KartaChatCompletionCreateParamsSchema.shape,
);

/**
 * Karta's response object (its responses reference) in canonical form: `type: 'response'` becomes
 * `object: 'response'`, and `output: { type: 'text', text }` one assistant message holding one
 * `output_text` part. Another `output` object is kept whole as one item; an array is left as is.
 */
function toResponse(body: WireObject): WireObject {
  const { type: _type, ...response } = body;
  const output = response.output;
  if (isObject(output)) {
    response.output =
      output.type === 'text' && typeof output.text === 'string'
        ? [
            {
              type: 'message',
              id: mintedId('msg', response.id, 0),
              role: 'assistant',
              status: 'completed',
              content: [{ type: 'output_text', text: output.text, annotations: [] }],
            },
          ]
        : [output];
  }
  return { ...response, object: 'response' };
}

/**
 * Karta's lifecycle events (`response.created`, `.completed`, `.failed`): the data is the response.
 */
const isLifecycle = (type: string) =>
  type === 'response.created' ||
  type === 'response.queued' ||
  type === 'response.in_progress' ||
  isTerminal(type);

/**
 * One stream's normalizer. Karta's data carries no `type` (the decoder takes it from the
 * `event:` line); a lifecycle event's data is the response itself, wrapped here as
 * `{ type, response }`; deltas carry no ids or indexes, which {@link sparseEvents} fills, with
 * the items, lifecycle events and sequence numbers OpenAI's stream has.
 */
function kartaEvents(): EventNormalizer {
  const fill = sparseEvents();
  return (event) => {
    const type = asText(event.type);
    if (!isLifecycle(type) || isObject(event.response)) return fill(event);
    const { type: _type, sequence_number, ...response } = event;
    const wrapped: WireObject = { type, response: toResponse(response) };
    if (sequence_number !== undefined) wrapped.sequence_number = sequence_number;
    return fill(wrapped);
  };
}

/**
 * Karta's `input_tokens` / `output_tokens` (its chat completions reference) under OpenAI's chat
 * names too.
 */
function chatUsage(usage: unknown): unknown {
  if (!isObject(usage)) return usage;
  const prompt = usage.prompt_tokens ?? usage.input_tokens;
  const completion = usage.completion_tokens ?? usage.output_tokens;
  const total =
    usage.total_tokens ??
    (typeof prompt === 'number' && typeof completion === 'number'
      ? prompt + completion
      : undefined);
  return { ...usage, prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
}

/** Each choice with its `index` (its position when Karta leaves it out, as its chunks do). */
const choices = (value: unknown, extra: WireObject = {}) =>
  Array.isArray(value)
    ? value.map((choice: unknown, index) =>
        isObject(choice) ? { index, ...extra, ...choice } : choice,
      )
    : value;

/**
 * Karta (its responses and chat completions references, docs.karta.sh): Responses and Chat
 * Completions under one project, `/v1/projects/{project_ref}/…`, the ref taken from the `project`
 * client option. It keeps state by `previous_response_id`; it has no retrieve, delete, cancel,
 * input items, compact or models endpoint. Its unary and streamed shapes are normalized to
 * OpenAI's.
 */
export const karta = defineDialect<KartaCreateParams>({
  ...builtIn('karta'),
  paths: {
    // The ref is one path segment: the transport URL-encodes it (`my app/v2` → `my%20app%2Fv2`).
    responses: ({ project }) => ['projects', project ?? '', 'responses'],
    chatCompletions: ({ project }) => ['projects', project ?? '', 'chat', 'completions'],
  },
  features: { retrieve: false, inputItems: false, compact: false },
  request: {
    // Messages go as given: Karta's responses reference takes the OpenAI shape, where `type` is
    // optional.
    params: KartaParamsSchema,
    rules: (params) => responseFields.rules(params as WireObject),
    mapRequest: (params) => responseFields.mapRequest(params as WireObject),
  },
  chatRequest: {
    params: KartaChatCompletionCreateParamsSchema,
    rules: chatFields.rules,
    mapRequest: chatFields.mapRequest,
  },
  normalizeResponse: (body) => {
    const response = toResponse(body);
    response.output ??= [];
    return response;
  },
  eventNormalizer: kartaEvents,
  normalizeChatCompletion: (body) => ({
    ...body,
    object: 'chat.completion',
    choices: choices(body.choices),
    ...(body.usage === undefined ? {} : { usage: chatUsage(body.usage) }),
  }),
  // Karta's chat completions reference: chunks are `{ choices: [{ delta: { content } }] }`, with no
  // object, index or finish reason.
  normalizeChatChunk: (chunk) => ({
    ...chunk,
    object: 'chat.completion.chunk',
    choices: choices(chunk.choices, { finish_reason: null }),
    ...(chunk.usage === undefined ? {} : { usage: chatUsage(chunk.usage) }),
  }),
});
