/**
 * The answers to a conversation's pending approvals, at the start of the next turn: the approved
 * calls run, the refused ones answered with the refusal's text, so that every call the model
 * made has its output before the turn's first request.
 */
import { RequestValidationError } from '../errors.js';
import { isObject } from '../json.js';
import type { FunctionCallOutputParam, ResponseFunctionToolCall } from '../types/index.js';
import type { Session } from './conversation.js';
import type { ConversationInput } from './conversation-types.js';
import type { ApprovalTurn, ApprovedCall, ToolLoopEvent } from './step-types.js';
import { runToolCalls } from './tool-runner.js';
import type { TurnPlan } from './turn-plan.js';

/** Whether a turn's input is the answers to pending approvals. */
export const isApprovalTurn = (input: ConversationInput): input is ApprovalTurn =>
  !Array.isArray(input) && isObject(input);

/** What a refused call's output says, when the answer gives no text of its own. */
const refusal = (answer: unknown) =>
  answer === false
    ? 'The user did not approve this call: it was not run.'
    : 'The user went on without approving this call: it was not run.';

/** What the pending approvals came to: each call's record, and the outputs to send first. */
export interface Answered {
  records: ApprovedCall[];
  outputs: FunctionCallOutputParam[];
}

/**
 * Answers the pending approvals with `input`'s (a turn that says something else refuses them
 * all): approved calls run at once (their events yielded, as step 0's), refused ones get the
 * refusal as output. Answers to calls that do not wait are a `RequestValidationError`.
 */
export async function* answerApprovals(
  session: Session,
  plan: TurnPlan,
  input: ConversationInput,
  signal: AbortSignal,
): AsyncGenerator<ToolLoopEvent, Answered, undefined> {
  const pending = session.state.pendingApprovals ?? [];
  const answers: Record<string, unknown> = isApprovalTurn(input)
    ? isObject(input.approvals)
      ? input.approvals
      : { '': input.approvals }
    : {};
  const waiting = new Set(pending.map((call) => call.call_id));
  const stray = Object.keys(answers).filter((id) => !waiting.has(id));
  if (stray.length > 0)
    throw new RequestValidationError(
      stray.map((id) => ({
        path: ['approvals', id],
        message:
          waiting.size === 0
            ? 'no call waits for approval'
            : `no call waits for approval with this id; waiting: ${[...waiting].join(', ')}`,
      })),
      'turn',
    );
  const approved = pending.filter((call) => answers[call.call_id] === true);
  const ran =
    approved.length === 0
      ? []
      : yield* runToolCalls(
          approved.map((call) => ({ type: 'function_call', ...call }) as ResponseFunctionToolCall),
          { tools: plan.tools, mode: session.options.toolErrors ?? 'report', signal, step: 0 },
        );
  const records = pending.map((call): ApprovedCall => {
    const answer = answers[call.call_id];
    const record = ran.find((done) => done.call_id === call.call_id);
    if (record) return { ...record, approved: true };
    const output = typeof answer === 'string' ? answer : refusal(answer);
    return { ...call, output, duration_ms: 0, approved: false };
  });
  const outputs = records.map(
    (record): FunctionCallOutputParam => ({
      type: 'function_call_output',
      call_id: record.call_id,
      output: record.output,
    }),
  );
  return { records, outputs };
}
