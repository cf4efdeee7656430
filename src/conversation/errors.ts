/**
 * The errors of the tool loop. Both extend {@link ResponsesError}; a turn that ends with one
 * leaves the conversation as it was before the turn.
 */
import { ResponsesError, type ValidationIssue } from '../errors.js';
import type { Response } from '../types/index.js';

/** A turn needed more rounds of tool calls than `maxToolRounds` allows. */
export class MaxToolRoundsError extends ResponsesError {
  /** Always `'MaxToolRoundsError'`, even in minified code. */
  override name = 'MaxToolRoundsError';
  /** The `maxToolRounds` that was reached. */
  readonly maxToolRounds: number;
  /** The last response, whose calls were not run. */
  readonly response: Response;

  /** The limit that was reached, and the last response (holding the calls left unanswered). */
  constructor(maxToolRounds: number, response: Response) {
    const calls = response.output.flatMap((item) =>
      item.type === 'function_call' ? [String(item.name)] : [],
    );
    super(
      `The model still called tools (${calls.join(', ')}) after ${maxToolRounds} rounds of tool calls, the turn's maxToolRounds: the turn was not added to the conversation.`,
    );
    this.maxToolRounds = maxToolRounds;
    this.response = response;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), maxToolRounds: this.maxToolRounds, responseId: this.response.id };
  }
}

/** Why a tool call could not be answered. */
export type ToolCallFailure = 'unknown_tool' | 'invalid_arguments' | 'execute_failed' | 'timed_out';

/** Fields a {@link ToolCallError} is built from. */
export interface ToolCallErrorInit {
  /** What went wrong: no such tool, invalid arguments, `execute` threw, or ran past its `timeout`. */
  reason: ToolCallFailure;
  /** The name the model called. */
  toolName: string;
  /** The call's `call_id`, which its output answers. */
  callId: string;
  /** For invalid arguments: each field that broke the schema. */
  issues?: readonly ValidationIssue[] | undefined;
  /** What `execute` threw, or the parse error. */
  cause?: unknown;
}

/**
 * A call the model made could not be answered: no tool of that name, arguments that are not JSON
 * or do not match the tool's schema, or `execute` threw. By default this is reported to the
 * model as the call's output (its `message`); with `toolErrors: 'throw'` it ends the turn.
 */
export class ToolCallError extends ResponsesError {
  /** Always `'ToolCallError'`, even in minified code. */
  override name = 'ToolCallError';
  /** What went wrong. */
  readonly reason: ToolCallFailure;
  /** The name the model called. */
  readonly toolName: string;
  /** The call's id. */
  readonly callId: string;
  /** For invalid arguments: each field that broke the schema. */
  readonly issues: readonly ValidationIssue[];

  /** What went wrong with which call (see {@link ToolCallErrorInit}). */
  constructor(message: string, init: ToolCallErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.toolName = init.toolName;
    this.callId = init.callId;
    this.issues = init.issues ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      reason: this.reason,
      toolName: this.toolName,
      callId: this.callId,
      issues: this.issues,
    };
  }
}
