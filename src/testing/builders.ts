/**
 * The canonical (OpenAI / OpenResponses) objects and events the fake server is built on, each
 * checked by the compiler against the package's own wire types (`satisfies`), so that what the
 * fake sends cannot drift from what the client reads.
 */

import { outputText } from '../stream/output-text.js';
import type {
  Response,
  ResponseContentPartAddedEvent,
  ResponseContentPartDoneEvent,
  ResponseError,
  ResponseFunctionCallArgumentsDeltaEvent,
  ResponseFunctionCallArgumentsDoneEvent,
  ResponseFunctionToolCall,
  ResponseOutputItem,
  ResponseOutputItemAddedEvent,
  ResponseOutputItemDoneEvent,
  ResponseOutputMessage,
  ResponseOutputRefusal,
  ResponseOutputText,
  ResponseReasoningItem,
  ResponseReasoningSummaryPartAddedEvent,
  ResponseReasoningSummaryPartDoneEvent,
  ResponseReasoningSummaryTextDeltaEvent,
  ResponseReasoningSummaryTextDoneEvent,
  ResponseRefusalDeltaEvent,
  ResponseRefusalDoneEvent,
  ResponseStreamEvent,
  ResponseTextDeltaEvent,
  ResponseTextDoneEvent,
  ResponseUsage,
} from '../types/index.js';

/** What a fake response is before it has any output: its id and the request's settings. */
export interface ResponseInit {
  id: string;
  model: string;
  createdAt: number;
  previousResponseId: string | null;
  conversation: string | null;
  background: boolean;
  store: boolean;
  instructions: string | null;
}

type Status = 'queued' | 'in_progress' | 'completed' | 'incomplete' | 'failed' | 'cancelled';

/** The response object in a given state. `output_text` is filled as the client would. */
export function responseObject(
  init: ResponseInit,
  status: Status,
  output: ResponseOutputItem[],
  {
    usage = null,
    error = null,
    reason,
  }: { usage?: ResponseUsage | null; error?: ResponseError | null; reason?: string },
): Response {
  return {
    id: init.id,
    object: 'response',
    created_at: init.createdAt,
    status,
    completed_at: status === 'completed' ? init.createdAt : null,
    error,
    incomplete_details: reason === undefined ? null : { reason },
    instructions: init.instructions,
    model: init.model,
    output,
    output_text: outputText(output),
    previous_response_id: init.previousResponseId,
    conversation: init.conversation === null ? null : { id: init.conversation },
    background: init.background,
    store: init.store,
    usage,
  } satisfies Response;
}

export const textPart = (text: string) =>
  ({ type: 'output_text', text, annotations: [] }) satisfies ResponseOutputText;

export const refusalPart = (refusal: string) =>
  ({ type: 'refusal', refusal }) satisfies ResponseOutputRefusal;

/** An assistant message. */
export const messageItem = (
  id: string,
  content: (ResponseOutputText | ResponseOutputRefusal)[],
  status: 'in_progress' | 'completed' | 'incomplete',
) => ({ type: 'message', id, role: 'assistant', status, content }) satisfies ResponseOutputMessage;

/** A call to one of the app's functions. */
export const functionCallItem = (
  id: string,
  call: { callId: string; name: string; arguments: string },
  status: 'in_progress' | 'completed',
) =>
  ({
    type: 'function_call',
    id,
    call_id: call.callId,
    name: call.name,
    arguments: call.arguments,
    status,
  }) satisfies ResponseFunctionToolCall;

/** A reasoning item with one summary part. */
export const reasoningItem = (id: string, summary: string | undefined) =>
  ({
    type: 'reasoning',
    id,
    summary: summary === undefined ? [] : [{ type: 'summary_text', text: summary }],
  }) satisfies ResponseReasoningItem;

/** Where an event points in the output. */
interface At {
  id: string;
  index: number;
}

const added = (index: number, item: ResponseOutputItem) =>
  ({
    type: 'response.output_item.added',
    output_index: index,
    item,
  }) satisfies ResponseOutputItemAddedEvent;

const done = (index: number, item: ResponseOutputItem) =>
  ({
    type: 'response.output_item.done',
    output_index: index,
    item,
  }) satisfies ResponseOutputItemDoneEvent;

/** The events of a message: opened, its part opened, one delta per chunk, all closed. */
export function messageEvents(
  at: At,
  kind: 'text' | 'refusal',
  chunks: readonly string[],
  status: 'completed' | 'incomplete' = 'completed',
): ResponseStreamEvent[] {
  const whole = chunks.join('');
  const part = (value: string) => (kind === 'text' ? textPart(value) : refusalPart(value));
  const where = { item_id: at.id, output_index: at.index, content_index: 0 };
  const deltas = chunks.map((delta) =>
    kind === 'text'
      ? ({
          type: 'response.output_text.delta',
          ...where,
          delta,
          logprobs: [],
        } satisfies ResponseTextDeltaEvent)
      : ({ type: 'response.refusal.delta', ...where, delta } satisfies ResponseRefusalDeltaEvent),
  );
  const finished =
    kind === 'text'
      ? ({
          type: 'response.output_text.done',
          ...where,
          text: whole,
          logprobs: [],
        } satisfies ResponseTextDoneEvent)
      : ({
          type: 'response.refusal.done',
          ...where,
          refusal: whole,
        } satisfies ResponseRefusalDoneEvent);
  return [
    added(at.index, messageItem(at.id, [], 'in_progress')),
    {
      type: 'response.content_part.added',
      ...where,
      part: part(''),
    } satisfies ResponseContentPartAddedEvent,
    ...deltas,
    finished,
    {
      type: 'response.content_part.done',
      ...where,
      part: part(whole),
    } satisfies ResponseContentPartDoneEvent,
    done(at.index, messageItem(at.id, [part(whole)], status)),
  ];
}

/** The events of a function call: opened with no arguments, one delta per chunk, closed. */
export function functionCallEvents(
  at: At,
  call: { callId: string; name: string; arguments: string },
  chunks: readonly string[],
): ResponseStreamEvent[] {
  const where = { item_id: at.id, output_index: at.index };
  return [
    added(at.index, functionCallItem(at.id, { ...call, arguments: '' }, 'in_progress')),
    ...chunks.map(
      (delta) =>
        ({
          type: 'response.function_call_arguments.delta',
          ...where,
          delta,
        }) satisfies ResponseFunctionCallArgumentsDeltaEvent,
    ),
    {
      type: 'response.function_call_arguments.done',
      ...where,
      name: call.name,
      arguments: call.arguments,
    } satisfies ResponseFunctionCallArgumentsDoneEvent,
    done(at.index, functionCallItem(at.id, call, 'completed')),
  ];
}

/** The events of a reasoning item whose summary streams in chunks. */
export function reasoningEvents(at: At, chunks: readonly string[]): ResponseStreamEvent[] {
  const whole = chunks.join('');
  const where = { item_id: at.id, output_index: at.index, summary_index: 0 };
  return [
    added(at.index, reasoningItem(at.id, undefined)),
    {
      type: 'response.reasoning_summary_part.added',
      ...where,
      part: { type: 'summary_text', text: '' },
    } satisfies ResponseReasoningSummaryPartAddedEvent,
    ...chunks.map(
      (delta) =>
        ({
          type: 'response.reasoning_summary_text.delta',
          ...where,
          delta,
        }) satisfies ResponseReasoningSummaryTextDeltaEvent,
    ),
    {
      type: 'response.reasoning_summary_text.done',
      ...where,
      text: whole,
    } satisfies ResponseReasoningSummaryTextDoneEvent,
    {
      type: 'response.reasoning_summary_part.done',
      ...where,
      part: { type: 'summary_text', text: whole },
    } satisfies ResponseReasoningSummaryPartDoneEvent,
    done(at.index, reasoningItem(at.id, whole)),
  ];
}
