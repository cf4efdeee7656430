import { chatFrames } from '../../stream/relay.js';
import type { ResponseStreamEvent } from '../../types/index.js';
import { type Json, openAIErrorBody, type Wire, type WireEvent } from './wire.js';

const named = (type: string, data: Json): WireEvent => ({ type, data });

/** One canonical event as Karta streams it (seed 000), or nothing where Karta sends nothing. */
function kartaEvent(event: ResponseStreamEvent): WireEvent[] {
  switch (event.type) {
    case 'response.created':
      return [named(event.type, { id: event.response.id, status: 'in_progress' })];
    case 'response.output_text.delta':
    case 'response.refusal.delta':
      return [named(event.type, { delta: event.delta })];
    case 'response.output_item.added':
    case 'response.output_item.done':
      // Messages are written by their deltas alone; other items come whole (assumed).
      return event.item.type === 'message' ? [] : [named(event.type, { item: event.item })];
    case 'response.completed': {
      const { id, status, usage } = event.response;
      return [named(event.type, { id, status, usage })];
    }
    default:
      return [];
  }
}

/**
 * Karta (seed 000), `POST /v1/projects/{project_ref}/responses`. Its events name their type on
 * the `event:` line only; their data has no `type`, ids or indexes: `response.created` is
 * `{ id, status }`, a delta `{ delta }`, `response.completed` `{ id, status, usage }` (no
 * output: the client builds it from the stream). A unary answer is `{ id, type: 'response',
 * status, output: { type: 'text', text }, usage, previous_response_id }`. A failure midway is
 * `response.failed` (seed: "A failure mid-stream arrives as response.failed"). It keeps state
 * by `previous_response_id`.
 *
 * Assumed where the seed is silent (what Karta's normalizer reads): a refusal streams as
 * `response.refusal.delta` `{ delta }`; a function call or reasoning item comes whole in
 * `response.output_item.added` then `.done` `{ item }`, without argument or summary deltas; a
 * unary answer that is not text alone carries `output` as an array of items; `response.failed`
 * is `{ id, status: 'failed', error }`; an `error` event (when asked for) is `{ message, code }`;
 * error bodies are OpenAI's; a body it cannot read answers 422 (its seed lists no 400); a
 * `previous_response_id` it does not keep answers 404; `conversation` is ignored.
 */
export const kartaWire: Wire = {
  name: 'karta',
  frame: (event) => `event: ${event.type}\n${chatFrames.frame(event.data)}`,
  prelude: [],
  epilogue: [],
  events: (events) => events.flatMap(kartaEvent),
  failsWith: 'response.failed',
  errorEvents: ({ message, code }) => [named('error', { message, code })],
  failedEvents: (failed) => [
    named('response.failed', { id: failed.id, status: 'failed', error: failed.error }),
  ],
  body: (response) => {
    const { id, status, output, usage, previous_response_id, error } = response;
    const [only] = output;
    const textOnly =
      output.length === 1 &&
      only?.type === 'message' &&
      only.content.length === 1 &&
      only.content[0]?.type === 'output_text';
    const body: Json = {
      id,
      type: 'response',
      status,
      output: textOnly ? { type: 'text', text: response.output_text } : output,
      usage,
      previous_response_id,
    };
    if (error) body.error = error;
    return body;
  },
  errorBody: openAIErrorBody,
  badRequestStatus: 422,
  state: {
    previous: {
      keeps: true,
      unknown: (id) => ({
        status: 404,
        message: `No response '${id}' in this project.`,
        code: 'not_found',
        type: 'invalid_request_error',
        param: 'previous_response_id',
      }),
    },
    conversations: false,
    refuse: () => undefined,
  },
};
