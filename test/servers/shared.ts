/**
 * What every simulated server shares: the request recorder and router, the scenario a test
 * scripts, and the violation log. One simulation = one msw handler catching its whole origin, so
 * every request to that host is recorded (even one to a path the server does not have).
 */
import { type HttpHandler, HttpResponse, http } from 'msw';

/** One request, as the simulated server received it. */
export interface Received {
  method: string;
  url: string;
  /** The raw (still percent-encoded) path. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The parsed JSON body; the raw text when it is not JSON; `undefined` when there is none. */
  body: unknown;
  /** Path parameters of the matched route, URL-decoded (e.g. Karta's `project_ref`). */
  params: Record<string, string>;
}

/** A documented rule the request broke, and what the server answered. */
export interface Violation {
  /** A stable name for the rule, e.g. `top_logprobs.range`, `auth.missing`. */
  rule: string;
  status: number;
  message: string;
  param: string | null;
  code: string | null;
  /** Index into `received` of the offending request. */
  request: number;
}

/** How the simulated model answers; read per request, so a test may change it between calls. */
export interface Scenario {
  /** The assistant text. */
  reply?: string;
  /** How the text is split into stream deltas (joined, they are the text); default: by words. */
  chunks?: string[];
  /**
   * Answer with a function call, when the request offers a function tool of that name and (unless
   * `repeat`) carries no tool result yet; otherwise answer with the text, like a model would.
   */
  toolCall?: { name: string; arguments: string; callId?: string; repeat?: boolean };
  /** Send `after` deltas (default: half, at least one), then the server's failure form. */
  failMidStream?: { message: string; code?: string; after?: number };
  /** Stop early: status `incomplete` with this reason (servers that document it). */
  incomplete?: { reason: string };
  /** A stream that opens with 200 and then carries an `error` event (servers that document it). */
  immediateError?: { message: string; code?: string };
  /** Answer every request with this HTTP status and the server's error body. */
  status?: number;
  /** The `code` in that error body. */
  errorCode?: string;
}

export interface SimulatedServer {
  /** The seed's documented base URL. */
  baseURL: string;
  /** Pass to msw's `server.use(...)`. */
  handlers: HttpHandler[];
  /** Every request, in order. */
  received: Received[];
  /** Every documented rule a request broke, in order. */
  violations: Violation[];
  /** The scenario; reassign to change the next answers. */
  scenario: Scenario;
}

export const DEFAULT_REPLY = "We've got Sunrise, Midnight, and Decaf Dusk. ☕";
/** A fixed clock (the Karta seed's `created`), so answers are deterministic. */
export const NOW = 1_717_250_400;

/** A JSON object body. */
export type Json = Record<string, unknown>;

/** One request being answered. */
export interface Call {
  request: Request;
  received: Received;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** A route: method, a path pattern (named groups become decoded params), and its answer. */
export interface Route {
  method: string;
  path: RegExp;
  handle: (call: Call) => Response | Promise<Response>;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function parseBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A server for `baseURL`: records every request to its origin, answers it with the first route
 * whose method and path match, and with `notFound` otherwise.
 */
export function simulate(options: {
  baseURL: string;
  scenario: Scenario;
  routes: (server: SimulatedServer) => Route[];
  notFound: (server: SimulatedServer, call: Call) => Response;
}): SimulatedServer {
  const server: SimulatedServer = {
    baseURL: options.baseURL,
    handlers: [],
    received: [],
    violations: [],
    scenario: options.scenario,
  };
  const routes = options.routes(server);
  const origin = new URL(options.baseURL).origin;
  const handler = http.all(`${origin}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const received: Received = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await parseBody(request.clone()),
      params: {},
    };
    server.received.push(received);
    for (const route of routes) {
      const match = route.method === request.method ? route.path.exec(url.pathname) : null;
      if (!match) continue;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) {
        params[key] = decodeURIComponent(value);
      }
      received.params = params;
      return route.handle({
        request,
        received,
        params,
        query: url.searchParams,
        body: received.body,
      });
    }
    const call = { request, received, params: {}, query: url.searchParams, body: received.body };
    return options.notFound(server, call);
  });
  server.handlers.push(handler);
  return server;
}

/** The path pattern for `template` below `baseURL`'s path; `{name}` matches one segment. */
export function pathOf(baseURL: string, template: string): RegExp {
  const base = new URL(baseURL).pathname.replace(/\/$/, '');
  const escaped = `${base}${template}`.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`);
}

/** A rule broken, before the server decides the status and the body. */
export interface Rule {
  rule: string;
  message: string;
  param: string | null;
  code?: string | null;
}

/** Logs the violation and answers with `status` and the server's error `body`. */
export function refuse(
  server: SimulatedServer,
  status: number,
  rule: Rule,
  body: (violation: Violation) => unknown,
): Response {
  const violation: Violation = {
    rule: rule.rule,
    status,
    message: rule.message,
    param: rule.param,
    code: rule.code ?? null,
    request: server.received.length - 1,
  };
  server.violations.push(violation);
  return HttpResponse.json(body(violation) as Json, { status });
}

/** OpenAI's error envelope `{error:{message,type,code,param}}`. */
export function openAIErrorBody(violation: Violation, type = 'invalid_request_error'): Json {
  const { message, code, param } = violation;
  return { error: { message, type, code, param } };
}

/** The OpenAI-style error `type` for a status (assumed by the servers whose seeds are silent). */
export function errorType(status: number): string {
  if (status >= 500) return 'server_error';
  const types: Record<number, string> = {
    401: 'authentication_error',
    402: 'insufficient_quota',
    403: 'permission_error',
    429: 'rate_limit_error',
  };
  return types[status] ?? 'invalid_request_error';
}

/** The bearer token of `Authorization: Bearer <token>`, or `undefined`. */
export function bearer(headers: Record<string, string>): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** Throws when a test scripts something the server's seed does not document. */
export function assertDocumented(server: string, scenario: Scenario, undocumented: string[]): void {
  const used = undocumented.filter((key) => scenario[key as keyof Scenario] !== undefined);
  if (used.length > 0) {
    throw new Error(`The ${server} seed documents no ${used.join(', ')}; nothing to simulate.`);
  }
}

/** What the model produces for one request, resolved from the scenario. */
export interface Script {
  text: string;
  deltas: string[];
  call: { name: string; arguments: string; callId: string } | undefined;
  /** Deltas sent before a mid-stream failure or an early stop, when one is scripted. */
  stopAfter: number | undefined;
}

/** Splits text into word deltas that join back to it. */
export function words(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\s)(?=\S)/);
}

/**
 * Resolves the scenario for one request. `offered` names the function tools the request offers;
 * `toolResult` says whether its input already carries a tool result.
 */
export function scriptFor(scenario: Scenario, offered: string[], toolResult: boolean): Script {
  const deltas = scenario.chunks ?? words(scenario.reply ?? DEFAULT_REPLY);
  const text = deltas.join('');
  if (scenario.chunks && scenario.reply !== undefined && scenario.reply !== text) {
    throw new Error('Scenario: `chunks` must join to `reply`.');
  }
  const tool = scenario.toolCall;
  const calls = tool && offered.includes(tool.name) && (tool.repeat || !toolResult);
  const call = calls ? { ...tool, callId: tool.callId ?? 'call_sim_1' } : undefined;
  const stop = scenario.failMidStream ?? scenario.incomplete;
  const half = Math.max(1, Math.ceil(deltas.length / 2));
  const after = scenario.failMidStream?.after ?? half;
  return { text, deltas, call, stopAfter: stop ? Math.min(after, deltas.length) : undefined };
}

/** A deterministic token count (about four characters a token, at least one). */
export function tokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Whether an input or messages array carries a tool result (any dialect's form). */
export function hasToolResult(items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  return items.some(
    (item) => isObject(item) && (item.type === 'function_call_output' || item.role === 'tool'),
  );
}

/** Counter-based ids: `ids('resp')` → `resp_sim_1`, `resp_sim_2`, … per prefix. */
export function idMaker(): (prefix: string, separator?: string) => string {
  const counts = new Map<string, number>();
  return (prefix, separator = '_') => {
    const next = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, next);
    return `${prefix}${separator}sim${separator}${next}`;
  };
}

/** Splits a function call's arguments into a few fragments (as models stream them). */
export function fragments(text: string, size = 8): string[] {
  const parts: string[] = [];
  for (let index = 0; index < text.length; index += size)
    parts.push(text.slice(index, index + size));
  return parts.length > 0 ? parts : [''];
}
