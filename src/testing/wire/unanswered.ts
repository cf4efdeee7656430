/**
 * A rule every fake server keeps about the items the model would see: each `function_call`
 * followed by its `function_call_output`. A transcript that leaves a call unanswered (a turn
 * that stopped before its calls' outputs were sent, and a next turn that does not send them)
 * is refused with a 400, as OpenAI refuses it; the other servers' wording is assumed (their
 * documents do not say), the rule is not: a chat-completions upstream needs every tool call
 * answered too.
 */
import type { ResponseItem } from '../../resources/responses.js';
import { invalid } from './forms.js';
import type { WireError } from './wire.js';

/** The first `function_call` of `context` that no later `function_call_output` answers, refused. */
export function unansweredCall(context: readonly ResponseItem[]): WireError | undefined {
  const open = new Map<unknown, number>();
  for (const item of context) {
    if (item.type === 'function_call') open.set(item.call_id, open.size);
    if (item.type === 'function_call_output') open.delete(item.call_id);
  }
  const [first] = open.keys();
  if (open.size === 0) return undefined;
  return invalid(`No tool output found for function call ${String(first)}.`, 'input');
}
