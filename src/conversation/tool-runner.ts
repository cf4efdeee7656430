/**
 * The tool loop's work inside one round: the model's calls answered (arguments parsed and
 * checked, `execute` run, all calls of a round at once), each answer sent back as a
 * `function_call_output`.
 */
import { APIUserAbortError, ResponseValidationError } from '../errors.js';
import { once } from '../observe/turn-probe.js';
import { turnOf } from '../observe/turns.js';
import type { WireSchema } from '../schemas/validate.js';
import { parseJSON } from '../structured/parse-output.js';
// Any schema a tool may have (zod 4, zod 3, Standard Schema), under the name the calls below use.
import { parseWithSchema as parseWire } from '../structured/schema-parse.js';
import type { FunctionCallOutputParam, ResponseFunctionToolCall } from '../types/index.js';
import type { ConversationTool, ToolErrorMode } from './conversation-types.js';
import { ToolCallError } from './errors.js';

/** Aborted while tools run: the turn ends where it is. */
const aborted = () => new APIUserAbortError('The turn was aborted while its tools ran.');

/** The output of one call, or a {@link ToolCallError} saying why there is none. */
async function answer(
  call: ResponseFunctionToolCall,
  tool: ConversationTool | undefined,
  signal: AbortSignal,
): Promise<string> {
  const at = { toolName: call.name, callId: call.call_id };
  if (!tool?.execute)
    throw new ToolCallError(`There is no tool named ${JSON.stringify(call.name)}.`, {
      ...at,
      reason: 'unknown_tool',
    });
  let args: unknown;
  try {
    const what = `arguments of the ${call.name} call`;
    args = parseWire(tool.parameters as WireSchema, parseJSON(call.arguments, what), what);
  } catch (cause) {
    const issues = cause instanceof ResponseValidationError ? cause.issues : [];
    const said = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ToolCallError(`Invalid arguments for ${call.name}: ${said.join('; ')}`, {
      ...at,
      reason: 'invalid_arguments',
      issues,
      cause,
    });
  }
  try {
    const result = await tool.execute(args, { signal, callId: call.call_id });
    // Anything but a string goes as JSON (which a cycle or a BigInt cannot be: that throws).
    return typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
  } catch (cause) {
    if (signal.aborted) throw aborted();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ToolCallError(`${call.name} failed: ${message}`, {
      ...at,
      reason: 'execute_failed',
      cause,
    });
  }
}

/**
 * Answers a round of calls, all at once, in the order the model made them. A call that goes
 * wrong is reported to the model (its output says why), or ends the turn, as `mode` says; when
 * the turn's `signal` aborts, the round ends at once with `APIUserAbortError` (the tools are
 * given the signal to stop their own work).
 */
export async function answerCalls(
  calls: readonly ResponseFunctionToolCall[],
  tools: Record<string, ConversationTool>,
  mode: ToolErrorMode,
  signal: AbortSignal,
): Promise<FunctionCallOutputParam[]> {
  if (signal.aborted) throw aborted();
  const round = new AbortController();
  const stop = () => round.abort();
  signal.addEventListener('abort', stop, { once: true });
  // Each call's span and log lines, when something watches the turn (its probe, by the signal).
  const turn = turnOf(signal);
  const running = new Set<ReturnType<typeof once>>();
  const outputs = calls.map(async (call): Promise<FunctionCallOutputParam> => {
    let output: string;
    const { name, call_id: callId, arguments: args } = call;
    const end = once(turn?.tool({ name, callId, arguments: args }));
    running.add(end);
    try {
      const tool = Object.hasOwn(tools, call.name) ? tools[call.name] : undefined;
      output = await answer(call, tool, round.signal);
      end({ kind: 'completed', value: output });
    } catch (error) {
      end({ kind: 'failed', error });
      if (!(error instanceof ToolCallError) || mode === 'throw') throw error;
      output = mode === 'report' ? error.message : mode(error);
    }
    return { type: 'function_call_output', call_id: call.call_id, output };
  });
  try {
    return await new Promise((resolve, reject) => {
      round.signal.addEventListener('abort', () => reject(aborted()), { once: true });
      Promise.all(outputs).then(resolve, reject);
    });
  } catch (error) {
    // A call that ends the turn ends the round: the others are told to stop (their spans end now).
    round.abort();
    for (const end of running) end({ kind: 'failed', error });
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
