/**
 * One step of a turn, start to end: its params prepared (`prepareStep`), one request to the
 * model (with the context its strategy gives, falling back to replay once when the server
 * refuses `previous_response_id`), then the calls of its response run, except those that wait
 * for approval or are the user's to answer, and `onStepEnd` told.
 */
import { StreamError } from '../errors.js';
import { isObject } from '../json.js';
import type { RequestOptions } from '../options.js';
import type { ResponseStream } from '../stream/response-stream.js';
import type { Response, ResponseFunctionToolCall, ResponseStreamEvent } from '../types/index.js';
import type { Session } from './conversation.js';
import { MaxToolRoundsError } from './errors.js';
import type { ConversationEvent, PendingApproval, Step } from './step-types.js';
import { contextFields, type RequestContext, refusesPrevious } from './strategy.js';
import { argumentsOf, runToolCalls, toolOf } from './tool-runner.js';
import type { TurnPlan } from './turn-plan.js';

/** What a step knows when it starts. */
export interface StepStart {
  stepNumber: number;
  /** The steps of the turn before this one. */
  steps: readonly Step[];
  /** The history before the request, and what it adds. */
  context: RequestContext;
  options: RequestOptions & { signal: AbortSignal };
  /** Whether the wire events are yielded (a streamed turn). */
  streamed: boolean;
  /** Told of the step's response as soon as it is complete (the server may have kept it). */
  responded(response: Response): void;
}

/** How a step ended. */
export interface StepEnd {
  step: Step;
  /** Calls of its response that wait for the user's approval. */
  pending: PendingApproval[];
  /** Whether a call of its response is the user's to answer (a tool without `execute`). */
  yours: boolean;
}

/** The function calls of a response, in order. */
export const callsOf = (response: Response) =>
  response.output.filter(
    (item): item is ResponseFunctionToolCall => isObject(item) && item.type === 'function_call',
  );

/** Whether a call waits for approval: its tool says so, for these arguments (invalid ones: no, they fail when run). */
async function waits(call: ResponseFunctionToolCall, plan: TurnPlan): Promise<boolean> {
  const tool = toolOf(plan.tools, call.name);
  const rule = tool?.execute ? tool.needsApproval : undefined;
  if (typeof rule !== 'function') return rule === true;
  let args: unknown;
  try {
    args = argumentsOf(call, tool as NonNullable<typeof tool>);
  } catch {
    return false;
  }
  return (await rule(args)) === true;
}

/**
 * Runs one step: the model's response (its events yielded when streamed), then its calls (their
 * events as they happen), then `step.completed`. Past `maxToolRounds`, a response with calls to
 * run is a {@link MaxToolRoundsError}.
 */
export async function* runStep(
  session: Session,
  plan: TurnPlan,
  start: StepStart,
): AsyncGenerator<ConversationEvent, StepEnd, undefined> {
  const { stepNumber, steps, options } = start;
  const overlay = await session.options.prepareStep?.({ stepNumber, steps });
  const body = overlay ? { ...plan.body, ...overlay } : plan.body;
  const response = yield* request(session, body, options, start.streamed, start.context);
  start.responded(response);
  const run: ResponseFunctionToolCall[] = [];
  const pending: PendingApproval[] = [];
  let yours = false;
  for (const call of callsOf(response)) {
    if (plan.yours.has(call.name)) yours = true;
    else if (await waits(call, plan))
      pending.push({ call_id: call.call_id, name: call.name, arguments: call.arguments });
    else run.push(call);
  }
  if (run.length > 0 && stepNumber >= plan.maxToolRounds)
    throw new MaxToolRoundsError(plan.maxToolRounds, response);
  const toolCalls =
    run.length === 0
      ? []
      : yield* runToolCalls(run, {
          tools: plan.tools,
          mode: session.options.toolErrors ?? 'report',
          signal: options.signal,
          step: stepNumber,
        });
  const step: Step = { stepNumber, response, toolCalls };
  yield { type: 'step.completed', step };
  await session.options.onStepEnd?.(step);
  return { step, pending, yours };
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
  context: RequestContext,
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
