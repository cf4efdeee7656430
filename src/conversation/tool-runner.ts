/**
 * The tool calls of one step, run: each call's arguments parsed and checked, `execute` run
 * (bounded by the tool's `timeout`), and its output or failure recorded. {@link runToolCall} is
 * the whole life of one call; {@link runToolCalls} runs a step's calls at once and yields their
 * events as they happen.
 */
import { APIUserAbortError, ResponseValidationError } from '../errors.js';
import { once } from '../observe/turn-probe.js';
import { turnOf } from '../observe/turns.js';
import type { WireSchema } from '../schemas/validate.js';
import { parseJSON } from '../structured/parse-output.js';
// Any schema a tool may have (zod 4, zod 3, Standard Schema), under the name the calls below use.
import { parseWithSchema as parseWire } from '../structured/schema-parse.js';
import type { ResponseFunctionToolCall } from '../types/index.js';
import type { ConversationTool, ToolErrorMode } from './conversation-types.js';
import { ToolCallError } from './errors.js';
import type { ToolCallRecord, ToolLoopEvent } from './step-types.js';

/** Aborted while tools run: the turn ends where it is. */
export const aborted = () => new APIUserAbortError('The turn was aborted while its tools ran.');

/** The call's tool, by the name the model called (own properties only). */
export const toolOf = (tools: Record<string, ConversationTool>, name: string) =>
  Object.hasOwn(tools, name) ? tools[name] : undefined;

/** A call's arguments, parsed and checked by its tool's schema; a {@link ToolCallError} if they are not. */
export function argumentsOf(call: ResponseFunctionToolCall, tool: ConversationTool): unknown {
  try {
    const what = `arguments of the ${call.name} call`;
    return parseWire(tool.parameters as WireSchema, parseJSON(call.arguments, what), what);
  } catch (cause) {
    const issues = cause instanceof ResponseValidationError ? cause.issues : [];
    const said = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ToolCallError(`Invalid arguments for ${call.name}: ${said.join('; ')}`, {
      toolName: call.name,
      callId: call.call_id,
      reason: 'invalid_arguments',
      issues,
      cause,
    });
  }
}

/** Runs `execute` with a `timeout`: past it, its signal aborts and the call fails. */
async function execute(
  call: ResponseFunctionToolCall,
  tool: ConversationTool & { execute: NonNullable<ConversationTool['execute']> },
  args: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  const own = new AbortController();
  const stop = () => own.abort();
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });
  const { timeout } = tool;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    if (timeout === undefined) return;
    timer = setTimeout(() => {
      own.abort();
      reject(
        new ToolCallError(`${call.name} timed out after ${timeout} ms`, {
          toolName: call.name,
          callId: call.call_id,
          reason: 'timed_out',
        }),
      );
    }, timeout);
  });
  try {
    return await Promise.race([
      // Called at once (a throw becomes a rejection): the calls of a step start in order.
      new Promise((resolve) => {
        resolve(tool.execute(args, { signal: own.signal, callId: call.call_id }));
      }),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

/** The output of one call, or a {@link ToolCallError} saying why there is none. */
async function answer(
  call: ResponseFunctionToolCall,
  tool: ConversationTool | undefined,
  signal: AbortSignal,
): Promise<string> {
  if (!tool?.execute)
    throw new ToolCallError(`There is no tool named ${JSON.stringify(call.name)}.`, {
      toolName: call.name,
      callId: call.call_id,
      reason: 'unknown_tool',
    });
  const args = argumentsOf(call, tool);
  try {
    const result =
      tool.timeout === undefined
        ? await tool.execute(args, { signal, callId: call.call_id })
        : await execute(call, tool as Parameters<typeof execute>[1], args, signal);
    // Anything but a string goes as JSON (which a cycle or a BigInt cannot be: that throws).
    return typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
  } catch (cause) {
    if (cause instanceof ToolCallError && cause.reason === 'timed_out') throw cause;
    if (signal.aborted) throw aborted();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ToolCallError(`${call.name} failed: ${message}`, {
      toolName: call.name,
      callId: call.call_id,
      reason: 'execute_failed',
      cause,
    });
  }
}

/** What running a call needs besides the call: how failures go, the signal, where events go. */
export interface CallRun {
  tools: Record<string, ConversationTool>;
  mode: ToolErrorMode;
  signal: AbortSignal;
  /** The number of the step that made the call (0 for calls approved at a turn's start). */
  step: number;
  emit(event: ToolLoopEvent): void;
  /** The turn's probe (its span, log lines), when something watches it. */
  probe?: ReturnType<typeof turnOf>;
  /** The ends of the spans of calls still running, for a round that fails to end them. */
  running?: Set<ReturnType<typeof once>>;
}

/**
 * One tool call, start to end: `tool_call.started`, then its output (or, as `mode` says, the
 * failure reported as its output) and `tool_call.completed` or `tool_call.failed`. Throws when
 * the failure ends the turn (`toolErrors: 'throw'`) or the turn is aborted.
 */
export async function runToolCall(
  call: ResponseFunctionToolCall,
  run: CallRun,
): Promise<ToolCallRecord> {
  const about = { name: call.name, call_id: call.call_id, arguments: call.arguments };
  run.emit({ type: 'tool_call.started', step: run.step, ...about });
  const started = Date.now();
  // The call's span and log lines, when something watches the turn.
  const end = once(
    run.probe?.tool({ name: call.name, callId: call.call_id, arguments: call.arguments }),
  );
  run.running?.add(end);
  let output: string;
  let error: ToolCallError | undefined;
  try {
    output = await answer(call, toolOf(run.tools, call.name), run.signal);
    end({ kind: 'completed', value: output });
  } catch (caught) {
    end({ kind: 'failed', error: caught });
    if (!(caught instanceof ToolCallError) || run.mode === 'throw') throw caught;
    error = caught;
    output = run.mode === 'report' ? caught.message : run.mode(caught);
  }
  const duration_ms = Date.now() - started;
  run.emit(
    error
      ? { type: 'tool_call.failed', step: run.step, ...about, error, output, duration_ms }
      : { type: 'tool_call.completed', step: run.step, ...about, output, duration_ms },
  );
  return error ? { ...about, output, error, duration_ms } : { ...about, output, duration_ms };
}

/**
 * Runs calls all at once, yielding their events as they happen, and returns their records in
 * the order the model made the calls. A call that ends the turn ends the others (their signal
 * aborts); so does the turn's `signal`, at once, with `APIUserAbortError`; so does a consumer
 * that stops reading.
 */
export async function* runToolCalls(
  calls: readonly ResponseFunctionToolCall[],
  run: Omit<CallRun, 'emit'>,
): AsyncGenerator<ToolLoopEvent, ToolCallRecord[], undefined> {
  if (run.signal.aborted) throw aborted();
  const round = new AbortController();
  const stop = () => round.abort();
  run.signal.addEventListener('abort', stop, { once: true });
  const queue: ToolLoopEvent[] = [];
  let wake = () => {};
  let outcome: { records: ToolCallRecord[] } | { error: unknown } | undefined;
  const emit = (event: ToolLoopEvent) => {
    queue.push(event);
    wake();
  };
  const settle = (value: NonNullable<typeof outcome>) => {
    outcome ??= value;
    wake();
  };
  round.signal.addEventListener('abort', () => settle({ error: aborted() }), { once: true });
  // The turn's probe is found by the turn's signal; the calls get the round's.
  const probe = turnOf(run.signal);
  const running = new Set<ReturnType<typeof once>>();
  const each = { ...run, signal: round.signal, emit, probe, running };
  Promise.all(calls.map((call) => runToolCall(call, each))).then(
    (records) => settle({ records }),
    (error: unknown) => settle({ error }),
  );
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift() as ToolLoopEvent;
      if (outcome && 'error' in outcome) {
        // The round ends: the spans of calls still running end now.
        for (const end of running) end({ kind: 'failed', error: outcome.error });
        throw outcome.error;
      }
      if (outcome) return outcome.records;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // However the round ends, calls still running are told to stop.
    round.abort();
    run.signal.removeEventListener('abort', stop);
  }
}
