/** What a response says in the GenAI conventions' terms: usage, finish reasons, output messages. */
import type { Attributes } from '@opentelemetry/api';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `gen_ai.usage.*` from a response's `usage`. */
export function usageAttributes(usage: unknown): Attributes {
  if (!isRecord(usage)) return {};
  const attributes: Attributes = {};
  if (typeof usage.input_tokens === 'number')
    attributes['gen_ai.usage.input_tokens'] = usage.input_tokens;
  if (typeof usage.output_tokens === 'number')
    attributes['gen_ai.usage.output_tokens'] = usage.output_tokens;
  const cached = isRecord(usage.input_tokens_details)
    ? usage.input_tokens_details.cached_tokens
    : undefined;
  if (typeof cached === 'number') attributes['gen_ai.usage.cache_read.input_tokens'] = cached;
  const reasoning = isRecord(usage.output_tokens_details)
    ? usage.output_tokens_details.reasoning_tokens
    : undefined;
  if (typeof reasoning === 'number') attributes['gen_ai.usage.reasoning.output_tokens'] = reasoning;
  return attributes;
}

/**
 * Why the model stopped, in the conventions' words (the Responses API has no finish reason):
 * `tool_calls` when it called a function, `stop` when it completed, `length` or
 * `content_filter` for an incomplete response, `error` for a failed one.
 */
export function finishReasons(response: Record<string, unknown>): string[] {
  const output = Array.isArray(response.output) ? response.output : [];
  if (response.status === 'failed') return ['error'];
  if (response.status === 'incomplete') {
    const reason = isRecord(response.incomplete_details)
      ? response.incomplete_details.reason
      : undefined;
    return [reason === 'max_output_tokens' ? 'length' : String(reason ?? 'incomplete')];
  }
  if (output.some((item) => isRecord(item) && item.type === 'function_call')) return ['tool_calls'];
  return [String(response.status ?? 'stop') === 'completed' ? 'stop' : String(response.status)];
}

/** The response's output as the conventions' output messages: text parts and tool calls. */
export function outputMessages(response: Record<string, unknown>): unknown[] {
  const output = Array.isArray(response.output) ? response.output : [];
  const parts: unknown[] = [];
  for (const item of output) {
    if (!isRecord(item)) continue;
    if (item.type === 'message' && Array.isArray(item.content))
      for (const part of item.content)
        if (isRecord(part) && part.type === 'output_text')
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
