import { isObject } from '../../json.js';
import { chatFrames } from '../../stream/relay.js';
import type { Response, ResponseErrorEvent, ResponseStreamEvent } from '../../types/index.js';
import { eachOf, first, inRange, maxLength, ofKinds, oneOf, required } from '../rules.js';
import { invalid, whole } from './forms.js';
import { openaiWire } from './openai.js';
import { unansweredCall } from './unanswered.js';
import type { Json, Wire, WireRequest } from './wire.js';

/** Usage with what OpenRouter adds: its `cost` in credits, `is_byok`, and `cost_details`. */
function withCost(usage: Json | null | undefined): Json | null {
  if (!usage) return null;
  const input = Number(usage.input_tokens ?? usage.prompt_tokens ?? 0) * 5e-8;
  const output = Number(usage.output_tokens ?? usage.completion_tokens ?? 0) * 2e-7;
  return {
    ...usage,
    cost: Number((input + output).toPrecision(6)),
    is_byok: false,
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_input_cost: Number(input.toPrecision(6)),
      upstream_inference_output_cost: Number(output.toPrecision(6)),
    },
  };
}

/** A response as OpenRouter writes it: never stored, its usage with the cost. */
const dressed = (response: Response): Json => ({
  ...response,
  store: false,
  usage: withCost(response.usage as Json | null | undefined),
});

/** An event whose response (if it carries one) OpenRouter writes its way. */
const withResponse = (event: ResponseStreamEvent) =>
  'response' in event && isObject(event.response)
    ? ({ ...event, response: dressed(event.response as Response) } as ResponseStreamEvent)
    : event;

/** The rules of `POST /responses` in its API reference (`ResponsesRequest`). */
const createRules = ({ body }: WireRequest) =>
  first(
    ofKinds(body, {
      'string | array': ['input'],
      'string | null': ['instructions', 'prompt_cache_key', 'safety_identifier'],
      'boolean | null': ['parallel_tool_calls', 'background'],
      string: ['model'],
      array: ['models', 'tools'],
      'number | null': ['max_output_tokens', 'top_p'],
      'integer | null': ['max_tool_calls'],
      number: ['top_k'],
      boolean: ['store', 'stream'],
    }),
    inRange(body, 'temperature', { max: 2 }),
    inRange(body, 'top_logprobs', { max: 20, integer: true }),
    inRange(body, 'presence_penalty', { min: -2, max: 2 }),
    inRange(body, 'frequency_penalty', { min: -2, max: 2 }),
    maxLength(body, 'user', 128),
    maxLength(body, 'session_id', 128),
    oneOf(body, 'service_tier', ['auto', 'default', 'flex', 'priority', 'scale', 'fast', null]),
    // A function tool is flat: `{ type: 'function', name, parameters }`.
    () =>
      eachOf(body, 'tools', (tool, param) =>
        !isObject(tool) || (tool.type === 'function' && typeof tool.name !== 'string')
          ? invalid(`${param}: a function tool needs a name.`, param)
          : undefined,
      ),
  );

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

/** The rules of `POST /chat/completions` in its API reference (`ChatRequest`). */
const chatRules = ({ body }: WireRequest) =>
  first(
    required(body, 'messages', ['array']),
    () =>
      (body.messages as unknown[]).length === 0
        ? invalid('messages: at least one message is required', 'messages')
        : undefined,
    () =>
      eachOf(body, 'messages', (message, param) =>
        isObject(message) && ROLES.includes(message.role as string)
          ? undefined
          : invalid(`${param}.role: expected one of ${ROLES.join(', ')}`, `${param}.role`),
      ),
    () =>
      ofKinds(body, {
        string: ['model'],
        array: ['models', 'tools', 'plugins'],
        boolean: ['stream'],
        'object | null': ['provider'],
      }),
    () => maxLength(body, 'session_id', 256),
  );

/** A model as OpenRouter lists it, and as `GET /model/{author}/{slug}` answers it in `data`. */
const modelEntry = (id: string): Json => ({
  id,
  canonical_slug: id,
  name: id,
  created: 1_717_250_400,
  description: `The ${id} model.`,
  context_length: 128000,
  architecture: {
    modality: 'text->text',
    input_modalities: ['text'],
    output_modalities: ['text'],
    tokenizer: 'GPT',
    instruct_type: null,
  },
  pricing: { prompt: '0.00000015', completion: '0.0000006', request: '0', image: '0' },
  top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
  per_request_limits: null,
  supported_parameters: ['temperature', 'top_p', 'max_tokens', 'tools'],
  default_parameters: null,
});

const PROCESSING = ': OPENROUTER PROCESSING\n\n';

/** A chat completion or chunk as OpenRouter writes it: its provider, each choice's native finish. */
function chatDressed(value: Json): Json {
  const { service_tier: _, system_fingerprint: __, ...rest } = value;
  const choices = ((rest.choices ?? []) as Json[]).map((choice) => ({
    ...choice,
    native_finish_reason: choice.finish_reason ?? null,
  }));
  const usage = rest.usage === undefined ? {} : { usage: withCost(rest.usage as Json) };
  return { ...rest, provider: 'OpenAI', choices, ...usage };
}

/**
 * OpenRouter, from its API reference (the OpenResponses format) and what its API sends.
 * `POST /responses`: the canonical
 * events as `data:` lines only, after a `: OPENROUTER PROCESSING` comment, ending with
 * `data: [DONE]`; ids `gen-…`; responses never stored (`store: false`), usage with `cost`,
 * `is_byok` and `cost_details`. Error bodies are `{ error: { code: <status>, message } }`. It
 * keeps nothing: a non-null `previous_response_id` answers 400 (its reference: "rejected");
 * `conversation` is ignored. `POST /chat/completions` streams OpenAI's chunks with `provider` and
 * each choice's `native_finish_reason`, usage always last, between `PROCESSING` comments and
 * `data: [DONE]`; a failure midway is a chunk carrying `error` (its `ChatStreamChunk.error`)
 * with `finish_reason: 'error'`, then `[DONE]`; it stores none. `GET /models` lists models with
 * their pricing, `GET /model/{author}/{slug}` answers one as `{ data: model }`; it has no
 * Conversations API.
 * Assumed: a failure midway of a response stream is the flat `error` event then `response.failed`.
 */
export const openrouterWire: Wire = {
  ...openaiWire,
  name: 'openrouter',
  stored: { retrieve: false, inputItems: false, compact: false },
  responseId: (n) => `gen-fake_${n}`,
  frame: (event) => chatFrames.frame(event.data),
  prelude: [PROCESSING],
  epilogue: [chatFrames.end ?? ''],
  events: (events) => events.map((event) => whole(withResponse(event))),
  errorEvents: ({ message, code }, failed, sequence) => [
    whole({
      type: 'error',
      sequence_number: sequence,
      code,
      message,
      param: null,
    } satisfies ResponseErrorEvent),
    ...openrouterWire.failedEvents(failed, sequence + 1),
  ],
  failedEvents: (failed, sequence) => [
    whole(withResponse({ type: 'response.failed', sequence_number: sequence, response: failed })),
  ],
  body: dressed,
  errorBody: ({ status, message }) => ({ error: { code: status, message } }),
  unauthorized: (key) => ({
    ...invalid(key === undefined ? 'Missing Authentication header' : 'User not found.', null),
    status: 401,
  }),
  refuse: createRules,
  checkContext: unansweredCall,
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
  chat: {
    path: ['chat', 'completions'],
    id: (n) => `gen-fake-chat-${n}`,
    refuse: chatRules,
    completion: chatDressed,
    chunks: (chunks) => chunks.map(chatDressed),
    frame: chatFrames.frame,
    prelude: [PROCESSING, PROCESSING],
    epilogue: [chatFrames.end ?? ''],
    failure: ({ message }, last) => [
      chatFrames.frame({
        ...chatDressed({ ...last, usage: undefined }),
        choices: [
          {
            index: 0,
            delta: { content: '' },
            finish_reason: 'error',
            native_finish_reason: 'error',
          },
        ],
        error: { code: 502, message, metadata: { error_type: 'provider_error' } },
      }),
      chatFrames.end ?? '',
    ],
  },
  models: { path: ['models'], body: (ids) => ({ data: ids.map(modelEntry) }) },
  model: { path: ['model', '*', '*'], body: (id) => ({ data: modelEntry(id) }), deletes: false },
  conversationsAPI: undefined,
};
