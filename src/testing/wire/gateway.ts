import type { ResponseStreamEvent } from '../../types/index.js';
import {
  invalid,
  namedEvents,
  slim,
  slimResponses,
  typed,
  type Wire,
  type WireEvent,
} from './wire.js';

/** One canonical event as the gateway streams it (seed 003), or nothing where it sends nothing. */
function gatewayEvent(event: ResponseStreamEvent): WireEvent[] {
  switch (event.type) {
    case 'response.created':
    case 'response.in_progress':
    case 'response.completed':
      return [typed(event.type, { response: slim(event.response) })];
    case 'response.output_text.delta':
    case 'response.refusal.delta':
      return [typed(event.type, { delta: event.delta })];
    case 'response.output_item.added':
    case 'response.output_item.done':
      // Messages are written by their deltas, calls by their fragments; reasoning comes whole.
      return event.item.type === 'reasoning' ? [typed(event.type, { item: event.item })] : [];
    default:
      return [];
  }
}

/** The `response.function_call.delta` fragments of each call (seed 003: call_id, name, arguments). */
function callFragments(events: readonly ResponseStreamEvent[]): Map<string, WireEvent[]> {
  const calls = new Map<string, { call_id: string; name: string }>();
  const fragments = new Map<string, WireEvent[]>();
  for (const event of events) {
    if (event.type === 'response.output_item.added' && event.item.type === 'function_call')
      calls.set(event.item.id ?? '', { call_id: event.item.call_id, name: event.item.name });
    if (event.type !== 'response.function_call_arguments.delta') continue;
    const call = calls.get(event.item_id);
    if (!call) continue;
    const list = fragments.get(event.item_id) ?? [];
    list.push(typed('response.function_call.delta', { ...call, arguments: event.delta }));
    fragments.set(event.item_id, list);
  }
  return fragments;
}

/**
 * The OpenAI-compatible gateway (seed 003), `POST /v1/responses`. Its events carry `type` and
 * only the properties the seed lists: `response.created` / `.in_progress` / `.completed`
 * `{ response }`, `response.output_text.delta` and `response.refusal.delta` `{ delta }`, and a
 * function call as `response.function_call.delta` fragments `{ call_id, name, arguments }`.
 * Unary answers are the response object. It keeps state by `conversation` id; it refuses
 * `previous_response_id` ("not supported", 400), both fields at once, and `store: true`.
 *
 * Assumed where the seed is silent: a reasoning item comes whole in
 * `response.output_item.added` then `.done` `{ item }`; the `error` event nests its error
 * (`{ error: { message, type, code } }`, seed: "Contains error object") and is the default form
 * of a failure midway; a conversation id not seen before starts a new conversation.
 */
export const gatewayWire: Wire = {
  name: 'gateway',
  ...namedEvents,
  ...slimResponses,
  events: (events) => {
    const fragments = callFragments(events);
    return events.flatMap((event) =>
      event.type === 'response.function_call_arguments.done'
        ? (fragments.get(event.item_id) ?? [])
        : gatewayEvent(event),
    );
  },
  failsWith: 'error',
  errorEvents: ({ message, code }) => [
    typed('error', { error: { message, type: 'server_error', code } }),
  ],
  state: {
    previous: {
      keeps: false,
      refuse: invalid(
        'previous_response_id is not supported. Use conversation instead.',
        'previous_response_id',
      ),
    },
    conversations: true,
    refuse: (body) => {
      if (body.conversation != null && body.previous_response_id != null)
        return invalid(
          'Cannot provide both conversation and previous_response_id.',
          'previous_response_id',
        );
      if (body.store === true) return invalid('store must be false or omitted.', 'store');
      return undefined;
    },
  },
};
