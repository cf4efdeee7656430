/**
 * OpenAI itself, simulated from ../spec/openai-openapi.json (POST /responses, the stored-response
 * routes of openai-store.ts, GET /models, POST /chat/completions) and the recorded OpenAI streams:
 * `event:` lines, the full canonical event sequence with `sequence_number`, no `[DONE]`.
 *
 * Assumptions where the spec is silent:
 * - 401 bodies use real OpenAI's wording (`invalid_request_error`, code null when the key is
 *   missing, `invalid_api_key` when it is wrong).
 * - `failMidStream` ends with `response.failed`; `immediateError` replays the recorded
 *   openai-error.1: created, in_progress, a nested `error` event, `response.failed`.
 * - Responses are stored unless `store: false`; `previous_response_id` must name a stored one.
 * - Models are not checked against `models` (tests may name any model).
 */
import { HttpResponse } from 'msw';
import {
  canonicalEvents,
  endOf,
  finalResponse,
  type Generation,
  responseObject,
} from './canonical.js';
import { chatCompletion, chatRule } from './openai-chat.js';
import { createRule, echo } from './openai-rules.js';
import { inputItems, ResponseStore, storeRoutes } from './openai-store.js';
import { broken } from './rules.js';
import {
  bearer,
  type Call,
  errorType,
  hasToolResult,
  idMaker,
  isObject,
  type Json,
  NOW,
  openAIErrorBody,
  pathOf,
  type Rule,
  refuse,
  type Scenario,
  type SimulatedServer,
  scriptFor,
  simulate,
  tokens,
} from './shared.js';
import { frame, sseResponse } from './sse.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_MODELS = ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-5', 'gpt-5-nano'];

export interface OpenAIOptions {
  /** Accept only this API key (default: any `Bearer` token). */
  apiKey?: string;
  /** What GET /models lists. */
  models?: string[];
}

/** A simulated OpenAI server whose `store` a test can inspect. */
export interface OpenAIServer extends SimulatedServer {
  store: ResponseStore;
}

const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.";

/** A simulated OpenAI. */
export function openAIServer(scenario: Scenario = {}, options: OpenAIOptions = {}): OpenAIServer {
  const ids = idMaker();
  const store = new ResponseStore();
  const models = options.models ?? OPENAI_MODELS;

  const server = simulate({
    baseURL: OPENAI_BASE_URL,
    scenario,
    notFound: (self, call) => {
      const message = `Invalid URL (${call.request.method} ${call.received.path})`;
      return reject(self, 404, broken('route.unknown', message, null));
    },
    routes: (self) => {
      const guarded = (handle: (call: Call) => Response | Promise<Response>) => (call: Call) =>
        gate(self, call) ?? handle(call);
      const rejecting = (status: number, rule: Rule) => reject(self, status, rule);
      const stored = storeRoutes(OPENAI_BASE_URL, store, rejecting, ids);
      return [
        {
          method: 'POST',
          path: pathOf(OPENAI_BASE_URL, '/responses'),
          handle: guarded((call) => create(self, call)),
        },
        ...stored.map((route) => ({ ...route, handle: guarded(route.handle) })),
        {
          method: 'GET',
          path: pathOf(OPENAI_BASE_URL, '/models'),
          handle: guarded(() =>
            HttpResponse.json({
              object: 'list',
              data: models.map((id) => ({ id, object: 'model', created: NOW, owned_by: 'system' })),
            }),
          ),
        },
        {
          method: 'POST',
          path: pathOf(OPENAI_BASE_URL, '/chat/completions'),
          handle: guarded((call) => {
            const rule = chatRule(call.body);
            if (rule) return reject(self, 400, rule);
            return chatCompletion(call.body as Json, self.scenario, ids('chatcmpl', '-'));
          }),
        },
      ];
    },
  });

  function gate(self: SimulatedServer, call: Call): Response | undefined {
    const token = bearer(call.received.headers);
    if (token === undefined) return reject(self, 401, broken('auth.missing', MISSING_KEY, null));
    if (options.apiKey !== undefined && token !== options.apiKey) {
      const shown = `${token.slice(0, 3)}*****${token.slice(-4)}`;
      const message = `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`;
      return reject(self, 401, broken('auth.invalid', message, null, 'invalid_api_key'));
    }
    const { status, errorCode } = self.scenario;
    if (status === undefined) return undefined;
    const message = `Request failed with status ${status}.`;
    const type = errorCode === 'insufficient_quota' ? errorCode : errorType(status);
    return HttpResponse.json(
      { error: { message, type, param: null, code: errorCode ?? null } },
      { status },
    );
  }

  function create(self: SimulatedServer, call: Call): Response {
    const rule = createRule(call.body, store);
    if (rule) return reject(self, 400, rule);
    const body = call.body as Json;
    const previous = body.previous_response_id as string | undefined;
    const context = [...store.chain(previous), body.instructions ?? '', body.input ?? ''];
    const script = scriptFor(self.scenario, functionNames(body.tools), hasToolResult(body.input));
    const input_tokens = tokens(context);
    const output_tokens = script.call ? tokens(script.call.arguments) : script.deltas.length;
    const failure = self.scenario.immediateError;
    const generation: Generation = {
      id: ids('resp'),
      model: body.model as string,
      createdAt: NOW,
      script,
      messageId: ids('msg'),
      callItemId: ids('fc'),
      end: script.call ? { status: 'completed' } : endOf(self.scenario),
      usage: {
        input_tokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: input_tokens + output_tokens,
      },
      openAIFields: true,
      fields: echo(body),
      ...(failure && {
        immediateError: { code: failure.code ?? 'server_error', message: failure.message },
      }),
    };
    const background = body.background === true;
    const events = canonicalEvents(generation, { queued: background, errorEvent: 'nested' });
    const final = finalResponse(generation);
    const queued = background && body.stream !== true;
    const answer = queued ? responseObject(generation, 'queued', false) : final;
    if (body.store !== false) {
      store.responses.set(generation.id, {
        response: answer,
        pending: queued ? final : undefined,
        events,
        input: inputItems(body.input, ids),
        background,
        previous,
      });
    }
    if (body.stream !== true) return HttpResponse.json(answer);
    return sseResponse(events.map((event) => frame(event, event.type as string)));
  }

  return Object.assign(server, { store });
}

function functionNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isObject(tool) && tool.type === 'function' && typeof tool.name === 'string' ? [tool.name] : [],
  );
}

function reject(server: SimulatedServer, status: number, rule: Rule): Response {
  // Real OpenAI answers 401 with type invalid_request_error.
  const type = status === 401 ? 'invalid_request_error' : errorType(status);
  return refuse(server, status, rule, (violation) => openAIErrorBody(violation, type));
}
