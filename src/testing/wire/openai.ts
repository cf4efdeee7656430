import { isObject } from '../../json.js';
import type { ResponseItem } from '../../resources/responses.js';
import { chatFrames } from '../../stream/relay.js';
import type { ResponseErrorEvent, ResponseFailedEvent } from '../../types/index.js';
import { eachOf, first, inRange, listed, ofKinds, oneOf, required, typeOf } from '../rules.js';
import { invalid, namedEvents, whole } from './forms.js';
import { unansweredCall } from './unanswered.js';
import type { Json, StreamFailure, Wire, WireError, WireRequest } from './wire.js';

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

/** The rules of `POST /responses` that are not about state (its API reference, `CreateResponse`). */
const createRules = ({ body }: WireRequest) =>
  first(
    required(body, 'model', ['string']),
    () =>
      ofKinds(body, {
        'string | array': ['input'],
        'string | null': ['instructions', 'previous_response_id'],
        'boolean | null': ['stream', 'store', 'background', 'parallel_tool_calls'],
        array: ['tools'],
        'array | null': ['include'],
        'object | null': ['metadata'],
        string: ['user'],
      }),
    () => inRange(body, 'temperature', { min: 0, max: 2 }),
    () => inRange(body, 'top_p', { min: 0, max: 1 }),
    () => inRange(body, 'top_logprobs', { min: 0, max: 20, integer: true }),
    () => inRange(body, 'max_output_tokens', { min: 16, integer: true }),
    () => oneOf(body, 'truncation', ['auto', 'disabled', null]),
    () => oneOf(body, 'service_tier', ['auto', 'default', 'flex', 'scale', 'priority', null]),
    () =>
      eachOf(body, 'tools', (tool, param) =>
        typeOf(tool) === 'function' && typeof (tool as Json).name !== 'string'
          ? invalid(
              `Missing required parameter: '${param}.name'.`,
              `${param}.name`,
              'missing_required_parameter',
            )
          : undefined,
      ),
    () =>
      body.background === true && body.store === false
        ? invalid('Background mode requires store=true.', 'background', 'invalid_value')
        : undefined,
  );

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

/** The rules of `POST /chat/completions` (its API reference, `CreateChatCompletionRequest`). */
const chatRules = ({ body }: WireRequest) =>
  first(
    required(body, 'model', ['string']),
    () => required(body, 'messages', ['array']),
    () =>
      (body.messages as unknown[]).length === 0
        ? invalid(
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
            'messages',
            'empty_array',
          )
        : undefined,
    () =>
      eachOf(body, 'messages', (message, param) => {
        const role = isObject(message) ? message.role : undefined;
        if (!ROLES.includes(role as string))
          return invalid(
            `Invalid value for '${param}.role'. Supported values are: ${listed(ROLES)}.`,
            `${param}.role`,
            'invalid_value',
          );
        if (role !== 'tool' || typeof (message as Json).tool_call_id === 'string') return;
        const field = `${param}.tool_call_id`;
        const message_ = `Missing required parameter: '${field}'.`;
        return invalid(message_, field, 'missing_required_parameter');
      }),
    () =>
      ofKinds(body, { 'boolean | null': ['stream'], array: ['tools'], 'integer | null': ['n'] }),
    () => inRange(body, 'temperature', { min: 0, max: 2 }),
    () => inRange(body, 'top_p', { min: 0, max: 1 }),
    () => inRange(body, 'presence_penalty', { min: -2, max: 2 }),
    () => inRange(body, 'frequency_penalty', { min: -2, max: 2 }),
    () =>
      // Chat tools are nested: `{ type: 'function', function: { name, parameters } }`.
      eachOf(body, 'tools', (tool, param) =>
        isObject(tool) && isObject(tool.function) && typeof tool.function.name === 'string'
          ? undefined
          : invalid(
              `Missing required parameter: '${param}.function'.`,
              `${param}.function`,
              'missing_required_parameter',
            ),
      ),
  );

/** `output_text` parts as OpenAI writes them: with their `logprobs` (empty unless asked for). */
function withLogprobs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withLogprobs) as T;
  if (!isObject(value)) return value;
  const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLogprobs(v)]));
  if (copy.type === 'output_text' && !('logprobs' in copy)) copy.logprobs = [];
  return copy as T;
}

/** A model as `GET /models` lists it and `GET /models/{model}` answers it. */
const modelObject = (id: string) => ({
  id,
  object: 'model',
  created: 1_717_250_400,
  owned_by: 'system',
});

/** The wording of OpenAI's 401 without a key, and with a wrong one (which it shows masked). */
const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.";

/**
 * OpenAI (and OpenResponses), from OpenAI's API reference and what its API sends: the canonical
 * wire format. `POST /responses`: every event carries `type` and `sequence_number` and has an
 * `event:` line; `output_text` parts carry `logprobs`; a failure midway is a nested `error`
 * event then `response.failed` (as OpenAI sends a quota error midway). Responses are kept
 * unless `store: false` (retrieve, delete, cancel, input items, compact, input tokens);
 * `previous_response_id` naming none answers 400 `previous_response_not_found`; a
 * `function_call_output` whose call the model never saw answers 400, and so does a call left
 * without its output (`No tool output found for function call …`). Its Conversations API
 * (`/conversations`) keeps conversations and their items; a `conversation` id of
 * `POST /responses` reads them as the context and adds the turn's input and output to them, and
 * an id it does not keep answers 404. `POST /chat/completions` streams `data:` chunks ending in
 * `data: [DONE]`, usage last when `stream_options.include_usage` asks, and fails midway with a
 * `data: {"error": …}` chunk (the form OpenAI's own SDK reads) after which the body ends; a
 * completion created with `store: true` is kept (listed, retrieved, updated, deleted, its
 * messages listed). `GET /models` lists the models, `GET /models/{model}` answers one, and
 * `DELETE /models/{model}` deletes it (OpenAI deletes only fine-tuned models; the fake, any).
 */
export const openaiWire: Wire = {
  name: 'openai',
  webSocket: true,
  path: ['responses'],
  stored: { retrieve: true, inputItems: true, compact: true },
  ...namedEvents,
  events: (events) => events.map((event) => whole(withLogprobs(event))),
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
      response: withLogprobs(failed),
    } satisfies ResponseFailedEvent),
  ],
  body: (response) => withLogprobs(response),
  unauthorized: (key) =>
    key === undefined
      ? { ...invalid(MISSING_KEY, null), status: 401 }
      : {
          ...invalid(
            `Incorrect API key provided: ${key.slice(0, 3)}*****${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            null,
            'invalid_api_key',
          ),
          status: 401,
        },
  refuse: createRules,
  checkContext: (context) => orphanOutput(context) ?? unansweredCall(context),
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
    conversations: {
      // Assumed wording: OpenAI's reference gives no example of this error.
      unknown: (id) => ({
        ...invalid(`Conversation with id '${id}' not found.`, 'conversation', 'not_found'),
        status: 404,
      }),
    },
    refuse: (body) =>
      body.conversation != null && body.previous_response_id != null
        ? invalid(
            "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
            null,
            'mutually_exclusive_parameters',
          )
        : undefined,
  },
  chat: {
    path: ['chat', 'completions'],
    id: (n) => `chatcmpl-fake-${n}`,
    refuse: chatRules,
    completion: (completion) => completion,
    chunks: (chunks, body) =>
      isObject(body.stream_options) && body.stream_options.include_usage === true
        ? [...chunks]
        : chunks.filter((chunk) => !('usage' in chunk)),
    frame: chatFrames.frame,
    prelude: [],
    epilogue: [chatFrames.end ?? ''],
    failure: ({ message, code }: StreamFailure) => [
      chatFrames.frame({ error: { message, type: 'server_error', param: null, code } }),
    ],
    stores: true,
  },
  models: {
    path: ['models'],
    body: (ids) => ({
      object: 'list',
      data: ids.map(modelObject),
    }),
  },
  model: { path: ['models', '*'], body: modelObject, deletes: true },
  conversationsAPI: ['conversations'],
};
