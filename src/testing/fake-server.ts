import { type DialectName, type DialectParams, resolveDialect } from '../dialects/index.js';
import type { ResponseItem } from '../resources/responses.js';
import type { Response } from '../types/index.js';
import { badRequest, errorAnswer, jsonAnswer, notFound } from './answers.js';
import { abortError } from './body.js';
import { answerChat } from './chat.js';
import { planTurn } from './check-turn.js';
import { answerCreate, historyOf, refuseState, wireEventCount } from './create.js';
import { History, inputItems } from './history.js';
import type { Plan } from './plan.js';
import type { RecordedRequest } from './recorded-request.js';
import { bearerOf, type Route, routeOf, segmentsOf } from './routes.js';
import {
  answerCompact,
  answerInputTokens,
  answerStored,
  type StoredEndpoint,
  tokensOf,
} from './stored-routes.js';
import type { Turn, TurnFunction } from './turns.js';
import { wires } from './wire/index.js';
import type { Json, Wire } from './wire/wire.js';

/** Options of {@link createFakeServer}. */
export interface FakeServerOptions<D extends DialectName = 'openai'> {
  /**
   * The server it plays, and so its wire format: paths (Karta's `/projects/{ref}/…`), event
   * shapes, error bodies and status codes, the rules it enforces on a request, and how it keeps
   * state. Default `'openai'`, the canonical format.
   */
  dialect?: D | undefined;
  /**
   * What it answers to each model call (`POST /responses`, or a chat completion where the server
   * has them), in order: turns written out, or functions that compute one from the request. A
   * function in place of the list computes every turn.
   */
  turns?: readonly Turn<DialectParams[D]>[] | TurnFunction<DialectParams[D]> | undefined;
  /** The base URL it answers under; default `https://fake.responses.test/v1`. */
  baseURL?: string | undefined;
  /** The `model` reported when the request names none; default `fake-model`. */
  model?: string | undefined;
  /** Milliseconds between two streamed events, unless a turn says otherwise; default 0. */
  delayMs?: number | undefined;
  /**
   * The API key it requires (`authorization: Bearer <key>`): a request without it, or with
   * another, is answered 401 as its server words it. Default: none required, any accepted.
   */
  apiKey?: string | undefined;
  /**
   * The models `GET /models` lists, where the server has that endpoint (default: `model`); the
   * gateway, given a list, refuses a request for a model not in it.
   */
  models?: readonly string[] | undefined;
}

/** An in-process Responses server, exposed as a `fetch` function. */
export interface FakeServer<Params = DialectParams['openai']> {
  /** Pass it as the client's `fetch` option. */
  readonly fetch: (
    input: string | URL | Request,
    init?: RequestInit,
  ) => Promise<globalThis.Response>;
  /** Pass it as the client's `baseURL` option. */
  readonly baseURL: string;
  /** The dialect it speaks: pass it as the client's `dialect` option. */
  readonly dialect: DialectName;
  /** Every request received, in order. */
  readonly requests: RecordedRequest<Params>[];
  /** Turns not yet played (0 when the turns are computed by one function). */
  readonly remainingTurns: number;
  /** Appends turns to the script, checked like the first ones (not when a function computes them all). */
  enqueue(...turns: Turn<Params>[]): void;
  /** A response it keeps, as `retrieve` answers it now; `undefined` when it keeps none by that id. */
  storedResponse(id: string): Response | undefined;
  /** The items of a conversation (`conversation: id`), oldest first; empty when it has none. */
  conversationItems(id: string): ResponseItem[];
}

type ScriptEntry = Plan | TurnFunction<never>;

/**
 * Creates a fake Responses server that runs in-process as a `fetch` function: `POST /responses`
 * (and a chat completion, where its server has them) plays the next scripted turn, unary or
 * streamed as asked, in the wire format of `dialect`; it refuses what that server refuses, and
 * the responses it keeps are retrieved, deleted, cancelled, listed and continued from, as that
 * server does. A malformed turn is refused here, with a message naming it. When the script runs
 * out it answers 500 with `x-should-retry: false`, saying so.
 *
 * @example
 * const server = createFakeServer({ turns: ['Hello there!'] });
 * const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });
 */
export function createFakeServer<D extends DialectName = 'openai'>(
  options: FakeServerOptions<D> = {},
): FakeServer<DialectParams[D]> {
  type Params = DialectParams[D];
  const name: DialectName = options.dialect ?? 'openai';
  // An unknown name is refused as the client refuses it: a ResponsesError naming the dialects.
  resolveDialect(name);
  const wire: Wire = wires[name];
  const baseURL = (options.baseURL ?? 'https://fake.responses.test/v1').replace(/\/+$/, '');
  const basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  const model = options.model ?? 'fake-model';
  const computeAll = typeof options.turns === 'function' ? options.turns : undefined;
  const script: ScriptEntry[] = [];
  const history = new History();
  const requests: RecordedRequest<Params>[] = [];
  const count = { planned: 0, created: 0, completions: 0, items: 0 };

  const plan = (turn: unknown, label: string): ScriptEntry => {
    if (typeof turn === 'function') return turn as TurnFunction<never>;
    return checkCut(planTurn(turn, label), label, wire);
  };
  const enqueue = (turns: readonly unknown[]) => {
    for (const turn of turns) script.push(plan(turn, `turns[${count.planned++}]`));
  };
  if (Array.isArray(options.turns)) enqueue(options.turns);

  /** The next turn, checked; a 500 about the script when there is none or it is malformed. */
  async function nextPlan(request: RecordedRequest<Params>, index: number) {
    const entry = computeAll ?? script.shift();
    if (entry === undefined)
      return scriptError(
        `fake server: no scripted turn left for request #${index}`,
        'script_exhausted',
      );
    if (typeof entry !== 'function') return entry;
    try {
      const computed = await (entry as TurnFunction<Params>)(request);
      return plan(computed, `the turn computed for request #${index}`) as Plan;
    } catch (error) {
      return scriptError(`fake server: ${(error as Error).message}`, 'turn_invalid');
    }
  }

  /** A 500 about the script itself, which the client must not retry. */
  const scriptError = (message: string, code: string) =>
    errorAnswer(
      wire,
      { status: 500, message, code, type: 'server_error', param: null },
      { 'x-should-retry': 'false' },
    );

  /** The request's body as an object, or `undefined` when it is none. */
  const objectOf = (body: unknown): Json | undefined =>
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : undefined;
  const notAnObject = () => badRequest(wire, 'The request body must be a JSON object.');

  async function create(request: RecordedRequest<Params>, index: number, signal: Signal) {
    const body = objectOf(request.body);
    if (!body) return notAnObject();
    const refused =
      wire.refuse({ body, headers: request.headers, models: options.models }) ??
      refuseState(body, wire, history);
    if (refused) return errorAnswer(wire, refused);
    const input = inputItems(body, (prefix) => `${prefix}_fake_in_${++count.items}`);
    request.context = [...historyOf(body, wire, history), ...input];
    const refusedInput = wire.checkContext?.(request.context);
    if (refusedInput) return errorAnswer(wire, refusedInput);
    const turn = await nextPlan(request, index);
    if (!('kind' in turn)) return turn;
    count.created += 1;
    return answerCreate(turn, body, input, request.context, {
      wire,
      history,
      requestId: `req_fake_${index + 1}`,
      responseId: wire.responseId(count.created),
      model,
      delayMs: options.delayMs ?? 0,
      signal,
    });
  }

  async function chat(request: RecordedRequest<Params>, index: number, signal: Signal) {
    const chatWire = wire.chat;
    const body = objectOf(request.body);
    if (!body || !chatWire) return notAnObject();
    const refused = chatWire.refuse({ body, headers: request.headers, models: options.models });
    if (refused) return errorAnswer(wire, refused);
    request.context = inputItems(body, (prefix) => `${prefix}_fake_in_${++count.items}`);
    const turn = await nextPlan(request, index);
    if (!('kind' in turn)) return turn;
    const init = {
      id: chatWire.id(++count.completions),
      model: typeof body.model === 'string' ? body.model : model,
      created: Math.floor(Date.now() / 1000),
      promptTokens: tokensOf(body.messages),
    };
    const requestId = `req_fake_${index + 1}`;
    const delayMs = options.delayMs ?? 0;
    return answerChat(turn, body, { wire, chat: chatWire, init, requestId, delayMs, signal });
  }

  /** The answer to a request that reached `route`, its key checked first where one is required. */
  function answer(request: RecordedRequest<Params>, route: Route, url: URL, signal: Signal) {
    const index = requests.length - 1;
    const { endpoint } = route;
    const below = `/${request.path.join('/')}`;
    if (endpoint === 'unknown')
      return notFound(wire, `No route for ${request.method} ${below} on this ${name} server.`);
    const key = bearerOf(request.headers);
    if (options.apiKey !== undefined && key !== options.apiKey)
      return errorAnswer(wire, wire.unauthorized(key));
    const body = (request.body ?? {}) as Json;
    switch (endpoint) {
      case 'create':
        return create(request, index, signal);
      case 'chat_completions':
        return chat(request, index, signal);
      case 'models':
        return jsonAnswer(200, wire.models?.body(options.models ?? [model]));
      case 'compact': {
        const object = objectOf(request.body);
        const id = `fake_compact_${++count.items}`;
        return object ? answerCompact(object, history, wire, id) : notAnObject();
      }
      case 'input_tokens':
        return answerInputTokens(body, history, wire);
      default:
        return answerStored(endpoint as StoredEndpoint, route.id, url.searchParams, history, wire);
    }
  }

  async function fetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<globalThis.Response> {
    const request = new Request(input, init);
    // The caller's own signal: a copy made by `new Request` may stop following it once the
    // request is garbage-collected (undici follows through a WeakRef).
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    if (signal?.aborted) throw abortError();
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown;
    let unreadable = false;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      unreadable = true;
    }
    const path = segmentsOf(url.pathname, basePath);
    const route = routeOf(request.method, path, wire);
    const recorded: RecordedRequest<Params> = {
      method: request.method,
      url: request.url,
      path,
      endpoint: route.endpoint,
      headers: Object.fromEntries(request.headers),
      body: body as Params | undefined,
      context: [],
      status: undefined,
    };
    requests.push(recorded);
    const answered = unreadable
      ? badRequest(wire, 'The request body is not valid JSON.')
      : await answer(recorded, route, url, signal);
    recorded.status = answered.status;
    return answered;
  }

  return {
    fetch,
    baseURL,
    dialect: name,
    requests,
    get remainingTurns() {
      return script.length;
    },
    enqueue: (...turns) => {
      if (computeAll)
        throw new TypeError(
          'enqueue(): this server computes every turn with the function given as `turns`.',
        );
      enqueue(turns);
    },
    storedResponse: (id) => history.responses.get(id)?.response,
    conversationItems: (id) => [...(history.conversations.get(id) ?? [])],
  };
}

type Signal = AbortSignal | null;

/** Refuses a turn that breaks off after its last event: it would not break off at all. */
function checkCut(plan: Plan, label: string, wire: Wire): Plan {
  if (plan.kind !== 'stream_error' && plan.kind !== 'drop' && plan.kind !== 'stall') return plan;
  if (plan.after === undefined) return plan;
  const count = wireEventCount(wire, plan.reply);
  if (plan.after < count) return plan;
  throw new TypeError(
    `${label} is not a valid turn: \`after\` is ${plan.after}, but its reply has ${count} events in ${wire.name}'s stream, the last being its end: give at most ${count - 1}.`,
  );
}
