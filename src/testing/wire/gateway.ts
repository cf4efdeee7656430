import { isObject } from '../../json.js';
import type { ResponseStreamEvent } from '../../types/index.js';
import { eachOf, first, ofKinds, oneOf, required, typeOf } from '../rules.js';
import { slim, sparseServer, typed, unauthorized } from './forms.js';
import { unansweredCall } from './unanswered.js';
import type { Json, Wire, WireError, WireEvent, WireRequest } from './wire.js';

/** One canonical event as the gateway streams it, or nothing where it sends nothing. */
function gatewayEvent(event: ResponseStreamEvent): WireEvent[] {
  switch (event.type) {
    case 'response.created':
    case 'response.in_progress':
    case 'response.completed':
    case 'response.incomplete':
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

/** The `response.function_call.delta` fragments of each call (`call_id`, `name`, `arguments`). */
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

/** Its refusals: 400 `invalid_request_error`, the code its reference gives invalid parameters. */
const refused = (message: string, param: string | null): WireError => ({
  status: 400,
  message,
  code: 'invalid_request_error',
  type: 'invalid_request_error',
  param,
});

const SUPPORTED_TOOLS = ['function', 'web_search', 'web_search_preview'];
const UNSUPPORTED_TOOLS = [
  'file_search',
  'code_interpreter',
  'computer_use',
  'computer_use_preview',
  'image_generation',
];
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

/** An input item: an object, a user, assistant or tool message, never a file by id. */
function inputItem(item: unknown, param: string): WireError | undefined {
  if (!isObject(item)) return refused(`${param} must be an object.`, param);
  if (item.role !== undefined && !['user', 'assistant', 'tool'].includes(`${item.role}`))
    return refused(
      `${param}.role must be "user", "assistant", or "tool" (use instructions for system text).`,
      `${param}.role`,
    );
  const parts = Array.isArray(item.content) ? item.content : [];
  const byId = (part: unknown) =>
    isObject(part) && part.type === 'input_file' && part.file_id !== undefined;
  if ([item, ...parts].some(byId))
    return refused('input_file.file_id is not supported.', `${param}.file_id`);
  return undefined;
}

/** A tool: a supported type, and a function tool with its name. */
function tool(value: unknown, param: string): WireError | undefined {
  const type = `${typeOf(value)}`;
  if (UNSUPPORTED_TOOLS.includes(type))
    return refused(`Tool type '${type}' is not supported.`, param);
  if (!SUPPORTED_TOOLS.includes(type)) return refused(`Unknown tool type '${type}'.`, param);
  if (type === 'function' && typeof (value as Json).name !== 'string')
    return refused(`${param}.name is required for function tools.`, `${param}.name`);
  return undefined;
}

/** Its validation rules ("Validation Rules" of its reference), in the order it checks them. */
const createRules = ({ body, models }: WireRequest) =>
  first(
    required(body, 'model', ['string']),
    () =>
      models && !models.includes(body.model as string)
        ? {
            ...refused(
              `The model '${body.model}' does not exist. Check available models at /v1/models.`,
              'model',
            ),
            code: 'model_not_found',
          }
        : undefined,
    () =>
      body.input !== undefined && body.messages !== undefined
        ? refused('Provide either input or messages, not both.', 'messages')
        : body.input === undefined && body.messages === undefined
          ? refused('Either input or messages is required.', 'input')
          : undefined,
    () =>
      ofKinds(body, {
        'string | array': ['input'],
        array: ['messages', 'tools', 'include'],
        string: ['instructions', 'conversation', 'prompt_cache_key'],
        boolean: ['parallel_tool_calls', 'stream', 'store'],
        object: ['reasoning', 'text'],
      }),
    () => eachOf(body, 'input', inputItem),
    () =>
      eachOf(body, 'messages', (message, param) =>
        isObject(message) && ROLES.includes(`${message.role}`)
          ? undefined
          : refused(`${param} must be a message with a role (${ROLES.join(', ')}).`, param),
      ),
    () => eachOf(body, 'tools', tool),
    () => {
      const choice = body.tool_choice;
      if (choice === undefined || ['none', 'auto', 'required'].includes(`${choice}`)) return;
      if (isObject(choice) && typeof choice.type === 'string') return;
      const message = 'tool_choice must be "none", "auto", "required", or {"type": …, "name": …}.';
      return refused(message, 'tool_choice');
    },
    () => {
      const format = isObject(body.text) ? body.text.format : undefined;
      const wrong =
        isObject(format) && oneOf(format, 'type', ['text', 'json_object', 'json_schema']);
      return wrong ? refused(wrong.message, 'text.format.type') : undefined;
    },
    () => refuseState(body),
    () =>
      body.truncation === undefined
        ? undefined
        : refused('truncation is not supported.', 'truncation'),
  );

/** What it refuses of the state fields. */
const refuseState = (body: Json) =>
  body.conversation != null && body.previous_response_id != null
    ? refused('Cannot provide both conversation and previous_response_id.', 'previous_response_id')
    : body.store === true
      ? refused('store must be false or omitted.', 'store')
      : undefined;

/**
 * The OpenAI-compatible gateway, from its API reference: `POST /v1/responses` and
 * `GET /v1/models`. Its events carry `type` and only the properties its reference lists:
 * `response.created` / `.in_progress` / `.completed` `{ response }`, `response.output_text.delta`
 * and `response.refusal.delta` `{ delta }`, and a function call as `response.function_call.delta`
 * fragments `{ call_id, name, arguments }`. Unary answers are the response object. It keeps state
 * by `conversation` id; it refuses `previous_response_id` ("not supported", 400), both fields at
 * once, `store: true` and any `truncation`, and checks the rest of its validation rules (input or
 * messages, never both; no system role in input; no file by id; its tool types; `tool_choice`;
 * `text.format`), each a 400 `invalid_request_error`; given a list of models, it refuses a model
 * not in it (`model_not_found`). Without a bearer token it answers 401 `invalid_api_key`.
 *
 * Assumed where its reference is silent: a reasoning item comes whole in
 * `response.output_item.added` then `.done` `{ item }`; the `error` event nests its error
 * (`{ error: { message, type, code } }`: "Contains error object") and is the default form of a
 * failure midway; a conversation id not seen before starts a new conversation.
 */
export const gatewayWire: Wire = {
  ...sparseServer,
  name: 'gateway',
  events: (events) => {
    const fragments = callFragments(events);
    return events.flatMap((event) =>
      event.type === 'response.function_call_arguments.done'
        ? (fragments.get(event.item_id) ?? [])
        : gatewayEvent(event),
    );
  },
  errorEvents: ({ message, code }) => [
    typed('error', { error: { message, type: 'server_error', code } }),
  ],
  unauthorized: () =>
    unauthorized(
      'Missing or invalid Authorization header. Expected: Bearer YOUR_API_KEY',
      'invalid_api_key',
    ),
  refuse: createRules,
  checkContext: unansweredCall,
  state: {
    previous: {
      keeps: false,
      refuse: refused(
        'previous_response_id is not supported. Use conversation instead.',
        'previous_response_id',
      ),
    },
    conversations: {},
    refuse: refuseState,
  },
  models: {
    path: ['models'],
    body: (ids) => ({
      object: 'list',
      data: ids.map((id) => ({ id, object: 'model', created: 1_717_250_400, owned_by: 'gateway' })),
    }),
  },
};
