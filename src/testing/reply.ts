import { isObject } from '../json.js';
import type {
  Response,
  ResponseCompletedEvent,
  ResponseCreatedEvent,
  ResponseIncompleteEvent,
  ResponseInProgressEvent,
  ResponseOutputItem,
  ResponseQueuedEvent,
  ResponseStreamEvent,
  ResponseUsage,
} from '../types/index.js';
import {
  functionCallEvents,
  functionCallItem,
  messageEvents,
  messageItem,
  type ResponseInit,
  reasoningEvents,
  reasoningItem,
  refusalPart,
  responseObject,
  textPart,
} from './builders.js';
import type { ReplyPlan } from './plan.js';

/** A reply, built: its output, its canonical event stream, and the finished response. */
export interface Reply {
  output: ResponseOutputItem[];
  /** Every event of the stream, numbered from 0, from `response.created` to its terminal event. */
  events: ResponseStreamEvent[];
  /** The response once finished: completed, or incomplete for a reply cut short. */
  response: Response;
}

/**
 * Builds the reply a plan describes for one response: reasoning first, then the message, then
 * the function calls, each item with ids made from the response's (`msg_fake_1_0`,
 * `fc_fake_1_1`, `call_fake_1_1`). With `reason`, the reply is cut short: its message is
 * `incomplete`, and so is the response, which says why (`incomplete_details.reason`).
 */
export function buildReply(
  plan: ReplyPlan,
  init: ResponseInit,
  inputTokens: number,
  reason?: string,
): Reply {
  const base = init.id.replace(/^(resp_|gen-)/, '');
  const output: ResponseOutputItem[] = [];
  const itemEvents: ResponseStreamEvent[] = [];
  let outputTokens = 0;
  if (plan.reasoning) {
    const at = { id: `rs_${base}_${output.length}`, index: output.length };
    output.push(reasoningItem(at.id, plan.reasoning.join('')));
    itemEvents.push(...reasoningEvents(at, plan.reasoning));
    outputTokens += plan.reasoning.length;
  }
  if (plan.message) {
    const { kind, chunks } = plan.message;
    const at = { id: `msg_${base}_${output.length}`, index: output.length };
    const whole = chunks.join('');
    const status = reason === undefined ? 'completed' : 'incomplete';
    output.push(
      messageItem(at.id, [kind === 'text' ? textPart(whole) : refusalPart(whole)], status),
    );
    itemEvents.push(...messageEvents(at, kind, chunks, status));
    outputTokens += chunks.length;
  }
  for (const call of plan.calls) {
    const at = { id: `fc_${base}_${output.length}`, index: output.length };
    const described = { ...call, callId: call.callId ?? `call_${base}_${output.length}` };
    output.push(functionCallItem(at.id, described, 'completed'));
    itemEvents.push(...functionCallEvents(at, described, call.chunks));
    outputTokens += call.chunks.length;
  }
  const input_tokens = plan.usage?.input_tokens ?? inputTokens;
  const output_tokens = plan.usage?.output_tokens ?? outputTokens;
  const usage: ResponseUsage = {
    input_tokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens,
    output_tokens_details: { reasoning_tokens: plan.reasoning?.length ?? 0 },
    total_tokens: input_tokens + output_tokens,
  };
  const started = responseObject(init, init.background ? 'queued' : 'in_progress', [], {});
  const running = responseObject(init, 'in_progress', [], {});
  const response =
    reason === undefined
      ? responseObject(init, 'completed', output, { usage })
      : responseObject(init, 'incomplete', output, { usage, reason });
  const end =
    reason === undefined
      ? ({ type: 'response.completed', response } satisfies ResponseCompletedEvent)
      : ({ type: 'response.incomplete', response } satisfies ResponseIncompleteEvent);
  // A background response is queued first, as OpenAI streams one.
  const queued: ResponseStreamEvent[] = init.background
    ? [{ type: 'response.queued', response: started } satisfies ResponseQueuedEvent]
    : [];
  const events: ResponseStreamEvent[] = [
    { type: 'response.created', response: started } satisfies ResponseCreatedEvent,
    ...queued,
    { type: 'response.in_progress', response: running } satisfies ResponseInProgressEvent,
    ...itemEvents,
    end,
  ];
  return {
    output,
    events: events.map((event, sequence) => ({ ...event, sequence_number: sequence })),
    response,
  };
}

/**
 * The response as it ends when it fails midway: `failed`, with the error, and the output as far
 * as the events sent before the failure had written it.
 */
export function failedResponse(
  init: ResponseInit,
  error: { message: string; code: string },
  sent: readonly ResponseStreamEvent[] = [],
) {
  const output = outputSoFar(sent);
  return responseObject(init, 'failed', output, { error: { ...error, type: 'server_error' } });
}

/** The output items the events have opened, with the text, refusal or arguments sent so far. */
function outputSoFar(events: readonly ResponseStreamEvent[]): ResponseOutputItem[] {
  const items: ResponseOutputItem[] = [];
  for (const event of events) {
    if (event.type === 'response.output_item.added' || event.type === 'response.output_item.done')
      items[event.output_index] = structuredClone(event.item);
    const item = 'output_index' in event ? items[event.output_index as number] : undefined;
    if (!item || !('delta' in event) || typeof event.delta !== 'string') continue;
    if (item.type === 'function_call') item.arguments += event.delta;
    if (item.type !== 'message') continue;
    const kind = event.type === 'response.refusal.delta' ? 'refusal' : 'output_text';
    const part = item.content[0] ?? (kind === 'refusal' ? refusalPart('') : textPart(''));
    item.content[0] = part;
    if (isObject(part) && part.type === 'refusal') part.refusal += event.delta;
    else if (part.type === 'output_text') part.text += event.delta;
  }
  return items.filter(Boolean);
}
