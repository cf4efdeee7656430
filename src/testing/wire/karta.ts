import { isObject } from '../../json.js';
import { chatFrames } from '../../stream/relay.js';
import type { ResponseStreamEvent, ResponseUsage } from '../../types/index.js';
import { eachOf, first, ofKinds, required } from '../rules.js';
import { invalid, openAIErrorBody, unauthorized } from './forms.js';
import { unansweredCall } from './unanswered.js';
import type { Json, Wire, WireError, WireEvent, WireRequest } from './wire.js';

const named = (type: string, data: Json): WireEvent => ({ type, data });

/** Usage as Karta documents it: input, output and total tokens. */
const usageOf = (usage: ResponseUsage | null | undefined) =>
  usage && {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
  };

/** One canonical event as Karta streams it, or nothing where Karta sends nothing. */
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
    case 'response.completed':
    case 'response.incomplete': {
      const { id, status, usage, incomplete_details } = event.response;
      const data: Json = { id, status, usage: usageOf(usage) };
      if (incomplete_details) data.incomplete_details = incomplete_details;
      return [named(event.type, data)];
    }
    default:
      return [];
  }
}

/** Its documented statuses have no 400: a request it refuses is a 422. */
const unprocessable = (error: WireError | undefined) => error && { ...error, status: 422 };

/** The fields of `POST …/responses` its documentation lists, typed. */
const responseRules = ({ body }: WireRequest) =>
  unprocessable(
    first(
      required(body, 'input', ['string', 'array']),
      () =>
        eachOf(body, 'input', (item, param) =>
          isObject(item)
            ? undefined
            : invalid(`${param} must be an input item object.`, param, 'invalid_type'),
        ),
      () =>
        ofKinds(body, {
          boolean: ['stream', 'store'],
          'string | null': ['previous_response_id'],
          string: ['model'],
        }),
    ),
  );

/** The fields of `POST …/chat/completions` its documentation lists, typed. */
const chatRules = ({ body }: WireRequest) =>
  unprocessable(
    first(
      required(body, 'messages', ['array']),
      () =>
        eachOf(body, 'messages', (message, param) =>
          isObject(message) &&
          typeof message.role === 'string' &&
          typeof message.content === 'string'
            ? undefined
            : invalid(
                `${param} must be { "role": string, "content": string }.`,
                param,
                'invalid_type',
              ),
        ),
      () => ofKinds(body, { string: ['model'], boolean: ['stream'] }),
    ),
  );

/** A canonical chat chunk as Karta streams it: the content delta alone, or nothing. */
const chatChunk = (chunk: Json): Json[] => {
  const [choice] = (chunk.choices ?? []) as Json[];
  const content = isObject(choice?.delta) ? choice.delta.content : undefined;
  return typeof content === 'string' && content !== ''
    ? [{ choices: [{ delta: { content } }] }]
    : [];
};

/**
 * Karta, from its responses and chat completions API documentation (docs.karta.sh).
 * `POST /v1/projects/{project_ref}/responses`: its events name their type on the `event:` line
 * only; their data has no `type`, ids or indexes: `response.created` is `{ id, status }`, a delta
 * `{ delta }`, `response.completed` `{ id, status, usage }` (no output: the client builds it from
 * the stream). A unary answer is `{ id, type: 'response', status, output: { type: 'text', text },
 * usage, previous_response_id }`, usage being input, output and total tokens. A failure midway is
 * `response.failed` ("A failure mid-stream arrives as response.failed"). It keeps state by
 * `previous_response_id`. Its statuses are 200, 401, 402, 403, 404, 409 and 422: a request it
 * refuses (a body it cannot read, a field of the wrong type) is a 422. `POST
 * /v1/projects/{project_ref}/chat/completions` answers `object: 'text_completion'` with the same
 * usage, and streams `event: chunk` frames of `{ choices: [{ delta: { content } }] }`, ending
 * with `event: [DONE]` / `data: [DONE]`.
 *
 * Assumed where its documentation is silent (what Karta's normalizer reads): a refusal streams
 * as `response.refusal.delta` `{ delta }`; a function call or reasoning item comes whole in
 * `response.output_item.added` then `.done` `{ item }`; a unary answer that is not text alone
 * carries `output` as an array of items; `response.failed` is `{ id, status: 'failed', error }`
 * and `response.incomplete` `{ id, status, usage, incomplete_details }` (the unary answer carries
 * `incomplete_details` too); an `error` event (when
 * asked for) is `{ message, code }`; error bodies are OpenAI's; a `previous_response_id` it does
 * not keep answers 404; `conversation` is ignored; a chat stream that fails midway just ends,
 * without `[DONE]`.
 */
export const kartaWire: Wire = {
  name: 'karta',
  path: ['projects', '*', 'responses'],
  stored: { retrieve: false, inputItems: false, compact: false },
  responseId: (n) => `resp_fake_${n}`,
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
    const { id, status, output, usage, previous_response_id, error, incomplete_details } = response;
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
      usage: usageOf(usage),
      previous_response_id,
    };
    if (error) body.error = error;
    if (incomplete_details) body.incomplete_details = incomplete_details;
    return body;
  },
  errorBody: openAIErrorBody,
  badRequestStatus: 422,
  unauthorized: (key) =>
    unauthorized(key === undefined ? 'Missing bearer token.' : 'Invalid token.', 'unauthorized'),
  refuse: responseRules,
  checkContext: unansweredCall,
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
  chat: {
    path: ['projects', '*', 'chat', 'completions'],
    id: (n) => `chatcmpl_fake_${n}`,
    refuse: chatRules,
    completion: (completion, body) => {
      const usage = completion.usage as Json;
      const [choice] = completion.choices as Json[];
      const message = (choice?.message ?? {}) as Json;
      return {
        id: completion.id,
        object: 'text_completion',
        created: completion.created,
        model: typeof body.model === 'string' ? body.model : 'default',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: message.content },
            finish_reason: choice?.finish_reason,
          },
        ],
        usage: {
          input_tokens: usage.prompt_tokens,
          output_tokens: usage.completion_tokens,
          total_tokens: usage.total_tokens,
        },
      };
    },
    chunks: (chunks) => chunks.flatMap(chatChunk),
    frame: (chunk) => `event: chunk\n${chatFrames.frame(chunk)}`,
    prelude: [],
    epilogue: ['event: [DONE]\ndata: [DONE]\n\n'],
    failure: () => [],
  },
};
