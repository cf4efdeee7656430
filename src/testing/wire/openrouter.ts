import { chatFrames } from '../../stream/relay.js';
import type { ResponseErrorEvent } from '../../types/index.js';
import { openaiWire } from './openai.js';
import { invalid, type Wire, whole } from './wire.js';

/**
 * OpenRouter (seed 004, its OpenAPI document, the recorded
 * `test_openai_responses_raw_cot_stream_openrouter.1.sse`): the canonical events as `data:`
 * lines only, after a `: OPENROUTER PROCESSING` comment, ending with `data: [DONE]`. Error
 * bodies are `{ error: { code: <status>, message } }`. It keeps nothing: a non-null
 * `previous_response_id` answers 400 (its document: "rejected"); `conversation` is ignored.
 * Assumed: a failure midway is the flat `error` event then `response.failed`.
 */
export const openrouterWire: Wire = {
  ...openaiWire,
  name: 'openrouter',
  frame: (event) => chatFrames.frame(event.data),
  prelude: [': OPENROUTER PROCESSING\n\n'],
  epilogue: [chatFrames.end ?? ''],
  errorEvents: ({ message, code }, failed, sequence) => [
    whole({
      type: 'error',
      sequence_number: sequence,
      code,
      message,
      param: null,
    } satisfies ResponseErrorEvent),
    ...openaiWire.failedEvents(failed, sequence + 1),
  ],
  errorBody: ({ status, message }) => ({ error: { code: status, message } }),
  state: {
    previous: {
      keeps: false,
      refuse: invalid(
        'previous_response_id is not supported: the Responses API is stateless. Send the full conversation history in `input` instead.',
        'previous_response_id',
      ),
    },
    conversations: false,
    refuse: () => undefined,
  },
};
