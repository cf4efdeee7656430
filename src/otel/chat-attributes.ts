/**
 * What a chat completion request and its completion say in the GenAI conventions' terms:
 * settings, usage, finish reasons, input and output messages. A streamed completion is read as
 * the stream rebuilt it (its usage only if the server sent a usage chunk).
 */
import { isObject } from '../json.js';
import { identityOf, numbers, type SpanShape, usageAttributes } from './shape.js';

/** The choices of a completion that are objects. */
const choicesOf = (completion: Record<string, unknown>): Record<string, unknown>[] =>
  Array.isArray(completion.choices) ? completion.choices.filter(isObject) : [];

/** Why the model stopped: each choice's `finish_reason` (the conventions' own words). */
function finishReasons(completion: Record<string, unknown>): string[] {
  return choicesOf(completion)
    .map((choice) => choice.finish_reason)
    .filter((reason): reason is string => typeof reason === 'string');
}

/** Each choice as the conventions' output message: role, text, tool calls and finish reason. */
function outputMessages(completion: Record<string, unknown>): unknown[] {
  return choicesOf(completion).map((choice) => {
    const message = isObject(choice.message) ? choice.message : {};
    const parts: unknown[] = [];
    if (typeof message.content === 'string') parts.push({ type: 'text', content: message.content });
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject) : [];
    for (const call of calls) {
      const fn = isObject(call.function) ? call.function : {};
      parts.push({ type: 'tool_call', id: call.id, name: fn.name, arguments: fn.arguments });
    }
    return {
      role: typeof message.role === 'string' ? message.role : 'assistant',
      parts,
      finish_reason: choice.finish_reason ?? null,
    };
  });
}

/** `chat.completions.create`: its params and the `ChatCompletion` it gives. */
export const chatCompletionShape: SpanShape = {
  request: (body) =>
    numbers(body, {
      // `max_completion_tokens` replaced `max_tokens`; a body that has both means the newer.
      max_tokens: 'gen_ai.request.max_tokens',
      max_completion_tokens: 'gen_ai.request.max_tokens',
      temperature: 'gen_ai.request.temperature',
      top_p: 'gen_ai.request.top_p',
    }),
  input: (body) =>
    body.messages !== undefined ? { 'gen_ai.input.messages': JSON.stringify(body.messages) } : {},
  response: (completion) => {
    const reasons = finishReasons(completion);
    return {
      ...identityOf(completion),
      ...usageAttributes(completion.usage, {
        input: 'prompt_tokens',
        output: 'completion_tokens',
        inputDetails: 'prompt_tokens_details',
        outputDetails: 'completion_tokens_details',
      }),
      ...(reasons.length ? { 'gen_ai.response.finish_reasons': reasons } : {}),
    };
  },
  output: outputMessages,
  failure: () => undefined,
};
