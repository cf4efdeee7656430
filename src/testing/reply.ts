import type {
  Response,
  ResponseCompletedEvent,
  ResponseCreatedEvent,
  ResponseInProgressEvent,
  ResponseOutputItem,
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
  /** Every event of the stream, numbered from 0, from `response.created` to `response.completed`. */
  events: ResponseStreamEvent[];
  /** The response once completed. */
  response: Response;
}

/**
 * Builds the reply a plan describes for one response: reasoning first, then the message, then
 * the function calls, each item with ids made from the response's (`msg_fake_1_0`,
 * `fc_fake_1_1`, `call_fake_1_1`).
 */
export function buildReply(plan: ReplyPlan, init: ResponseInit, inputTokens: number): Reply {
  const base = init.id.replace(/^resp_/, '');
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
    output.push(
      messageItem(at.id, [kind === 'text' ? textPart(whole) : refusalPart(whole)], 'completed'),
    );
    itemEvents.push(...messageEvents(at, kind, chunks));
    outputTokens += chunks.length;
  }
  for (const call of plan.calls) {
    const at = { id: `fc_${base}_${output.length}`, index: output.length };
    const described = { ...call, callId: call.callId ?? `call_${base}_${output.length}` };
    output.push(functionCallItem(at.id, described, 'completed'));
    itemEvents.push(...functionCallEvents(at, described, call.chunks));
    outputTokens += call.chunks.length;
  }
  const usage: ResponseUsage = {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: plan.reasoning?.length ?? 0 },
    total_tokens: inputTokens + outputTokens,
  };
  const started = responseObject(init, init.background ? 'queued' : 'in_progress', [], {});
  const running = responseObject(init, 'in_progress', [], {});
  const response = responseObject(init, 'completed', output, { usage });
  const events: ResponseStreamEvent[] = [
    { type: 'response.created', response: started } satisfies ResponseCreatedEvent,
    { type: 'response.in_progress', response: running } satisfies ResponseInProgressEvent,
    ...itemEvents,
    { type: 'response.completed', response } satisfies ResponseCompletedEvent,
  ];
  return {
    output,
    events: events.map((event, sequence) => ({ ...event, sequence_number: sequence })),
    response,
  };
}

/** The response as it ends when it fails midway: `failed`, with the error, no output. */
export function failedResponse(init: ResponseInit, error: { message: string; code: string }) {
  return responseObject(init, 'failed', [], { error: { ...error, type: 'server_error' } });
}
