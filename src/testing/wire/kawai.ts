import { isObject } from '../../json.js';
import type { Response, ResponseStreamEvent } from '../../types/index.js';
import { eachOf, first, inRange, ofKinds, oneOf, required } from '../rules.js';
import { invalid, slim, sparseServer, typed, unauthorized } from './forms.js';
import { unansweredCall } from './unanswered.js';
import type { Json, Wire, WireEvent, WireRequest } from './wire.js';

/** The response as its stream carries it: without usage when the request says `include_usage: false`. */
function streamed(response: Response, body: Json): Json {
  const { usage: _, ...rest } = slim(response);
  return body.include_usage === false ? rest : slim(response);
}

/** One canonical event as Kawai streams it, or nothing where Kawai sends nothing. */
function kawaiEvent(event: ResponseStreamEvent, refusing: boolean, body: Json): WireEvent[] {
  switch (event.type) {
    case 'response.created':
    case 'response.in_progress':
    case 'response.completed':
    case 'response.incomplete':
      return [typed(event.type, { response: streamed(event.response, body) })];
    case 'response.output_item.added':
      // A message opens with its item; a refusal opens with its first delta (assumed).
      return event.item.type === 'message' && !refusing
        ? [typed(event.type, { item: event.item })]
        : [];
    case 'response.output_item.done':
      // Function calls and reasoning come whole, in one `output_item.added` (its tool calls).
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

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

/** The request rules of its API reference: headers, required fields, types, enums and ranges. */
const createRules = ({ body, headers }: WireRequest) =>
  first(
    (headers['content-type'] ?? '').startsWith('application/json')
      ? undefined
      : invalid('Content-Type must be application/json.', null, 'invalid_content_type'),
    () => required(body, 'model', ['string']),
    () => required(body, 'input', ['array']),
    () =>
      // Chat messages (`role`), or typed items such as `function_call_output`.
      eachOf(body, 'input', (item, param) =>
        isObject(item) &&
        (item.role === undefined ? typeof item.type === 'string' : ROLES.includes(`${item.role}`))
          ? undefined
          : invalid(
              `${param} must be a chat message with a role (${ROLES.join(', ')}) or a typed item.`,
              param,
              'invalid_value',
            ),
      ),
    () =>
      ofKinds(body, {
        boolean: [
          'stream',
          'parallel_tool_calls',
          'store',
          'return_prompt',
          'include_usage',
          'logprobs',
        ],
        string: ['instructions', 'tool_choice'],
        array: ['tools'],
        number: [
          'temperature',
          'top_p',
          'min_p',
          'repeat_penalty',
          'dry_multiplier',
          'dry_base',
          'xtc_probability',
          'xtc_threshold',
        ],
        integer: [
          'top_k',
          'max_tokens',
          'repeat_last_n',
          'dry_allowed_length',
          'dry_penalty_last_n',
        ],
        'string | boolean': ['enable_thinking'],
      }),
    () => oneOf(body, 'tool_choice', ['auto', 'none', 'required']),
    () => oneOf(body, 'truncation', ['auto', 'disabled']),
    () => inRange(body, 'xtc_min_keep', { min: 0, max: 4_294_967_295, integer: true }),
    () => oneOf(body, 'reasoning_effort', ['none', 'minimal', 'low', 'medium', 'high']),
    () => inRange(body, 'top_logprobs', { min: 0, max: 5, integer: true }),
    () =>
      // Function tools only, nested: `{ type: 'function', function: { name, parameters } }`.
      eachOf(body, 'tools', (tool, param) => {
        if (!isObject(tool) || tool.type !== 'function')
          return invalid(`${param}: only function tools are supported.`, param, 'invalid_value');
        if (isObject(tool.function) && typeof tool.function.name === 'string') return undefined;
        const message = `${param}.function.name is required: tools take the form { type: 'function', function: { name, description, parameters } }.`;
        return invalid(message, `${param}.function`, 'missing_required_parameter');
      }),
  );

/**
 * Kawai, from its API reference, `POST /responses`. Its events carry `type` in their data and an
 * `event:` line, but no item ids, indexes or sequence numbers: `response.created` /
 * `.in_progress` / `.completed` `{ response }` (without usage when the request says
 * `include_usage: false`), `response.output_item.added` `{ item }` opening the message, the
 * deltas `{ delta }`, `response.output_text.done` `{ text }`; a function call comes whole in one
 * `response.output_item.added` ("Function Call Output", no argument events). Unary answers are
 * the response object. It keeps no state. Authentication is off unless it is given a key. It
 * requires `Content-Type: application/json`, `model` and an array `input` of chat messages, takes
 * function tools only, nested under `function`, and its own samplers, each typed and bounded as
 * its reference says; a request that breaks a rule is a 400.
 *
 * Assumed where its reference is silent: a refusal streams as `response.refusal.delta`
 * `{ delta }` and `.done` `{ refusal }` with no item event first; a reasoning item comes whole
 * like a function call; a failure midway is the flat `error` event `{ code, message, param }`;
 * error bodies are OpenAI's; `previous_response_id` and `conversation` are ignored (it replays
 * nothing and stores nothing you can reach).
 */
export const kawaiWire: Wire = {
  ...sparseServer,
  name: 'kawai',
  events: (events, body) => {
    const refusing = events.some((event) => event.type === 'response.refusal.delta');
    return events.flatMap((event) => kawaiEvent(event, refusing, body));
  },
  errorEvents: ({ message, code }) => [typed('error', { code, message, param: null })],
  unauthorized: () => unauthorized('Invalid or missing bearer token.'),
  refuse: createRules,
  checkContext: unansweredCall,
  state: {
    previous: { keeps: false },
    conversations: false,
    refuse: () => undefined,
  },
};
