/**
 * OpenAI's POST /chat/completions (spec CreateChatCompletionRequest / Response / StreamResponse):
 * unary completions and `data:`-only streams of `chat.completion.chunk` ending in `data: [DONE]`.
 *
 * Assumptions: a mid-stream failure is a `data: {"error":{…}}` chunk and then the body ends
 * (no `[DONE]`), the form OpenAI's own SDK checks for; `usage` arrives in a last chunk with
 * empty `choices` only when `stream_options.include_usage` is true.
 */
import { HttpResponse } from 'msw';
import { allTyped, broken, first, inRange, jsonObject, required } from './rules.js';
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
import { type Frame, frame, sseResponse } from './sse.js';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

/** The first rule of CreateChatCompletionRequest the body breaks. */
export function chatRule(value: unknown): Rule | undefined {
  const body = value as Json;
  return first(
    jsonObject(value),
    () => required(body, 'model', ['string']),
    () => required(body, 'messages', ['array']),
    () => {
      const messages = body.messages as unknown[];
      if (messages.length === 0) {
        const message =
          "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.";
        return broken('messages.empty', message, 'messages', 'empty_array');
      }
      for (const [index, item] of messages.entries()) {
        const param = `messages[${index}]`;
        if (!isObject(item) || !ROLES.includes(item.role as string)) {
          const message = `Invalid value for '${param}.role'. Supported values are: ${ROLES.map((role) => `'${role}'`).join(', ')}.`;
          return broken('messages.role', message, `${param}.role`, 'invalid_value');
        }
        if (item.role === 'tool' && typeof item.tool_call_id !== 'string') {
          const message = `Missing required parameter: '${param}.tool_call_id'.`;
          return broken(
            'messages.tool_call_id',
            message,
            `${param}.tool_call_id`,
            'missing_required_parameter',
          );
        }
      }
    },
    () => allTyped(body, { stream: ['boolean', 'null'], tools: ['array'], n: ['integer', 'null'] }),
    () => inRange(body, 'temperature', { min: 0, max: 2 }),
    () => inRange(body, 'top_p', { min: 0, max: 1 }),
    () => inRange(body, 'top_logprobs', { min: 0, max: 20, integer: true }),
    () => inRange(body, 'presence_penalty', { min: -2, max: 2 }),
    () => inRange(body, 'frequency_penalty', { min: -2, max: 2 }),
    () => {
      // Chat tools are nested: { type: 'function', function: { name, parameters } }.
      const tools = (body.tools ?? []) as unknown[];
      const bad = tools.findIndex(
        (tool) =>
          !isObject(tool) || !isObject(tool.function) || typeof tool.function.name !== 'string',
      );
      if (bad < 0) return;
      const message = `Missing required parameter: 'tools[${bad}].function'.`;
      return broken(
        'tools.function',
        message,
        `tools[${bad}].function`,
        'missing_required_parameter',
      );
    },
  );
}

/** A completion (unary or streamed) for a valid body. */
export function chatCompletion(body: Json, scenario: Scenario, id: string): Response {
  const names = ((body.tools ?? []) as Json[]).map(
    (tool) => (tool.function as Json).name as string,
  );
  const script = scriptFor(scenario, names, hasToolResult(body.messages));
  const model = body.model as string;
  const prompt_tokens = tokens(body.messages);
  const completion_tokens = script.call ? tokens(script.call.arguments) : script.deltas.length;
  const usage = {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
  const call = script.call;
  const toolCall = call && {
    id: call.callId,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  };
  const finish_reason = call ? 'tool_calls' : 'stop';
  const shell = { id, created: NOW, model, service_tier: 'default', system_fingerprint: null };

  if (body.stream !== true) {
    const message: Json = {
      role: 'assistant',
      content: call ? null : script.text,
      refusal: null,
      annotations: [],
    };
    if (toolCall) message.tool_calls = [toolCall];
    return HttpResponse.json({
      ...shell,
      object: 'chat.completion',
      choices: [{ index: 0, message, logprobs: null, finish_reason }],
      usage,
    });
  }

  const chunk = (delta: Json, finish: string | null = null): Frame =>
    frame({
      ...shell,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
  const frames: Frame[] = [chunk({ role: 'assistant', content: call ? null : '', refusal: null })];
  if (call && toolCall) {
    frames.push(
      chunk({
        tool_calls: [{ index: 0, ...toolCall, function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const part of fragments(call.arguments)) {
      frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: part } }] }));
    }
  } else {
    const failure = scenario.failMidStream;
    const sent = failure ? script.deltas.slice(0, script.stopAfter) : script.deltas;
    for (const content of sent) frames.push(chunk({ content }));
    if (failure) {
      const error = {
        message: failure.message,
        type: 'server_error',
        param: null,
        code: failure.code ?? null,
      };
      frames.push(frame({ error }));
      return sseResponse(frames);
    }
  }
  frames.push(chunk({}, finish_reason));
  const options = body.stream_options;
  if (isObject(options) && options.include_usage === true) {
    frames.push(frame({ ...shell, object: 'chat.completion.chunk', choices: [], usage }));
  }
  frames.push(frame('[DONE]'));
  return sseResponse(frames);
}
