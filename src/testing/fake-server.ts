import type { Dialect } from '../dialects/dialect.js';
import { type DialectName, type DialectParams, resolveDialect } from '../dialects/index.js';
import type { ResponseItem } from '../resources/responses.js';
import type { Response } from '../types/index.js';
import { badRequest, errorAnswer, notFound } from './answers.js';
import { abortError } from './body.js';
import { planTurn } from './check-turn.js';
import { answerCreate, historyOf, refuseState, wireEventCount } from './create.js';
import { History, inputItems } from './history.js';
import type { Plan } from './plan.js';
import type { FakeEndpoint, RecordedRequest } from './recorded-request.js';
import { answerStored, storedEndpoint } from './stored-routes.js';
import type { Turn, TurnFunction } from './turns.js';
import { wires } from './wire/index.js';
import type { Json, Wire } from './wire/wire.js';

/** Options of {@link createFakeServer}. */
export interface FakeServerOptions<D extends DialectName = 'openai'> {
  /**
   * The server it plays, and so its wire format: paths (Karta's `/projects/{ref}/…`), event
   * shapes, error bodies and status codes, and how it keeps state. Default `'openai'`, the
   * canonical format.
   */
  dialect?: D | undefined;
  /**
   * What it answers to each `POST /responses`, in order: turns written out, or functions that
   * compute one from the request. A function in place of the list computes every turn.
   */
  turns?: readonly Turn<DialectParams[D]>[] | TurnFunction<DialectParams[D]> | undefined;
  /** The base URL it answers under; default `https://fake.responses.test/v1`. */
  baseURL?: string | undefined;
  /** The `model` reported when the request names none; default `fake-model`. */
  model?: string | undefined;
  /** Milliseconds between two streamed events, unless a turn says otherwise; default 0. */
  delayMs?: number | undefined;
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

/** A Karta project ref, or any one path segment: the place of `{project_ref}` in a path. */
const ANY = '\u0000';

/**
 * Creates a fake Responses server that runs in-process as a `fetch` function: `POST /responses`
 * plays the next scripted turn (unary or streamed, as asked) in the wire format of `dialect`,
 * and the responses it keeps are retrieved, deleted, cancelled, listed and continued from, as
 * that server does. A malformed turn is refused here, with a message naming it. When the
 * script runs out it answers 500 with `x-should-retry: false`, saying so.
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
  const handle = resolveDialect(name);
  const wire: Wire = wires[name];
  const baseURL = (options.baseURL ?? 'https://fake.responses.test/v1').replace(/\/+$/, '');
  const basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  const computeAll = typeof options.turns === 'function' ? options.turns : undefined;
  const script: ScriptEntry[] = [];
  const history = new History();
  const requests: RecordedRequest<Params>[] = [];
  let planned = 0;
  let created = 0;
  let items = 0;

  const plan = (turn: unknown, label: string): ScriptEntry => {
    if (typeof turn === 'function') return turn as TurnFunction<never>;
    return checkCut(planTurn(turn, label), label, wire);
  };
  const enqueue = (turns: readonly unknown[]) => {
    for (const turn of turns) script.push(plan(turn, `turns[${planned++}]`));
  };
  if (Array.isArray(options.turns)) enqueue(options.turns);

  async function nextPlan(request: RecordedRequest<Params>, index: number) {
    const entry = computeAll ?? script.shift();
    if (entry === undefined) return undefined;
    if (typeof entry !== 'function') return entry;
    const label = `the turn computed for request #${index}`;
    const compute = entry as TurnFunction<Params>;
    return plan(await compute(request), label) as Plan;
  }

  async function create(
    request: RecordedRequest<Params>,
    index: number,
    signal: AbortSignal | null,
  ) {
    const body = request.body as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return badRequest(wire, 'The request body must be a JSON object.');
    const json = body as Json;
    const refused = refuseState(json, wire, history);
    if (refused) return errorAnswer(wire, refused);
    const input = inputItems(json, (prefix) => `${prefix}_fake_in_${++items}`);
    request.context = [...historyOf(json, wire, history), ...input];
    const refusedInput = wire.checkContext?.(request.context);
    if (refusedInput) return errorAnswer(wire, refusedInput);
    let turn: Plan | undefined;
    try {
      turn = await nextPlan(request, index);
    } catch (error) {
      return scriptError(`fake server: ${(error as Error).message}`, 'turn_invalid');
    }
    if (!turn) {
      const message = `fake server: no scripted turn left for request #${index}`;
      return scriptError(message, 'script_exhausted');
    }
    created += 1;
    return answerCreate(turn, json, input, request.context, {
      wire,
      history,
      requestId: `req_fake_${index + 1}`,
      responseId: `resp_fake_${created}`,
      model: options.model ?? 'fake-model',
      delayMs: options.delayMs ?? 0,
      signal,
    });
  }

  /** A 500 about the script itself, which the client must not retry. */
  const scriptError = (message: string, code: string) =>
    errorAnswer(
      wire,
      { status: 500, message, code, type: 'server_error', param: null },
      { 'x-should-retry': 'false' },
    );

  async function fetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<globalThis.Response> {
    const request = new Request(input, init);
    // The caller's own signal: a copy made by `new Request` may stop following it once the
    // request is garbage-collected (undici follows through a WeakRef).
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    if (signal?.aborted) throw abortError();
    const dialect = await handle.load();
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown;
    let unreadable = false;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      unreadable = true;
    }
    const below = url.pathname.startsWith(basePath)
      ? url.pathname.slice(basePath.length)
      : url.pathname;
    const path = below.split('/').filter(Boolean).map(decodeSegment);
    const rest = matchPrefix(path, dialect.paths.responses({ project: ANY }));
    const endpoint = endpointOf(request.method, rest, dialect.features);
    const recorded: RecordedRequest<Params> = {
      method: request.method,
      url: request.url,
      path,
      endpoint,
      headers: Object.fromEntries(request.headers),
      body: body as Params | undefined,
      context: [],
    };
    const index = requests.push(recorded) - 1;
    if (unreadable) return badRequest(wire, 'The request body is not valid JSON.');
    if (endpoint === 'create') return create(recorded, index, signal);
    if (endpoint === 'unknown' || rest === undefined)
      return notFound(
        wire,
        `No route for ${request.method} ${below || '/'} on this ${name} server.`,
      );
    return answerStored(endpoint, rest[0] ?? '', url.searchParams, history, wire);
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

/** Which endpoint a request reaches, from its method and its path below the responses collection. */
function endpointOf(
  method: string,
  rest: readonly string[] | undefined,
  features: Dialect['features'],
): FakeEndpoint {
  if (rest === undefined) return 'unknown';
  if (rest.length === 0) return method === 'POST' ? 'create' : 'unknown';
  return storedEndpoint(method, rest, features) ?? 'unknown';
}

/** A path segment decoded, or as it is when it is not valid percent-encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The segments after `prefix`, where `ANY` in the prefix matches any one segment. */
function matchPrefix(path: readonly string[], prefix: readonly string[]): string[] | undefined {
  if (path.length < prefix.length) return undefined;
  const matches = prefix.every((segment, at) => segment === ANY || segment === path[at]);
  return matches ? path.slice(prefix.length) : undefined;
}

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
