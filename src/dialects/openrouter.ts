import { RequestValidationError } from '../errors.js';
import { isObject, withoutNulls } from '../json.js';
import {
  OpenRouterChatParamsSchema,
  type OpenRouterCreateParams,
  OpenRouterParamsSchema,
} from '../schemas/dialects/openrouter.js';
import { builtIn } from './catalog.js';
import { defineDialect, type WireObject } from './dialect.js';
import { openai } from './openai.js';
import { sparseEvents } from './sparse-events.js';

/**
 * Fields OpenRouter's `ResponsesRequest` types without `null`, which the canonical params allow:
 * a `null` there means "the default", so it is left out rather than refused by the server.
 */
const notNullable = ['input', 'stream', 'store', 'text', 'tool_choice', 'tools'] as const;

/**
 * A chat completion with every tool call's `arguments` present: OpenRouter leaves the field out
 * for a function that takes no parameters (recorded: `"function": { "name": "get_time" }`), where
 * OpenAI sends `"{}"`; it reads as `"{}"`. The body is copied where it changes, never changed.
 */
function withArguments(body: WireObject): WireObject {
  if (!Array.isArray(body.choices)) return body;
  const choices = body.choices.map((choice: unknown) => {
    const message = isObject(choice) && isObject(choice.message) ? choice.message : undefined;
    if (!message || !Array.isArray(message.tool_calls)) return choice;
    const tool_calls = message.tool_calls.map((call: unknown) =>
      isObject(call) && isObject(call.function) && !call.function.arguments
        ? { ...call, function: { ...call.function, arguments: '{}' } }
        : call,
    );
    return { ...(choice as WireObject), message: { ...message, tool_calls } };
  });
  return { ...body, choices };
}

/**
 * One model's path, `model/{author}/{slug}` (its OpenAPI document's `getModel`): the id
 * `openai/gpt-4:free` is the author `openai` and the slug `gpt-4:free`, each one segment.
 */
function modelPath(_context: unknown, id: string): string[] {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) {
    const message = `expected an OpenRouter model id, author/slug (openai/gpt-4); got ${JSON.stringify(id)}`;
    throw new RequestValidationError([{ path: ['model'], message }], 'models.retrieve');
  }
  return ['model', id.slice(0, slash), id.slice(slash + 1)];
}

/**
 * OpenRouter (its Responses API reference, `POST /responses` in the OpenResponses format; its
 * OpenAPI document for `POST /chat/completions`, `GET /models` and `GET /model/{author}/{slug}`).
 * It keeps no state, so the conversation helper replays the history; it has no retrieve, input
 * items or compact. Its streams are data-only SSE with `: OPENROUTER PROCESSING` comments and a
 * final `data: [DONE]`, with the canonical events (normalized all the same, should a provider's
 * relay be sparse) and OpenAI's chat chunks; its usage carries `cost`, `is_byok` and
 * `cost_details`, kept as sent. A chat tool call without `arguments` (a function with no
 * parameters) reads as `"{}"`. Its error bodies say `{ error: { code: 400, message } }`: the
 * numeric code becomes `APIError.code` `'400'`.
 */
export const openrouter = defineDialect<OpenRouterCreateParams>({
  ...builtIn('openrouter'),
  // POST /responses, POST /chat/completions and GET /models as OpenAI's; one model by its slug.
  // Its document has no stored chat completions, no model deletion and no conversations.
  paths: {
    responses: openai.paths.responses,
    chatCompletions: openai.paths.chatCompletions,
    models: openai.paths.models,
    model: modelPath,
  },
  features: { retrieve: false, inputItems: false, compact: false },
  request: {
    // Messages go as given: OpenRouter's `EasyInputMessage` has `type` optional, and its Responses
    // reference's example leaves it out.
    params: OpenRouterParamsSchema,
    mapRequest: (params) => withoutNulls(params as WireObject, notNullable),
    // OpenRouter's Responses reference: "If provided in both the request body and the x-session-id
    // header, the body value takes precedence"; both carry the same value here.
    headers: ({ session_id }) =>
      typeof session_id === 'string' ? { 'x-session-id': session_id } : {},
  },
  // Its ChatRequest: provider routing, plugins, fallback models and its own ranges.
  chatRequest: { params: OpenRouterChatParamsSchema },
  eventNormalizer: sparseEvents,
  // Spec ChatStreamChunk.error: a failure midway is a chunk that carries `error` beside its
  // choices; it is read as that error alone, so the stream throws StreamError, not reads past it.
  normalizeChatChunk: (chunk) => (isObject(chunk.error) ? { error: chunk.error } : chunk),
  normalizeChatCompletion: withArguments,
  // Its ModelResponse wraps the model: `{ data: { id, name, created, pricing… } }`.
  normalizeModel: (body) => (isObject(body.data) ? body.data : body),
});
