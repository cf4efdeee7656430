/**
 * The steps of one turn: the pending approvals answered first, then step after step (one model
 * response and its calls run, see `step.ts`) until the model answers without calls to run, a
 * stop condition holds, a call waits for approval, or a call is the user's to answer. The turn
 * enters the history only when it ends so, complete: every call it leaves without an output is
 * one the next turn answers (its outputs, sent first, or the approvals).
 */
import { APIUserAbortError } from '../errors.js';
import { isObject } from '../json.js';
import type { RequestOptions } from '../options.js';
import { type ParseSource, parseOutput } from '../structured/parse-output.js';
import type { Response, ResponseInputItem, ResponseUsage } from '../types/index.js';
import { answerApprovals, isApprovalTurn } from './approvals.js';
import type { Session } from './conversation.js';
import type { ConversationInput, SavedConversation } from './conversation-types.js';
import { callsOf, runStep } from './step.js';
import type { ConversationEvent, PendingApproval, Step, StepContext } from './step-types.js';
import { planTurn } from './turn-plan.js';

/** The turn's input as items: text is one user message; answers to approvals say nothing more. */
const itemsOf = (input: ConversationInput): ResponseInputItem[] =>
  typeof input === 'string'
    ? [{ role: 'user', content: input }]
    : isApprovalTurn(input)
      ? []
      : [...input];

/** Whether any of the conversation's stop conditions holds after the steps so far. */
async function stops(session: Session, context: StepContext): Promise<boolean> {
  const { stopWhen } = session.options;
  const conditions = typeof stopWhen === 'function' ? [stopWhen] : (stopWhen ?? []);
  for (const condition of conditions) if (await condition(context)) return true;
  return false;
}

/** Adds `from`'s counts into `into`, nested details included. */
function addCounts(into: Record<string, unknown>, from: unknown): void {
  if (!isObject(from)) return;
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') into[key] = (Number(into[key]) || 0) + value;
    else if (isObject(value)) {
      const nested = isObject(into[key]) ? into[key] : {};
      into[key] = nested;
      addCounts(nested, value);
    }
  }
}

/** The usage of the steps, summed. */
export function usageOf(steps: readonly Step[]): ResponseUsage {
  const total: Record<string, unknown> = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  for (const step of steps) addCounts(total, step.response.usage);
  return total as unknown as ResponseUsage;
}

/**
 * The steps of one turn: events as they come (the wire's when streamed, the loop's always),
 * then the last response, parsed. Only then is the conversation's state replaced.
 */
export async function* runTurn(
  session: Session,
  before: Session['tail'],
  input: ConversationInput,
  params: Record<string, unknown> | undefined,
  options: RequestOptions & { signal: AbortSignal },
  streamed: boolean,
): AsyncGenerator<ConversationEvent, Response, undefined> {
  await before?.();
  const { signal } = options;
  if (signal.aborted) throw new APIUserAbortError('The turn was aborted before it started.');
  const plan = await planTurn(session, params);
  const { items, unsent = 0, previousResponseId } = session.state;
  // Outputs the server has not seen yet (a turn that stopped after running calls) go first.
  const seen = items.slice(0, items.length - unsent);
  const answered = yield* answerApprovals(session, plan, input, signal);
  let pending: ResponseInputItem[] = [
    ...items.slice(items.length - unsent),
    ...answered.outputs,
    ...itemsOf(input),
  ];
  const said: ResponseInputItem[] = [];
  const steps: Step[] = [];
  let previousId = previousResponseId;
  let last: Response | undefined;
  const responded = (response: Response) => {
    said.push(...pending, ...response.output);
    previousId = response.id;
    last = response;
  };
  try {
    for (let stepNumber = 0; ; stepNumber++) {
      const context = { history: [...seen, ...said], previousId, pending };
      const start = { stepNumber, steps, context, options, streamed, responded };
      const end = yield* runStep(session, plan, start);
      const { response, toolCalls } = end.step;
      steps.push(end.step);
      pending = toolCalls.map((call) => ({
        type: 'function_call_output',
        call_id: call.call_id,
        output: call.output,
      }));
      const stopped =
        toolCalls.length === 0 ||
        end.yours ||
        end.pending.length > 0 ||
        (await stops(session, { steps }));
      if (!stopped) continue;
      said.push(...pending);
      // The history keeps the items as they came; the response given back is parsed.
      const parsed = parseOutput(response, plan.body as ParseSource);
      commit(session, [...seen, ...structuredClone(said)], previousId, pending.length, end.pending);
      session.lastTurn = {
        steps,
        usage: usageOf(steps),
        response: parsed,
        approvals: answered.records,
      };
      return parsed;
    }
  } catch (error) {
    // A server that keeps the conversation kept every response that completed: what it kept
    // enters the history, and the calls it holds without outputs are answered next turn.
    if (last && session.state.strategy === 'conversation') {
      const notRun = callsOf(last).map(
        (call): ResponseInputItem => ({
          type: 'function_call_output',
          call_id: call.call_id,
          output: 'The turn ended before this call’s output was sent.',
        }),
      );
      commit(
        session,
        [...seen, ...structuredClone(said), ...notRun],
        previousId,
        notRun.length,
        [],
      );
    }
    throw error;
  }
}

/** Replaces the conversation's state with a turn's end: its items, how many are unsent, the calls waiting. */
function commit(
  session: Session,
  items: ResponseInputItem[],
  previousResponseId: string | null,
  unsent: number,
  pendingApprovals: PendingApproval[],
): void {
  const state: SavedConversation = { ...session.state, items, previousResponseId };
  delete state.unsent;
  delete state.pendingApprovals;
  if (unsent > 0) state.unsent = unsent;
  if (pendingApprovals.length > 0) state.pendingApprovals = pendingApprovals;
  session.state = state;
}
