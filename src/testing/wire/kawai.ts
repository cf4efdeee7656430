import type { ResponseStreamEvent } from '../../types/index.js';
import { namedEvents, slim, slimResponses, typed, type Wire, type WireEvent } from './wire.js';

/** One canonical event as Kawai streams it (seed 002), or nothing where Kawai sends nothing. */
function kawaiEvent(event: ResponseStreamEvent, refusing: boolean): WireEvent[] {
  switch (event.type) {
    case 'response.created':
    case 'response.in_progress':
    case 'response.completed':
      return [typed(event.type, { response: slim(event.response) })];
    case 'response.output_item.added':
      // A message opens with its item (seed); a refusal opens with its first delta (assumed).
      return event.item.type === 'message' && !refusing
        ? [typed(event.type, { item: event.item })]
        : [];
    case 'response.output_item.done':
      // Function calls and reasoning come whole, in one `output_item.added` (seed: tool calls).
      return event.item.type === 'message'
        ? []
        : [typed('response.output_item.added', { item: event.item })];
    case 'response.output_text.delta':
    case 'response.refusal.delta':
      return [typed(event.type, { delta: event.delta })];
    case 'response.output_text.done':
      return [typed(event.type, { text: event.text })];
    case 'response.refusal.done':
      return [typed(event.type, { refusal: event.refusal })];
    default:
      return [];
  }
}

/**
 * Kawai (seed 002), `POST /responses`. Its events carry `type` in their data and an `event:`
 * line, but no item ids, indexes or sequence numbers: `response.created` / `.in_progress` /
 * `.completed` `{ response }`, `response.output_item.added` `{ item }` opening the message, the
 * deltas `{ delta }`, `response.output_text.done` `{ text }`; a function call comes whole in one
 * `response.output_item.added` (seed: "Function Call Output", no argument events). Unary
 * answers are the response object. It keeps no state.
 *
 * Assumed where the seed is silent: a refusal streams as `response.refusal.delta` `{ delta }`
 * and `.done` `{ refusal }` with no item event first; a reasoning item comes whole like a
 * function call; a failure midway is the flat `error` event `{ code, message, param }`; error
 * bodies are OpenAI's, 400 for a body it cannot read; `previous_response_id` and
 * `conversation` are ignored (it replays nothing and stores nothing you can reach).
 */
export const kawaiWire: Wire = {
  name: 'kawai',
  ...namedEvents,
  ...slimResponses,
  events: (events) => {
    const refusing = events.some((event) => event.type === 'response.refusal.delta');
    return events.flatMap((event) => kawaiEvent(event, refusing));
  },
  failsWith: 'error',
  errorEvents: ({ message, code }) => [typed('error', { code, message, param: null })],
  state: {
    previous: { keeps: false },
    conversations: false,
    refuse: () => undefined,
  },
};
