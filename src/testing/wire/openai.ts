import type { ResponseItem } from '../../resources/responses.js';
import type { ResponseErrorEvent, ResponseFailedEvent } from '../../types/index.js';
import { invalid, namedEvents, type Wire, type WireError, whole } from './wire.js';

/** A `function_call_output` must answer a `function_call` the model saw before it. */
function orphanOutput(context: readonly ResponseItem[]): WireError | undefined {
  const calls = new Set<unknown>();
  for (const item of context) {
    if (item.type === 'function_call') calls.add(item.call_id);
    if (item.type === 'function_call_output' && !calls.has(item.call_id))
      return invalid(
        `No tool call found for function call output with call_id ${String(item.call_id)}.`,
        'input',
      );
  }
  return undefined;
}

/**
 * OpenAI (and OpenResponses): the canonical wire format. Every event carries `type` and
 * `sequence_number` and has an `event:` line; a failure midway is a nested `error` event then
 * `response.failed` (as the recorded `openai-error.1.chunks.txt`). Responses are kept unless
 * `store: false`; `previous_response_id` naming none answers 400 `previous_response_not_found`;
 * a `conversation` id keeps its items (an id not seen before starts a conversation: the fake
 * has no `POST /conversations`); a `function_call_output` whose call the model never saw (in
 * the input or the chain before it) answers 400, as OpenAI does.
 */
export const openaiWire: Wire = {
  name: 'openai',
  ...namedEvents,
  events: (events) => events.map(whole),
  failsWith: 'error',
  errorEvents: ({ message, code }, failed, sequence) => [
    whole({
      type: 'error',
      sequence_number: sequence,
      error: { type: code, code, message, param: null },
    } satisfies ResponseErrorEvent),
    ...openaiWire.failedEvents(failed, sequence + 1),
  ],
  failedEvents: (failed, sequence) => [
    whole({
      type: 'response.failed',
      sequence_number: sequence,
      response: failed,
    } satisfies ResponseFailedEvent),
  ],
  body: (response) => response,
  checkContext: orphanOutput,
  state: {
    previous: {
      keeps: true,
      unknown: (id) =>
        invalid(
          `Previous response with id '${id}' not found.`,
          'previous_response_id',
          'previous_response_not_found',
        ),
    },
    conversations: true,
    refuse: (body) =>
      body.conversation != null && body.previous_response_id != null
        ? invalid(
            "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
            'previous_response_id',
            'mutually_exclusive_parameters',
          )
        : undefined,
  },
};
