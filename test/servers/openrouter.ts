/**
 * OpenRouter's POST /responses, simulated from seed 004 (request fields and their ranges) and
 * ../spec/openrouter-openapi.yaml (error bodies, previous_response_id), with its POST
 * /chat/completions and GET /models from the same document (openrouter-chat.ts), answering in the wire
 * format of the recorded `test_openai_responses_raw_cot_stream_openrouter.1.sse`: data-only SSE
 * (no `event:` lines), `: OPENROUTER PROCESSING` comments, full canonical events with
 * `sequence_number`, `gen-…` ids, `output_text: ""`, usage with cost fields, a final `[DONE]`.
 *
 * Assumptions where both are silent:
 * - Error bodies are OpenRouter's `{error:{code:<HTTP status>,message}}` (spec BadRequestResponse);
 *   so `errorCode` is not simulated (the code is always the status).
 * - A mid-stream failure is `response.failed` (OpenResponses FailedEvent), an immediate one the
 *   flat `error` event (spec ErrorEvent) then `response.failed`; both followed by `[DONE]`.
 * - A `: OPENROUTER PROCESSING` comment opens the stream and another precedes the first output.
 */
import { HttpResponse } from 'msw';
import { canonicalEvents, endOf, finalResponse, type Generation } from './canonical.js';
import {
  openRouterChatCompletion,
  openRouterChatRule,
  openRouterModels,
} from './openrouter-chat.js';
import { allTyped, broken, first, inRange, jsonObject, maxLength, oneOf } from './rules.js';
import {
  assertDocumented,
  bearer,
  type Call,
  hasToolResult,
  idMaker,
  isObject,
  type Json,
  NOW,
  pathOf,
  type Rule,
  refuse,
  type Scenario,
  type SimulatedServer,
  scriptFor,
  simulate,
  tokens,
} from './shared.js';
import { comment, type Frame, frame, sseResponse } from './sse.js';

/** OpenRouter's API base (the seed shows only the `/responses` path). */
export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

export interface OpenRouterOptions {
  /** Accept only this API key (default: any). */
  apiKey?: string;
  /** What GET /models lists. */
  models?: string[];
}

/** What GET /models lists by default. */
export const OPENROUTER_MODELS = ['openai/gpt-4o-mini', 'anthropic/claude-3.5-haiku'];

/** The spec's example message for each documented status of POST /responses. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Invalid request parameters',
  401: 'Missing Authentication header',
  402: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  403: 'Only management keys can perform this operation',
  404: 'Resource not found',
  408: 'Operation timed out. Please try again later.',
  413: 'Request payload too large',
  422: 'Invalid argument',
  429: 'Rate limit exceeded',
  500: 'Internal Server Error',
  502: 'Provider returned error',
  503: 'Service temporarily unavailable',
};

const PROCESSING = 'OPENROUTER PROCESSING';

/** A simulated OpenRouter Responses endpoint. */
export function openRouterServer(
  scenario: Scenario = {},
  options: OpenRouterOptions = {},
): SimulatedServer {
  const check = (value: Scenario) =>
    assertDocumented('OpenRouter (its error code is the HTTP status)', value, ['errorCode']);
  check(scenario);
  const ids = idMaker();

  return simulate({
    baseURL: OPENROUTER_BASE_URL,
    scenario,
    notFound: (server) => reject(server, 404, broken('route.unknown', 'Not Found', null)),
    routes: (server) => {
      const guarded = (handle: (call: Call) => Response) => (call: Call) =>
        gate(server, call) ?? handle(call);
      return [
        {
          method: 'POST',
          path: pathOf(OPENROUTER_BASE_URL, '/responses'),
          handle: guarded((call) => create(server, call)),
        },
        {
          method: 'POST',
          path: pathOf(OPENROUTER_BASE_URL, '/chat/completions'),
          handle: guarded((call) => {
            const rule = openRouterChatRule(call.body);
            if (rule) return reject(server, 400, rule);
            const id = `gen-${NOW}-chat${ids('gen').split('_').pop()}`;
            return openRouterChatCompletion(call.body as Json, server.scenario, id);
          }),
        },
        {
          method: 'GET',
          path: pathOf(OPENROUTER_BASE_URL, '/models'),
          handle: guarded(() => openRouterModels(options.models ?? OPENROUTER_MODELS)),
        },
      ];
    },
  });

  /** The key, then a scripted status: what every route answers before reading the request. */
  function gate(server: SimulatedServer, call: Call): Response | undefined {
    const token = bearer(call.received.headers);
    if (token === undefined) {
      return reject(server, 401, broken('auth.missing', STATUS_MESSAGES[401] as string, null));
    }
    if (options.apiKey !== undefined && token !== options.apiKey) {
      return reject(server, 401, broken('auth.invalid', 'User not found.', null));
    }
    const { status } = server.scenario;
    if (status === undefined) return undefined;
    const message = STATUS_MESSAGES[status] ?? `Request failed with status ${status}`;
    return HttpResponse.json({ error: { code: status, message } }, { status });
  }

  function create(server: SimulatedServer, call: Call): Response {
    const body = call.body as Json;
    const rule = first(jsonObject(call.body), () => requestRule(body));
    if (rule) return reject(server, 400, rule);
    check(server.scenario);

    const offered = functionNames(body.tools);
    const script = scriptFor(server.scenario, offered, hasToolResult(body.input));
    const n = ids('gen').split('_').pop();
    const sent = script.call ? [] : script.deltas;
    const input_tokens = tokens(body.input ?? '') + tokens(body.instructions ?? '');
    const output_tokens = script.call ? tokens(script.call.arguments) : sent.length;
    const failure = server.scenario.immediateError;
    const generation: Generation = {
      id: `gen-${NOW}-sim${n}`,
      model: modelOf(body),
      createdAt: NOW,
      script,
      messageId: `msg_tmp_sim${n}`,
      callItemId: `fc_tmp_sim${n}`,
      end: script.call ? { status: 'completed' } : endOf(server.scenario),
      usage: usageOf(input_tokens, output_tokens),
      openAIFields: false,
      fields: echo(body),
      ...(failure && {
        immediateError: { code: failure.code ?? 'server_error', message: failure.message },
      }),
    };
    if (body.stream !== true) return HttpResponse.json(finalResponse(generation));
    const events = canonicalEvents(generation, { errorEvent: 'flat' });
    const frames: Frame[] = [comment(PROCESSING)];
    events.forEach((event, index) => {
      if (index === 2) frames.push(comment(PROCESSING));
      frames.push(frame(event));
    });
    frames.push(frame('[DONE]'));
    return sseResponse(frames);
  }
}

/** Seed 004: the documented fields, their types and ranges. */
function requestRule(body: Json): Rule | undefined {
  return first(
    allTyped(body, {
      input: ['string', 'array'],
      instructions: ['string', 'null'],
      parallel_tool_calls: ['boolean', 'null'],
      model: ['string'],
      models: ['array'],
      max_output_tokens: ['number', 'null'],
      top_p: ['number', 'null'],
      max_tool_calls: ['integer', 'null'],
      top_k: ['number'],
      prompt_cache_key: ['string', 'null'],
      background: ['boolean', 'null'],
      safety_identifier: ['string', 'null'],
      store: ['boolean'],
      stream: ['boolean'],
      tools: ['array'],
    }),
    inRange(body, 'temperature', { max: 2 }), // line 40: number · max: 2 · nullable
    inRange(body, 'top_logprobs', { max: 20, integer: true }), // line 42: integer · max: 20
    inRange(body, 'presence_penalty', { min: -2, max: 2 }), // line 44
    inRange(body, 'frequency_penalty', { min: -2, max: 2 }), // line 45
    maxLength(body, 'user', 128), // line 63: string · max: 128
    maxLength(body, 'session_id', 128), // line 67: string · max: 128
    oneOf(body, 'service_tier', ['auto', 'default', 'flex', 'priority', 'scale', 'fast', null]),
    () => {
      // Spec ResponsesRequest.previous_response_id: "Requests with a non-null value are rejected".
      if (body.previous_response_id === undefined || body.previous_response_id === null) return;
      const message =
        'previous_response_id is not supported: the Responses API is stateless. Send the full conversation history in `input` instead.';
      return broken('previous_response_id.unsupported', message, 'previous_response_id');
    },
    () => {
      // Spec FunctionTool: a function tool is flat, `{ type: 'function', name, parameters }`.
      const tools = (body.tools ?? []) as unknown[];
      const bad = tools.findIndex(
        (tool) => !isObject(tool) || (tool.type === 'function' && typeof tool.name !== 'string'),
      );
      if (bad < 0) return;
      return broken(
        'tools.function_name',
        `tools[${bad}]: a function tool needs a name.`,
        `tools[${bad}]`,
      );
    },
  );
}

function functionNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isObject(tool) && tool.type === 'function' && typeof tool.name === 'string' ? [tool.name] : [],
  );
}

function modelOf(body: Json): string {
  if (typeof body.model === 'string') return body.model;
  const models = body.models as unknown[] | undefined;
  return typeof models?.[0] === 'string' ? models[0] : 'openrouter/auto';
}

/** The response fields OpenRouter echoes (recorded order and defaults). */
function echo(body: Json): Json {
  return {
    output_text: '',
    max_tool_calls: body.max_tool_calls ?? null,
    tools: body.tools ?? [],
    tool_choice: body.tool_choice ?? 'auto',
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    max_output_tokens: body.max_output_tokens ?? null,
    temperature: body.temperature ?? null,
    top_p: body.top_p ?? null,
    metadata: body.metadata ?? {},
    background: body.background ?? false,
    previous_response_id: null,
    service_tier: body.service_tier ?? 'auto',
    truncation: body.truncation ?? null,
    store: false,
    instructions: body.instructions ?? null,
    reasoning: body.reasoning ?? null,
    safety_identifier: body.safety_identifier ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    user: body.user ?? null,
  };
}

/** Recorded usage: tokens plus `cost`, `is_byok` and `cost_details`. */
function usageOf(input: number, output: number): Json {
  const inputCost = input * 5e-8;
  const outputCost = output * 2e-7;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
    cost: Number((inputCost + outputCost).toPrecision(6)),
    is_byok: false,
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_input_cost: Number(inputCost.toPrecision(6)),
      upstream_inference_output_cost: Number(outputCost.toPrecision(6)),
    },
  };
}

function reject(server: SimulatedServer, status: number, rule: Rule): Response {
  return refuse(server, status, rule, (violation) => ({
    error: { code: status, message: violation.message },
  }));
}
