/**
 * OpenRouter's POST /chat/completions and GET /models, simulated from its OpenAPI document
 * (../spec/openrouter-openapi.yaml: ChatRequest, ChatResult, ChatStreamChunk, ModelsListResponse)
 * and the recorded OpenRouter chat streams of the corpus (test/fixtures/corpus, e.g.
 * `pydantic-ai/openrouter-chat-cache-streaming-e2e`): data-only SSE with `: OPENROUTER PROCESSING`
 * comments, `gen-…` ids, `provider` and `native_finish_reason` on every chunk, usage with `cost`
 * in a last chunk with no choices, a final `[DONE]`.
 *
 * Assumptions where both are silent:
 * - A failure midway is a chunk carrying `error: { code, message, metadata }` (spec
 *   ChatStreamChunk.error) with a choice whose `finish_reason` is `error`, then `[DONE]`.
 * - `usage` is sent on every stream (the spec deprecates `stream_options.include_usage`: "Full
 *   usage details are always included").
 */
import { HttpResponse } from 'msw';
import { allTyped, broken, first, jsonObject, maxLength, required } from './rules.js';
import {
  fragments,
  hasToolResult,
  isObject,
  type Json,
  NOW,
  type Rule,
  type Scenario,
  scriptFor,
  tokens,
} from './shared.js';
import { comment, type Frame, frame, sseResponse } from './sse.js';

const PROCESSING = 'OPENROUTER PROCESSING';
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

/** The first rule of ChatRequest the body breaks. */
export function openRouterChatRule(value: unknown): Rule | undefined {
  const body = value as Json;
  return first(
    jsonObject(value),
    () => required(body, 'messages', ['array']),
    () => {
      const messages = body.messages as unknown[];
      if (messages.length === 0)
        return broken('messages.empty', 'messages: at least one message is required', 'messages');
      const bad = messages.findIndex((m) => !isObject(m) || !ROLES.includes(m.role as string));
      if (bad < 0) return;
      const message = `messages[${bad}].role: expected one of ${ROLES.join(', ')}`;
      return broken('messages.role', message, `messages[${bad}].role`);
    },
    () =>
      allTyped(body, {
        model: ['string'],
        models: ['array'],
        stream: ['boolean'],
        tools: ['array'],
        provider: ['object', 'null'],
        plugins: ['array'],
      }),
    () => maxLength(body, 'session_id', 256),
  );
}

/** `GET /models`: OpenRouter's models (spec Model), each with its slug, pricing and context. */
export function openRouterModels(ids: readonly string[]): Response {
  return HttpResponse.json({
    data: ids.map((id) => ({
      id,
      canonical_slug: id,
      name: id,
      created: NOW,
      description: `The ${id} model.`,
      context_length: 128000,
      architecture: {
        modality: 'text->text',
        input_modalities: ['text'],
        output_modalities: ['text'],
        tokenizer: 'GPT',
        instruct_type: null,
      },
      pricing: { prompt: '0.00000015', completion: '0.0000006', request: '0', image: '0' },
      top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
      per_request_limits: null,
      supported_parameters: ['temperature', 'top_p', 'max_tokens', 'tools'],
      default_parameters: null,
    })),
  });
}

/** A completion (spec ChatResult), or its stream of chunks (spec ChatStreamChunk), for a valid body. */
export function openRouterChatCompletion(body: Json, scenario: Scenario, id: string): Response {
  const names = ((body.tools ?? []) as Json[]).flatMap((tool) =>
    isObject(tool.function) && typeof tool.function.name === 'string' ? [tool.function.name] : [],
  );
  const script = scriptFor(scenario, names, hasToolResult(body.messages));
  const model = typeof body.model === 'string' ? body.model : 'openrouter/auto';
  const prompt_tokens = tokens(body.messages);
  const call = script.call;
  const completion_tokens = call ? tokens(call.arguments) : script.deltas.length;
  const usage = {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    cost: Number(((prompt_tokens * 5e-8 + completion_tokens * 2e-7) as number).toPrecision(6)),
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
  const toolCall = call && {
    id: call.callId,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  };
  const finish = call ? 'tool_calls' : 'stop';
  const shell = { id, provider: 'OpenAI', model, created: NOW };

  if (body.stream !== true) {
    const message: Json = { role: 'assistant', content: call ? null : script.text };
    message.refusal = null;
    message.reasoning = null;
    if (toolCall) message.tool_calls = [toolCall];
    const choice = { index: 0, message, finish_reason: finish, native_finish_reason: finish };
    // ChatResult requires system_fingerprint (null when the provider gives none); chunks have none.
    const result = { ...shell, object: 'chat.completion', system_fingerprint: null };
    return HttpResponse.json({ ...result, choices: [choice], usage });
  }

  const chunk = (delta: Json, reason: string | null = null, extra: Json = {}): Frame =>
    frame({
      ...shell,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, finish_reason: reason, native_finish_reason: reason }],
      ...extra,
    });
  const frames: Frame[] = [comment(PROCESSING), comment(PROCESSING)];
  if (call && toolCall) {
    const opening = { index: 0, ...toolCall, function: { name: call.name, arguments: '' } };
    frames.push(chunk({ role: 'assistant', content: '', tool_calls: [opening] }));
    for (const part of fragments(call.arguments)) {
      frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: part } }] }));
    }
  } else {
    const failure = scenario.failMidStream;
    const sent = failure ? script.deltas.slice(0, script.stopAfter) : script.deltas;
    for (const content of sent) frames.push(chunk({ role: 'assistant', content }));
    if (failure) {
      const metadata = { error_type: 'provider_error' };
      const error = { code: 502, message: failure.message, metadata };
      frames.push(chunk({ content: '' }, 'error', { error }), frame('[DONE]'));
      return sseResponse(frames);
    }
  }
  frames.push(chunk({ role: 'assistant', content: '' }, finish));
  frames.push(frame({ ...shell, object: 'chat.completion.chunk', choices: [], usage }));
  frames.push(frame('[DONE]'));
  return sseResponse(frames);
}
