/** What the chat completion telemetry tests share: a request, a completion and its chunks. */
import { HttpResponse } from 'msw';
import { frame } from '../helpers/streams.js';

/** What a chat completion request asks: a model and one user message. */
export const ask = { model: 'gpt-test', messages: [{ role: 'user' as const, content: 'Hello' }] };

/** A usage object in the chat shape, with cached and reasoning tokens. */
export const chatUsage = {
  prompt_tokens: 13,
  completion_tokens: 5,
  total_tokens: 18,
  prompt_tokens_details: { cached_tokens: 4 },
  completion_tokens_details: { reasoning_tokens: 2 },
};

/** A 200 JSON answer: the completion `chatcmpl-1` that says Hi, with `extra` laid over it. */
export function completionAnswer(extra: Record<string, unknown> = {}): Response {
  return HttpResponse.json({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-test-2026',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
    usage: chatUsage,
    ...extra,
  });
}

/** One chat completion chunk as an SSE frame. */
export const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  frame({
    id: 'chatcmpl-s',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-test-2026',
    choices,
    ...extra,
  });

/** The chunks of a streamed `Hi there` (then `finish`), with a usage chunk when `usage` is set. */
export function chatFrames({ usage = false, finish = 'stop' } = {}): string[] {
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }]),
    chunk([{ index: 0, delta: { content: ' there' }, finish_reason: null }]),
    chunk([{ index: 0, delta: {}, finish_reason: finish }]),
    ...(usage ? [chunk([], { usage: chatUsage })] : []),
    'data: [DONE]\n\n',
  ];
}
