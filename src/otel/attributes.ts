/**
 * What a request of the Responses API and its response say in the GenAI conventions' terms:
 * settings, conversation, usage, finish reasons, input and output messages.
 */
import type { Attributes } from '@opentelemetry/api';
import { isObject } from '../json.js';
import { identityOf, nested, numbers, type SpanShape, usageAttributes } from './shape.js';

/** The id of the server-side conversation a request or response belongs to, when it names one. */
function conversationOf(body: Record<string, unknown>): Attributes {
  const conversation = body.conversation;
  const id = isObject(conversation) ? conversation.id : conversation;
  return typeof id === 'string' ? { 'gen_ai.conversation.id': id } : {};
}

/**
 * Why the model stopped, in the conventions' words (the Responses API has no finish reason):
 * `tool_calls` when it called a function, `stop` when it completed, `length` or
 * `content_filter` for an incomplete response, `error` for a failed one.
 */
function finishReasons(response: Record<string, unknown>): string[] {
  const output = Array.isArray(response.output) ? response.output : [];
  if (response.status === 'failed') return ['error'];
  if (response.status === 'incomplete') {
    const reason = nested(response, 'incomplete_details', 'reason');
    return [reason === 'max_output_tokens' ? 'length' : String(reason ?? 'incomplete')];
  }
  if (output.some((item) => isObject(item) && item.type === 'function_call')) return ['tool_calls'];
  return [String(response.status ?? 'stop') === 'completed' ? 'stop' : String(response.status)];
}

/** The response's output as the conventions' output messages: text parts and tool calls. */
function outputMessages(response: Record<string, unknown>): unknown[] {
  const output = Array.isArray(response.output) ? response.output : [];
  const parts: unknown[] = [];
  for (const item of output) {
    if (!isObject(item)) continue;
    if (item.type === 'message' && Array.isArray(item.content))
      for (const part of item.content)
        if (isObject(part) && part.type === 'output_text')
          parts.push({ type: 'text', content: part.text });
    if (item.type === 'function_call')
      parts.push({
        type: 'tool_call',
        id: item.call_id,
        name: item.name,
        arguments: item.arguments,
      });
  }
  return [{ role: 'assistant', parts, finish_reason: finishReasons(response)[0] }];
}

/** `responses.create`: its params and the `Response` it gives. */
export const responseShape: SpanShape = {
  request: (body) => ({
    ...conversationOf(body),
    ...numbers(body, {
      max_output_tokens: 'gen_ai.request.max_tokens',
      temperature: 'gen_ai.request.temperature',
      top_p: 'gen_ai.request.top_p',
    }),
  }),
  input: (body) => ({
    ...(body.input !== undefined ? { 'gen_ai.input.messages': JSON.stringify(body.input) } : {}),
    ...(typeof body.instructions === 'string'
      ? { 'gen_ai.system_instructions': body.instructions }
      : {}),
  }),
  response: (response) => ({
    ...identityOf(response),
    ...usageAttributes(response.usage, {
      input: 'input_tokens',
      output: 'output_tokens',
      inputDetails: 'input_tokens_details',
      outputDetails: 'output_tokens_details',
    }),
    ...conversationOf(response),
    'gen_ai.response.finish_reasons': finishReasons(response),
  }),
  output: outputMessages,
  failure: (response) => (response.status === 'failed' ? (response.error ?? 'failed') : undefined),
};
