/**
 * Kawai's POST /responses, simulated from seed 002: a local-model server with llama.cpp-style
 * samplers, chat-format input, nested function tools, and sparse stream events
 * (`{"type":"response.output_text.delta","delta":"Hello"}`: no item_id, output_index or
 * sequence_number).
 *
 * Assumptions where the seed is silent:
 * - Error bodies are OpenAI-style `{error:{message,type,code,param}}`; broken rules answer 400
 *   (also a Content-Type other than application/json, which the seed marks required).
 * - Auth is off unless `options.apiKey` turns it on (seed line 5: "When authentication is enabled").
 * - Only function tools exist (the only kind the seed shows); other tool types answer 400.
 * - A streamed tool call is one `response.output_item.added` carrying the complete function_call
 *   item (the seed shows no argument-delta event), then `response.completed`.
 * - The seed documents no failure or incomplete form: those scenarios throw.
 */
import { HttpResponse } from 'msw';
import { allTyped, broken, first, inRange, jsonObject, oneOf, required } from './rules.js';
import {
  assertDocumented,
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
import { type Frame, frame, sseResponse } from './sse.js';

/** Seed 002 line 117: `curl -X POST https://api.getkawai.com/v1/responses`. */
export const KAWAI_BASE_URL = 'https://api.getkawai.com/v1';

export interface KawaiOptions {
  /** Turns authentication on: only this bearer token is accepted. */
  apiKey?: string;
}

const UNDOCUMENTED = ['failMidStream', 'incomplete', 'immediateError'];
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];

/** A simulated Kawai server. */
export function kawaiServer(scenario: Scenario = {}, options: KawaiOptions = {}): SimulatedServer {
  assertDocumented('Kawai', scenario, UNDOCUMENTED);
  const ids = idMaker();

  return simulate({
    baseURL: KAWAI_BASE_URL,
    scenario,
    notFound: (server) => reject(server, 404, broken('route.unknown', 'Not found.', null)),
    routes: (server) => [
      {
        method: 'POST',
        path: pathOf(KAWAI_BASE_URL, '/responses'),
        handle: (call) => create(server, call),
      },
    ],
  });

  function create(server: SimulatedServer, call: Call): Response {
    const token = bearer(call.received.headers);
    if (options.apiKey !== undefined && token !== options.apiKey) {
      const rule = token === undefined ? 'auth.missing' : 'auth.invalid';
      return reject(server, 401, broken(rule, 'Invalid or missing bearer token.', null));
    }
    const { status, errorCode } = server.scenario;
    if (status !== undefined) {
      const message = `Request failed with status ${status}.`;
      return HttpResponse.json(
        { error: { message, type: errorType(status), code: errorCode ?? null, param: null } },
        { status },
      );
    }
    const contentType = call.received.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/json')) {
      // Seed lines 16-17: Content-Type | Yes | Must be application/json.
      const message = 'Content-Type must be application/json.';
      return reject(server, 400, broken('content_type', message, null, 'invalid_content_type'));
    }
    const body = call.body as Json;
    const rule = first(jsonObject(call.body), () => requestRule(body));
    if (rule) return reject(server, 400, rule);
    assertDocumented('Kawai', server.scenario, UNDOCUMENTED);

    const script = scriptFor(server.scenario, functionNames(body.tools), hasToolResult(body.input));
    const input_tokens = tokens(body.input) + tokens(body.instructions ?? '');
    const output_tokens = script.call ? tokens(script.call.arguments) : script.deltas.length;
    const usage = { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens };
    const shell = { id: ids('resp'), object: 'response', created_at: NOW };
    const model = body.model as string;
    const item: Json = script.call
      ? {
          type: 'function_call',
          id: ids('fc'),
          call_id: script.call.callId,
          name: script.call.name,
          arguments: script.call.arguments,
          status: 'completed',
        }
      : {
          type: 'message',
          id: ids('msg'),
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: script.text, annotations: [] }],
        };
    const done: Json = { ...shell, status: 'completed', model, output: [item], usage };
    if (body.stream !== true) return HttpResponse.json(done);

    // Seed 002 lines 198-209: `event:` lines, data with `type`, nothing else on the deltas.
    const started = { ...shell, status: 'in_progress', model, output: [] };
    const event = (type: string, fields: Json) => frame({ type, ...fields }, type);
    const frames: Frame[] = [
      event('response.created', { response: started }),
      event('response.in_progress', { response: started }),
    ];
    if (script.call) {
      frames.push(event('response.output_item.added', { item }));
    } else {
      const opened = { ...item, status: 'in_progress', content: [] };
      frames.push(event('response.output_item.added', { item: opened }));
      for (const delta of script.deltas)
        frames.push(event('response.output_text.delta', { delta }));
      frames.push(event('response.output_text.done', { text: script.text }));
    }
    // Line 100-102: include_usage (default true) decides whether the stream carries usage.
    const { usage: _, ...withoutUsage } = done;
    frames.push(
      event('response.completed', { response: body.include_usage === false ? withoutUsage : done }),
    );
    return sseResponse(frames);
  }
}

/** Seed 002 lines 20-111: required fields, types, enums and ranges. */
function requestRule(body: Json): Rule | undefined {
  return first(
    required(body, 'model', ['string']), // line 22-24
    required(body, 'input', ['array']), // line 25-27: "Array of input messages"
    () => inputRule(body.input as unknown[]),
    allTyped(body, {
      stream: ['boolean'],
      instructions: ['string'],
      tools: ['array'],
      tool_choice: ['string'], // line 37-38: string
      parallel_tool_calls: ['boolean'],
      store: ['boolean'],
      temperature: ['number'],
      top_k: ['integer'],
      top_p: ['number'],
      min_p: ['number'],
      max_tokens: ['integer'],
      repeat_penalty: ['number'],
      repeat_last_n: ['integer'],
      dry_multiplier: ['number'],
      dry_base: ['number'],
      dry_allowed_length: ['integer'],
      dry_penalty_last_n: ['integer'],
      xtc_probability: ['number'],
      xtc_threshold: ['number'],
      enable_thinking: ['string', 'boolean'],
      return_prompt: ['boolean'],
      include_usage: ['boolean'],
      logprobs: ['boolean'],
    }),
    oneOf(body, 'tool_choice', ['auto', 'none', 'required']), // line 39
    oneOf(body, 'truncation', ['auto', 'disabled']), // line 48
    inRange(body, 'xtc_min_keep', { min: 0, max: 4_294_967_295, integer: true }), // line 88: uint32
    oneOf(body, 'reasoning_effort', ['none', 'minimal', 'low', 'medium', 'high']), // line 96
    inRange(body, 'top_logprobs', { min: 0, max: 5, integer: true }), // line 108: 0-5
    () => toolsRule(body.tools),
  );
}

/** Line 27: input items are chat messages (`role`) or typed items such as function_call_output. */
function inputRule(items: unknown[]): Rule | undefined {
  const bad = items.findIndex((item) => {
    if (!isObject(item)) return true;
    if (item.role !== undefined) return !ROLES.includes(item.role as string);
    return typeof item.type !== 'string';
  });
  if (bad < 0) return undefined;
  const message = `input[${bad}] must be a chat message with a role (${ROLES.join(', ')}) or a typed item.`;
  return broken('input.item', message, `input[${bad}]`, 'invalid_value');
}

/** Lines 146-160: `{ type: 'function', function: { name, description, parameters } }`. */
function toolsRule(tools: unknown): Rule | undefined {
  if (!Array.isArray(tools)) return undefined;
  for (const [index, tool] of tools.entries()) {
    const param = `tools[${index}]`;
    if (!isObject(tool) || tool.type !== 'function') {
      return broken(
        'tools.type',
        `${param}: only function tools are supported.`,
        param,
        'invalid_value',
      );
    }
    if (!isObject(tool.function) || typeof tool.function.name !== 'string') {
      const message = `${param}.function.name is required: tools take the form { type: 'function', function: { name, description, parameters } }.`;
      return broken(
        'tools.nested_function',
        message,
        `${param}.function`,
        'missing_required_parameter',
      );
    }
  }
  return undefined;
}

function functionNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isObject(tool) && isObject(tool.function) && typeof tool.function.name === 'string'
      ? [tool.function.name]
      : [],
  );
}

function reject(server: SimulatedServer, status: number, rule: Rule): Response {
  return refuse(server, status, rule, (violation) => openAIErrorBody(violation, errorType(status)));
}
