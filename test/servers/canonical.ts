/**
 * The canonical Responses objects and the full event sequence, with `item_id`, `output_index`,
 * `content_index` and `sequence_number`, as real OpenAI sends them (recorded: azure-text,
 * azure-tool-call, test_background_mode_streaming_starting_after_vcr, openai-error) and as
 * OpenRouter relays them (test_openai_responses_raw_cot_stream_openrouter).
 */
import { fragments, type Json, type Script } from './shared.js';

/** How a generation ends. */
export type End =
  | { status: 'completed' }
  | { status: 'failed'; error: { code: string; message: string } }
  | { status: 'incomplete'; reason: string };

/** One generated response, everything its objects and events are built from. */
export interface Generation {
  id: string;
  model: string;
  createdAt: number;
  script: Script;
  /** Ids of the message and function call items. */
  messageId: string;
  callItemId: string;
  end: End;
  usage: Json;
  /** Response fields after the core ones (echoed request parameters, server extras). */
  fields: Json;
  /** Whether objects carry OpenAI's `completed_at` and text-part `logprobs` (OpenRouter's do not). */
  openAIFields: boolean;
  /** An error event right after `response.in_progress`, then `response.failed`. */
  immediateError?: { code: string; message: string };
}

/** The deltas sent before the generation ended. */
export function sentDeltas(generation: Generation): string[] {
  const { deltas, stopAfter } = generation.script;
  return generation.end.status === 'completed' || stopAfter === undefined
    ? deltas
    : deltas.slice(0, stopAfter);
}

/** The finished output items. */
export function outputItems(generation: Generation): Json[] {
  const { call } = generation.script;
  if (call) {
    return [
      {
        id: generation.callItemId,
        type: 'function_call',
        status: 'completed',
        arguments: call.arguments,
        call_id: call.callId,
        name: call.name,
      },
    ];
  }
  if (generation.end.status === 'failed') return [];
  return [messageItem(generation, generation.end.status, sentDeltas(generation).join(''))];
}

function messageItem(generation: Generation, status: string, text: string): Json {
  return {
    id: generation.messageId,
    type: 'message',
    status,
    content: status === 'in_progress' ? [] : [textPart(generation, text)],
    role: 'assistant',
  };
}

function textPart(generation: Generation, text: string): Json {
  const logprobs = generation.openAIFields ? { logprobs: [] } : {};
  return { type: 'output_text', annotations: [], ...logprobs, text };
}

/** The response object in a given state (`final` = with its output and usage). */
export function responseObject(generation: Generation, status: string, final: boolean): Json {
  const { end } = generation;
  return {
    id: generation.id,
    object: 'response',
    created_at: generation.createdAt,
    status,
    ...(generation.openAIFields && {
      completed_at: status === 'completed' ? generation.createdAt + 1 : null,
    }),
    error: status === 'failed' && end.status === 'failed' ? end.error : null,
    incomplete_details:
      status === 'incomplete' && end.status === 'incomplete' ? { reason: end.reason } : null,
    model: generation.model,
    output: final ? outputItems(generation) : [],
    usage: final && status !== 'failed' ? generation.usage : null,
    ...generation.fields,
  };
}

/** The final response object. */
export function finalResponse(generation: Generation): Json {
  const end = generation.immediateError ? 'failed' : generation.end.status;
  return responseObject(generation, end, true);
}

/** The event sequence, numbered from 0; `queued` adds the background `response.queued`. */
export function canonicalEvents(
  generation: Generation,
  options: { queued?: boolean; errorEvent?: 'nested' | 'flat' } = {},
): Json[] {
  const events: Json[] = [];
  const push = (type: string, fields: Json) => {
    events.push({ type, sequence_number: events.length, ...fields });
  };
  const first = options.queued ? 'queued' : 'in_progress';
  push('response.created', { response: responseObject(generation, first, false) });
  if (options.queued)
    push('response.queued', { response: responseObject(generation, first, false) });
  push('response.in_progress', { response: responseObject(generation, 'in_progress', false) });

  const failure = generation.immediateError;
  if (failure) {
    const { code, message } = failure;
    const error =
      options.errorEvent === 'flat'
        ? { code, message, param: null }
        : { error: { type: code, code, message, param: null } };
    push('error', error);
    const failed = { ...generation, end: { status: 'failed' as const, error: { code, message } } };
    push('response.failed', { response: responseObject(failed, 'failed', true) });
    return events;
  }

  const call = generation.script.call;
  const index = { output_index: 0 };
  if (call) {
    const item_id = generation.callItemId;
    const item = { ...outputItems(generation)[0], status: 'in_progress', arguments: '' };
    push('response.output_item.added', { ...index, item });
    for (const delta of fragments(call.arguments)) {
      push('response.function_call_arguments.delta', { item_id, ...index, delta });
    }
    push('response.function_call_arguments.done', { item_id, ...index, arguments: call.arguments });
    push('response.output_item.done', { ...index, item: outputItems(generation)[0] });
    push('response.completed', { response: responseObject(generation, 'completed', true) });
    return events;
  }

  const at = { item_id: generation.messageId, ...index, content_index: 0 };
  push('response.output_item.added', {
    ...index,
    item: messageItem(generation, 'in_progress', ''),
  });
  push('response.content_part.added', { ...at, part: textPart(generation, '') });
  const sent = sentDeltas(generation);
  for (const delta of sent) push('response.output_text.delta', { ...at, delta, logprobs: [] });
  const { end } = generation;
  if (end.status === 'failed') {
    push('response.failed', { response: responseObject(generation, 'failed', true) });
    return events;
  }
  const text = sent.join('');
  push('response.output_text.done', { ...at, text, logprobs: [] });
  push('response.content_part.done', { ...at, part: textPart(generation, text) });
  push('response.output_item.done', { ...index, item: messageItem(generation, end.status, text) });
  push(`response.${end.status}`, { response: responseObject(generation, end.status, true) });
  return events;
}

/** The `end` a scenario asks for. */
export function endOf(scenario: {
  failMidStream?: { message: string; code?: string };
  incomplete?: { reason: string };
}): End {
  if (scenario.failMidStream) {
    const { message, code } = scenario.failMidStream;
    return { status: 'failed', error: { code: code ?? 'server_error', message } };
  }
  if (scenario.incomplete) return { status: 'incomplete', reason: scenario.incomplete.reason };
  return { status: 'completed' };
}
