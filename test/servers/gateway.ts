/**
 * The OpenAI-compatible gateway of seed 003: POST /v1/responses (validated and sanitized, then
 * "forwarded upstream") and GET /v1/models. Its validation rules are in gateway-rules.ts.
 *
 * Assumptions where the seed is silent:
 * - Streams carry `event:` lines and data objects with `type` and only the properties the seed
 *   lists for each event (no item ids, indexes or sequence numbers).
 * - The `error` event nests its error object (line 236: "Contains error object"):
 *   `{ type: 'error', error: { message, type, code } }`.
 * - `status` / `errorCode` answer with that HTTP status even for stream requests; the in-stream
 *   forms (line 424) are the `immediateError` (error event) and `failMidStream` (response.failed)
 *   scenarios. `errorCode` alone picks the seed's status (no_accounts 503, upstream_error 502,
 *   not_implemented 501, others 400).
 * - A missing or malformed Authorization header answers 401 `invalid_api_key`.
 */
import { HttpResponse } from 'msw';
import { endOf, type Generation, responseObject, sentDeltas } from './canonical.js';
import { type GatewayOptions, requestRule } from './gateway-rules.js';
import { broken } from './rules.js';
import {
  bearer,
  type Call,
  errorType,
  fragments,
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
import { type Frame, frame, sseResponse } from './sse.js';

export type { GatewayOptions } from './gateway-rules.js';

/** Seed 003 line 242: `curl https://api.example.com/v1/responses`. */
export const GATEWAY_BASE_URL = 'https://api.example.com/v1';
/** The models of the seed's examples (line 73: "gpt-4.1", "gpt-5.2"). */
export const GATEWAY_MODELS = ['gpt-4.1', 'gpt-5.2'];

/** Seed 003 lines 418-423: the common error codes and their statuses. */
const CODE_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  model_not_allowed: 400,
  no_accounts: 503,
  upstream_error: 502,
  not_implemented: 501,
};
const CODE_MESSAGES: Record<string, string> = {
  no_accounts: 'No upstream accounts available',
  upstream_error: 'Upstream service error',
  not_implemented: 'Feature not implemented',
};

/** A simulated gateway. */
export function gatewayServer(
  scenario: Scenario = {},
  options: GatewayOptions = {},
): SimulatedServer {
  const ids = idMaker();
  const models = options.models ?? GATEWAY_MODELS;

  return simulate({
    baseURL: GATEWAY_BASE_URL,
    scenario,
    notFound: (server) =>
      reject(server, 404, broken('route.unknown', 'Not found', null, 'not_found')),
    routes: (server) => [
      {
        method: 'POST',
        path: pathOf(GATEWAY_BASE_URL, '/responses'),
        handle: (call) => gate(server, call) ?? create(server, call),
      },
      {
        method: 'GET',
        path: pathOf(GATEWAY_BASE_URL, '/models'),
        handle: (call) =>
          gate(server, call) ??
          HttpResponse.json({
            object: 'list',
            data: models.map((id) => ({ id, object: 'model', created: NOW, owned_by: 'gateway' })),
          }),
      },
    ],
  });

  function create(server: SimulatedServer, call: Call): Response {
    const body = call.body as Json;
    const rule = requestRule(call.body, { ...options, models });
    if (rule) return reject(server, 400, rule);

    const script = scriptFor(server.scenario, functionNames(body.tools), toolResult(body));
    const input_tokens = tokens(body.input ?? body.messages) + tokens(body.instructions ?? '');
    const output_tokens = script.call ? tokens(script.call.arguments) : script.deltas.length;
    const generation: Generation = {
      id: ids('resp'),
      model: body.model as string,
      createdAt: NOW,
      script,
      messageId: ids('msg'),
      callItemId: ids('fc'),
      end: script.call ? { status: 'completed' } : endOf(server.scenario),
      usage: {
        input_tokens,
        output_tokens,
        total_tokens: input_tokens + output_tokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 },
      },
      openAIFields: false,
      fields: {},
    };
    if (body.stream !== true) {
      return HttpResponse.json(responseObject(generation, generation.end.status, true));
    }
    return sseResponse(events(generation, server.scenario));
  }
}

/** Seed 003 lines 202-236: the documented events, each with only its documented properties. */
function events(generation: Generation, scenario: Scenario): Frame[] {
  const event = (type: string, fields: Json) => frame({ type, ...fields }, type);
  const started = responseObject(generation, 'in_progress', false);
  const frames = [
    event('response.created', { response: started }),
    event('response.in_progress', { response: started }),
  ];
  const immediate = scenario.immediateError;
  if (immediate) {
    const code = immediate.code ?? 'upstream_error';
    const type = errorType(CODE_STATUS[code] ?? 500);
    frames.push(event('error', { error: { message: immediate.message, type, code } }));
    return frames;
  }
  const call = generation.script.call;
  if (call) {
    for (const part of fragments(call.arguments)) {
      const delta = { call_id: call.callId, name: call.name, arguments: part };
      frames.push(event('response.function_call.delta', delta));
    }
  } else {
    for (const delta of sentDeltas(generation)) {
      frames.push(event('response.output_text.delta', { delta }));
    }
  }
  const { end } = generation;
  const response = responseObject(generation, end.status, true);
  if (end.status === 'failed') response.error = { ...end.error, type: 'server_error' };
  frames.push(event(`response.${end.status}`, { response }));
  return frames;
}

/** Auth (line 63-66: required, `Bearer YOUR_API_KEY`), then the scripted error status. */
function gate(server: SimulatedServer, call: Call): Response | undefined {
  if (bearer(call.received.headers) === undefined) {
    const message = 'Missing or invalid Authorization header. Expected: Bearer YOUR_API_KEY';
    return refuse(
      server,
      401,
      broken('auth.missing', message, null, 'invalid_api_key'),
      (violation) => openAIErrorBody(violation, 'authentication_error'),
    );
  }
  const { status, errorCode } = server.scenario;
  if (status === undefined && errorCode === undefined) return undefined;
  const answered = status ?? CODE_STATUS[errorCode ?? ''] ?? 400;
  const message = CODE_MESSAGES[errorCode ?? ''] ?? `Request failed with status ${answered}`;
  return HttpResponse.json(
    { error: { message, type: errorType(answered), code: errorCode ?? null, param: null } },
    { status: answered },
  );
}

function functionNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isObject(tool) && tool.type === 'function' && typeof tool.name === 'string' ? [tool.name] : [],
  );
}

function toolResult(body: Json): boolean {
  return hasToolResult(body.input) || hasToolResult(body.messages);
}

function reject(server: SimulatedServer, status: number, rule: Rule): Response {
  return refuse(server, status, rule, (violation) => openAIErrorBody(violation));
}
