/**
 * One turn of a conversation: its rounds of requests (each giving the server the context its
 * strategy says, falling back to replay once when a server refuses `previous_response_id`), the
 * model's tool calls answered between them, bounded by `maxToolRounds`, and the turn entered in
 * the history only when it is complete. Turns run one after another. Loaded on the first turn.
 */
import { APIUserAbortError, RequestValidationError, StreamError } from '../errors.js';
import { isObject } from '../json.js';
import { once, startTurnProbe } from '../observe/turn-probe.js';
import type { RequestOptions } from '../options.js';
import { clientConfigs } from '../resources/responses.js';
import type { ResponseStream } from '../stream/response-stream.js';
import { type ParseSource, parseOutput } from '../structured/parse-output.js';
import { callOptions } from '../transport/call-options.js';
import { laneKey } from '../transport/transport-option.js';
import type {
  FunctionTool,
  Response,
  ResponseFunctionToolCall,
  ResponseInputItem,
  ResponseStreamEvent,
} from '../types/index.js';
import type { Session } from './conversation.js';
import type { ConversationInput, ConversationTool } from './conversation-types.js';
import { MaxToolRoundsError } from './errors.js';
import { contextFields, refusesPrevious } from './strategy.js';
import { answerCalls } from './tool-runner.js';
import { TurnRun } from './turn-run.js';

export { TurnRun };

/** What a turn sends with every request, and what it runs. */
interface TurnPlan {
  body: Record<string, unknown>;
  tools: Record<string, ConversationTool>;
  /** Names of functions the request declares that the helper does not run. */
  yours: Set<string>;
  maxToolRounds: number;
}

/** Each conversation's tools as function tools, made once (zod's converter loads only for them). */
const definitions = new WeakMap<Session, Promise<FunctionTool[]>>();

function declare(session: Session, runnable: Record<string, ConversationTool>) {
  let declared = definitions.get(session);
  if (!declared) {
    declared =
      Object.keys(runnable).length === 0
        ? Promise.resolve([])
        : import('../structured/function-tools.js').then((m) => m.functionTools(runnable));
    definitions.set(session, declared);
  }
  return declared;
}

async function plan(
  session: Session,
  params: Record<string, unknown> | undefined,
): Promise<TurnPlan> {
  const { tools = {}, maxToolRounds = 10 } = session.options;
  const runnable = tools as Record<string, ConversationTool>;
  const declared = await declare(session, runnable);
  const body = { ...session.state.params, ...params };
  const extra = Array.isArray(body.tools)
    ? (body.tools as { type?: unknown; name?: unknown }[])
    : [];
  const yours = new Set<string>();
  for (const [name, tool] of Object.entries(runnable)) if (!tool.execute) yours.add(name);
  for (const tool of extra) if (tool.type === 'function') yours.add(String(tool.name));
  const all = [...declared, ...extra];
  if (all.length > 0) body.tools = all;
  else delete body.tools;
  const issues = [];
  if (!Number.isInteger(maxToolRounds) || maxToolRounds < 0)
    issues.push({
      path: ['maxToolRounds'],
      message: `must be a whole number ≥ 0; got ${maxToolRounds}`,
    });
  // A background response is queued, not complete: there would be nothing to carry on from.
  if (body.background)
    issues.push({ path: ['background'], message: 'a conversation’s turns run in the foreground' });
  if (issues.length > 0) throw new RequestValidationError(issues, 'conversation');
  return { body, tools: runnable, yours, maxToolRounds };
}

/** The turn's input as items: text is one user message. */
const itemsOf = (input: ConversationInput): ResponseInputItem[] =>
  typeof input === 'string' ? [{ role: 'user', content: input }] : [...input];

/** Whether a value is an `AbortSignal` (or one of its polyfills). */
const isSignal = (value: unknown): value is AbortSignal =>
  typeof (value as AbortSignal | null)?.addEventListener === 'function' &&
  typeof (value as AbortSignal).aborted === 'boolean';

/**
 * Starts a turn: it waits for the turn before (reading it to its end if nobody does), then runs.
 * `signal` (a stream's `abort()`), `options.signal` and a `signal` given among the params (then
 * taken out of them, never sent) all stop it.
 */
export function startTurn(
  session: Session,
  input: ConversationInput,
  turnParams: object | undefined,
  options: RequestOptions | undefined,
  signal?: AbortSignal,
): TurnRun {
  const before = session.tail;
  const controller = new AbortController();
  const linked = new AbortController();
  const { signal: paramsSignal, ...params } = (turnParams ?? {}) as { signal?: unknown };
  const given = isSignal(paramsSignal) ? paramsSignal : undefined;
  if (paramsSignal !== undefined && !given) (params as { signal?: unknown }).signal = paramsSignal;
  for (const source of [options?.signal, given, signal]) {
    if (source?.aborted) controller.abort();
    source?.addEventListener('abort', () => controller.abort(), { signal: linked.signal });
  }
  const streamed = signal !== undefined;
  const run = new TurnRun(
    turn(
      session,
      before,
      itemsOf(input),
      turnParams === undefined ? undefined : params,
      {
        ...options,
        // Over a WebSocket, the conversation's requests keep to one connection (its lane).
        ...{ [laneKey]: session },
        transport: options?.transport ?? session.options.transport,
        signal: controller.signal,
      },
      streamed,
    ),
    signal,
    () => linked.abort(),
  );
  session.tail = () => run.finalResponse().catch(() => {});
  return run;
}

/**
 * The rounds of one turn (see {@link rounds}); whatever it fails with has the client's secrets
 * taken out, as every error from the transport has: a failed response's words, a response kept
 * by `MaxToolRoundsError`.
 */
async function* turn(
  session: Session,
  before: Session['tail'],
  input: ResponseInputItem[],
  params: Record<string, unknown> | undefined,
  options: RequestOptions & { signal: AbortSignal },
  streamed: boolean,
): AsyncGenerator<ResponseStreamEvent, Response, undefined> {
  // The turn's span, log lines (when something watches the client): its requests find it by the signal.
  const end = once(
    await startTurnProbe(
      clientConfigs.get(session.responses),
      { conversation: session.state.conversation, ...session.state.params, ...params },
      input,
      options.signal,
    ),
  );
  try {
    const response = yield* rounds(session, before, input, params, options, streamed);
    end({ kind: 'completed', value: response });
    return response;
  } catch (error) {
    const clean = await redacted(session, options, error);
    end({ kind: 'failed', error: clean });
    throw clean;
  } finally {
    end({ kind: 'left' });
  }
}

/** `error`, with the secrets of the conversation's client taken out. */
async function redacted(session: Session, options: RequestOptions, error: unknown) {
  const config = clientConfigs.get(session.responses);
  if (!config) return error;
  const [dialect, { redactError, secretsOf }] = await Promise.all([
    config.dialect.load(),
    import('../transport/redact.js'),
  ]);
  const call = callOptions(config.transport, options);
  return redactError(error, secretsOf({ ...call, auth: dialect.authHeaders }));
}

/** The rounds of one turn: events as they come (when streamed), then the last response. */
async function* rounds(
  session: Session,
  before: Session['tail'],
  input: ResponseInputItem[],
  params: Record<string, unknown> | undefined,
  options: RequestOptions & { signal: AbortSignal },
  streamed: boolean,
): AsyncGenerator<ResponseStreamEvent, Response, undefined> {
  await before?.();
  const { signal } = options;
  if (signal.aborted) throw new APIUserAbortError('The turn was aborted before it started.');
  const turnPlan = await plan(session, params);
  const said: ResponseInputItem[] = [];
  let pending = input;
  let previousId = session.state.previousResponseId;
  for (let round = 0; ; round++) {
    const response = yield* request(session, turnPlan.body, options, streamed, {
      history: [...session.state.items, ...said],
      previousId,
      pending,
    });
    said.push(...pending, ...response.output);
    previousId = response.id;
    const calls = response.output.filter(
      (item): item is ResponseFunctionToolCall => isObject(item) && item.type === 'function_call',
    );
    if (calls.length === 0 || calls.some((call) => turnPlan.yours.has(call.name))) {
      // The history keeps the items as they came; the response given back is parsed.
      const kept = structuredClone(said);
      const parsed = parseOutput(response, turnPlan.body as ParseSource);
      session.state = {
        ...session.state,
        items: [...session.state.items, ...kept],
        previousResponseId: previousId,
      };
      return parsed;
    }
    if (round >= turnPlan.maxToolRounds)
      throw new MaxToolRoundsError(turnPlan.maxToolRounds, response);
    const mode = session.options.toolErrors ?? 'report';
    pending = await answerCalls(calls, turnPlan.tools, mode, signal);
  }
}

/**
 * One request of a turn, with the context its strategy gives; when the server refuses
 * `previous_response_id`, the conversation switches to replay and sends the same request again,
 * once, as replay: nothing lost, nothing sent twice.
 */
async function* request(
  session: Session,
  body: Record<string, unknown>,
  options: RequestOptions,
  streamed: boolean,
  context: Parameters<typeof contextFields>[1],
): AsyncGenerator<ResponseStreamEvent, Response, undefined> {
  // Two attempts at most: the second, as replay, returns or throws.
  const strategy = session.state.strategy;
  for (let attempt = 0; ; attempt++) {
    const fields = contextFields(session.state, context);
    try {
      const params = { ...body, ...fields };
      let response: Response;
      if (!streamed)
        response = complete((await session.responses.create(params, options)) as Response);
      else {
        const stream = (await session.responses.create(
          { ...params, stream: true },
          options,
        )) as ResponseStream;
        yield* stream;
        response = await stream.finalResponse();
      }
      // Over a WebSocket, the refusal was a new socket that no longer held a `store: false`
      // response: it holds this one now, so the next request chains again (not replay forever).
      if (attempt > 0 && options.transport === 'websocket')
        session.state = { ...session.state, strategy };
      return response;
    } catch (error) {
      if (attempt > 0 || fields.previous_response_id === undefined || !refusesPrevious(error))
        throw error;
      session.state = { ...session.state, strategy: 'replay' };
    }
  }
}

/**
 * A unary response that ended: a `failed` or `cancelled` one is a {@link StreamError}, as its
 * `response.failed` event would be in a stream, and the turn does not enter the history.
 */
function complete(response: Response): Response {
  if (response.status !== 'failed' && response.status !== 'cancelled') return response;
  const error = response.error;
  throw new StreamError(error?.message ?? `The response was ${response.status}.`, {
    code: error?.code ?? undefined,
    type: error?.type ?? undefined,
  });
}
