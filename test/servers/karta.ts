/**
 * Karta, simulated from seeds 000 (POST /v1/projects/{project_ref}/responses) and 001
 * (POST /v1/projects/{project_ref}/chat/completions).
 *
 * Assumptions where the seeds are silent (they say "See Errors" without the page):
 * - Error bodies are OpenAI-style `{error:{message,type,code,param}}`, `type` from `errorType`.
 * - A malformed body answers 422: the seeds list 200, 401, 402, 403, 404, 409, 422 and no 400.
 * - Any non-empty bearer token is accepted (a session token's form is undocumented), unless the
 *   test pins one with `options.apiKey`.
 * - `response.failed` data mirrors `response.completed`: `{ id, status: 'failed', error }`; a
 *   unary failure is the envelope with `status: 'failed'` and `error`.
 * - Chat completions document no failure form: `failMidStream` there ends the body after some
 *   chunks, without `[DONE]` (a dropped connection).
 * - An unknown `previous_response_id` answers 404 (it "maps to the underlying Karta session").
 */
import { HttpResponse } from 'msw';
import { allTyped, broken, first, jsonObject, required } from './rules.js';
import {
  assertDocumented,
  bearer,
  type Call,
  errorType,
  idMaker,
  isObject,
  type Json,
  NOW,
  openAIErrorBody,
  pathOf,
  type Rule,
  refuse,
  type Scenario,
  type Script,
  type SimulatedServer,
  scriptFor,
  simulate,
  tokens,
} from './shared.js';
import { type Frame, frame, sseResponse } from './sse.js';

/** Seed 000, line 33: `curl https://api.karta.sh/v1/projects/my-app/responses`. */
export const KARTA_BASE_URL = 'https://api.karta.sh/v1';

export interface KartaOptions {
  /** Accept only this bearer token (default: any). */
  apiKey?: string;
  /** The projects that exist (default: any `project_ref`); others answer 404. */
  projects?: string[];
}

const UNDOCUMENTED = ['toolCall', 'incomplete', 'immediateError'];

/** Seed 000 line 68 / seed 001 line 78: the documented statuses, with a message each. */
const STATUS_MESSAGES: Record<number, string> = {
  401: 'Missing or invalid session token.',
  402: 'The project budget is exhausted.',
  403: 'This token belongs to a different project.',
  404: 'Not found.',
  409: 'The project has no active release.',
  422: 'The provider rejected your BYOK key.',
};

/** A simulated Karta; `baseURL` has no project: the path is `/projects/{ref}/…`. */
export function kartaServer(scenario: Scenario = {}, options: KartaOptions = {}): SimulatedServer {
  assertDocumented('Karta', scenario, UNDOCUMENTED);
  const ids = idMaker();
  const sessions = new Set<string>();

  return simulate({
    baseURL: KARTA_BASE_URL,
    scenario,
    notFound: (server) => reject(server, 404, notFoundRule()),
    routes: (server) => [
      {
        method: 'POST',
        path: pathOf(KARTA_BASE_URL, '/projects/{project_ref}/responses'),
        handle: (call) => gate(server, call, options) ?? responses(server, call),
      },
      {
        method: 'POST',
        path: pathOf(KARTA_BASE_URL, '/projects/{project_ref}/chat/completions'),
        handle: (call) => gate(server, call, options) ?? chat(server, call),
      },
    ],
  });

  function responses(server: SimulatedServer, call: Call): Response {
    const body = call.body as Json;
    const rule = first(jsonObject(call.body), () => responsesRule(body));
    if (rule) return reject(server, 422, rule);
    const previous = body.previous_response_id;
    if (typeof previous === 'string' && !sessions.has(previous)) {
      const message = `No response '${previous}' in this project.`;
      return reject(
        server,
        404,
        broken('previous_response_id.unknown', message, 'previous_response_id'),
      );
    }
    assertDocumented('Karta', server.scenario, UNDOCUMENTED);
    const script = scriptFor(server.scenario, [], false);
    const id = ids('resp');
    sessions.add(id);
    const failure = server.scenario.failMidStream;
    const sent =
      script.stopAfter === undefined ? script.deltas : script.deltas.slice(0, script.stopAfter);
    const usage = usageOf(body.input, sent);
    if (body.stream !== true) {
      const envelope: Json = {
        id,
        type: 'response',
        status: failure ? 'failed' : 'completed',
        output: { type: 'text', text: sent.join('') },
        usage,
        previous_response_id: previous ?? null,
      };
      if (failure) envelope.error = { message: failure.message, code: failure.code ?? null };
      return HttpResponse.json(envelope);
    }
    // Seed 000 lines 53-63: event names only in `event:` lines; data without type, ids or indexes.
    const frames: Frame[] = [frame({ id, status: 'in_progress' }, 'response.created')];
    for (const delta of sent) frames.push(frame({ delta }, 'response.output_text.delta'));
    frames.push(
      failure
        ? frame(
            {
              id,
              status: 'failed',
              error: { message: failure.message, code: failure.code ?? null },
            },
            'response.failed',
          )
        : frame({ id, status: 'completed', usage }, 'response.completed'),
    );
    return sseResponse(frames);
  }

  function chat(server: SimulatedServer, call: Call): Response {
    const body = call.body as Json;
    const rule = first(jsonObject(call.body), () => chatRule(body));
    if (rule) return reject(server, 422, rule);
    assertDocumented('Karta', server.scenario, UNDOCUMENTED);
    const script: Script = scriptFor(server.scenario, [], false);
    const id = ids('chatcmpl');
    const usage = usageOf(body.messages, script.deltas);
    if (body.stream !== true) {
      return HttpResponse.json({
        id,
        object: 'text_completion',
        created: NOW,
        model: body.model ?? 'default',
        choices: [
          { index: 0, message: { role: 'assistant', content: script.text }, finish_reason: 'stop' },
        ],
        usage,
      });
    }
    // Seed 001 lines 52-59: `event: chunk` frames, then `event: [DONE]` / `data: [DONE]`.
    const sent =
      script.stopAfter === undefined ? script.deltas : script.deltas.slice(0, script.stopAfter);
    const frames = sent.map((content) => frame({ choices: [{ delta: { content } }] }, 'chunk'));
    if (server.scenario.failMidStream === undefined) frames.push(frame('[DONE]', '[DONE]'));
    return sseResponse(frames);
  }
}

/** Auth (seed 000 line 9: "a session token or a kt_live_… key"), project, scripted status. */
function gate(server: SimulatedServer, call: Call, options: KartaOptions): Response | undefined {
  const token = bearer(call.received.headers);
  if (token === undefined) {
    const rule = broken('auth.missing', 'Missing bearer token.', null, 'unauthorized');
    return reject(server, 401, rule);
  }
  if (options.apiKey !== undefined && token !== options.apiKey) {
    return reject(server, 401, broken('auth.invalid', 'Invalid token.', null, 'unauthorized'));
  }
  const ref = call.params.project_ref ?? '';
  if (options.projects && !options.projects.includes(ref)) {
    const rule = broken('project.unknown', `No project '${ref}'.`, 'project_ref', 'not_found');
    return reject(server, 404, rule);
  }
  const { status, errorCode } = server.scenario;
  if (status === undefined) return undefined;
  const message = STATUS_MESSAGES[status] ?? `Request failed with status ${status}.`;
  return HttpResponse.json(
    { error: { message, type: errorType(status), code: errorCode ?? null, param: null } },
    { status },
  );
}

/** Seed 000 lines 13-29: input required (string | array); stream, store boolean; model string. */
function responsesRule(body: Json): Rule | undefined {
  return first(
    required(body, 'input', ['string', 'array']),
    () => itemsRule(body.input, 'input'),
    allTyped(body, {
      stream: ['boolean'],
      previous_response_id: ['string', 'null'],
      store: ['boolean'],
      model: ['string'],
    }),
  );
}

/** Seed 001 lines 13-23: messages required, `{ role, content }` items; model string; stream. */
function chatRule(body: Json): Rule | undefined {
  return first(
    required(body, 'messages', ['array']),
    () => {
      const messages = body.messages as unknown[];
      const bad = messages.findIndex(
        (item) =>
          !isObject(item) || typeof item.role !== 'string' || typeof item.content !== 'string',
      );
      if (bad < 0) return undefined;
      const message = `messages[${bad}] must be { "role": string, "content": string }.`;
      return broken('messages.item', message, `messages[${bad}]`, 'invalid_type');
    },
    allTyped(body, { model: ['string'], stream: ['boolean'] }),
  );
}

function itemsRule(items: unknown, field: string): Rule | undefined {
  if (!Array.isArray(items)) return undefined;
  const bad = items.findIndex((item) => !isObject(item));
  if (bad < 0) return undefined;
  return broken(
    `${field}.item`,
    `${field}[${bad}] must be an input item object.`,
    `${field}[${bad}]`,
    'invalid_type',
  );
}

function notFoundRule(): Rule {
  return broken('route.unknown', 'Not found.', null, 'not_found');
}

function reject(server: SimulatedServer, status: number, rule: Rule): Response {
  return refuse(server, status, rule, (violation) => openAIErrorBody(violation, errorType(status)));
}

function usageOf(input: unknown, deltas: string[]): Json {
  const input_tokens = tokens(input);
  const output_tokens = deltas.length;
  return { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens };
}
