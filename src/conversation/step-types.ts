/**
 * The types of the agent loop: what a turn did (its steps, each one model response and the tool
 * calls it made), the events a streamed turn yields between the wire events, the approvals a
 * turn may wait for, and the settings that control the loop (`stopWhen`, `prepareStep`,
 * `onStepEnd`). Written by hand: they are about the helper, not the wire.
 */
import type {
  Response,
  ResponseCreateParams,
  ResponseStreamEvent,
  ResponseUsage,
} from '../types/index.js';
import type { ToolCallError } from './errors.js';

/** One tool call of a step, run: what the model asked, and what was sent back. */
export interface ToolCallRecord {
  /** The tool's name. */
  name: string;
  /** The call's id, which its output answers. */
  call_id: string;
  /** The arguments as the model wrote them (a JSON string). */
  arguments: string;
  /** What was sent back as the call's `function_call_output`. */
  output: string;
  /** Why the call failed (an unknown tool, invalid arguments, a throw, a timeout), if it did. */
  error?: ToolCallError | undefined;
  /** How long the call took, in milliseconds. */
  duration_ms: number;
}

/** One step of a turn: one model response, and the tool calls it made, run. */
export interface Step {
  /** Its place in the turn, from 0. */
  stepNumber: number;
  /** The model's response. */
  response: Response;
  /** Its calls that were run, in the order the model made them (calls waiting for approval are not). */
  toolCalls: ToolCallRecord[];
}

/** What the last turn did: `chat.lastTurn`. */
export interface TurnSummary {
  /** Its steps, in order. */
  steps: Step[];
  /** The usage of all its steps, summed. */
  usage: ResponseUsage;
  /** Its answer: the last step's response (what `send` resolved to). */
  response: Response;
  /** Calls answered at its start (`send({ approvals })`): the approved ones run, the others refused. */
  approvals: ApprovedCall[];
}

/** A call that waited for approval, answered: run when approved, its refusal as output when not. */
export interface ApprovedCall extends ToolCallRecord {
  /** Whether the user approved it (and it ran). */
  approved: boolean;
}

/** A call waiting for the user's approval: `chat.pendingApprovals`. */
export interface PendingApproval {
  /** The call's id: the key of its answer in `send({ approvals })`. */
  call_id: string;
  /** The tool's name. */
  name: string;
  /** The arguments as the model wrote them (a JSON string). */
  arguments: string;
}

/**
 * The answers to pending approvals, by `call_id`: `true` runs the call; a string refuses it and
 * is sent to the model as the call's output; `false` refuses it with a short text. A pending call
 * left unanswered is refused.
 */
export type ApprovalAnswers = Record<string, boolean | string>;

/** A turn that answers the pending approvals: `chat.send({ approvals: { call_1: true } })`. */
export interface ApprovalTurn {
  /** The answer to each pending call, by `call_id`. */
  approvals: ApprovalAnswers;
}

/** What every tool-call event says about its call. */
interface ToolCallEventBase {
  /** The number of the step whose response made the call (0 for approved calls run at a turn's start). */
  step: number;
  /** The tool's name. */
  name: string;
  /** The call's id. */
  call_id: string;
  /** The arguments as the model wrote them. */
  arguments: string;
}

/** A tool call has started running. */
export interface ToolCallStartedEvent extends ToolCallEventBase {
  /** A call started. */
  type: 'tool_call.started';
}

/** A tool call has returned: `output` is what goes back to the model. */
export interface ToolCallCompletedEvent extends ToolCallEventBase {
  /** A call returned. */
  type: 'tool_call.completed';
  /** What was sent back as the call's output. */
  output: string;
  /** How long it took, in milliseconds. */
  duration_ms: number;
}

/** A tool call failed (unknown tool, invalid arguments, a throw, a timeout): `output` says so to the model. */
export interface ToolCallFailedEvent extends ToolCallEventBase {
  /** A call failed. */
  type: 'tool_call.failed';
  /** What went wrong. */
  error: ToolCallError;
  /** What was sent back as the call's output. */
  output: string;
  /** How long it took, in milliseconds. */
  duration_ms: number;
}

/** A step has ended: its response came and its calls ran. */
export interface StepCompletedEvent {
  /** A step ended. */
  type: 'step.completed';
  /** The step. */
  step: Step;
}

/** What a conversation turn yields besides the wire events. */
export type ToolLoopEvent =
  | ToolCallStartedEvent
  | ToolCallCompletedEvent
  | ToolCallFailedEvent
  | StepCompletedEvent;

/** What a streamed conversation turn yields: the wire events of every step, and the loop's own. */
export type ConversationEvent = ResponseStreamEvent | ToolLoopEvent;

/** What a stop condition, or `prepareStep`, is given: the turn's steps so far. */
export interface StepContext {
  /** The steps so far, the last one just ended (for `prepareStep`: the ones before this one). */
  steps: readonly Step[];
}

/** Ends the turn after a step when it returns true: `stepCountIs(5)`, or your own. */
export type StopCondition = (context: StepContext) => boolean | PromiseLike<boolean>;

/** What `prepareStep` is given: the number of the step about to run, and the steps before it. */
export interface PrepareStepContext extends StepContext {
  /** The number of the step about to run, from 0. */
  stepNumber: number;
}

/** Params laid over a turn's for one step (`tool_choice`, `model`, `tools`, `instructions`…). */
export type StepParams = Partial<Omit<ResponseCreateParams, 'input' | 'stream'>>;

/** The settings of the agent loop, besides `maxToolRounds`. */
export interface AgentSettings {
  /**
   * Ends the turn after a step whose calls have run when any condition holds (`stepCountIs`,
   * `hasToolCall`, `usageExceeds`, or any function of the steps); `maxToolRounds` stays the bound.
   */
  stopWhen?: StopCondition | readonly StopCondition[] | undefined;
  /** Params for one step only, laid over the turn's (`undefined`: none). */
  prepareStep?:
    | ((
        context: PrepareStepContext,
      ) => StepParams | undefined | PromiseLike<StepParams | undefined>)
    | undefined;
  /** Called after each step, its calls run. */
  onStepEnd?: ((step: Step) => unknown) | undefined;
}
