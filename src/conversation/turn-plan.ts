/**
 * What a turn sends with every request and what it runs: the conversation's params with the
 * turn's laid over them, its tools declared (zod's converter loads only for them), and its
 * bounds checked before anything is sent.
 */
import { RequestValidationError } from '../errors.js';
import type { FunctionTool } from '../types/index.js';
import type { Session } from './conversation.js';
import type { ConversationTool } from './conversation-types.js';

/** What a turn sends with every request, and what it runs. */
export interface TurnPlan {
  body: Record<string, unknown>;
  tools: Record<string, ConversationTool>;
  /** Names of functions the request declares that the helper does not run. */
  yours: Set<string>;
  maxToolRounds: number;
}

/** Each conversation's tools as function tools, made once. */
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

/** The plan of a turn given `params`; a `RequestValidationError` for bounds that cannot be. */
export async function planTurn(
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
  for (const [name, tool] of Object.entries(runnable))
    if (tool.timeout !== undefined && !(typeof tool.timeout === 'number' && tool.timeout > 0))
      issues.push({
        path: ['tools', name, 'timeout'],
        message: `must be a number of milliseconds above 0; got ${String(tool.timeout)}`,
      });
  // A background response is queued, not complete: there would be nothing to carry on from.
  if (body.background)
    issues.push({ path: ['background'], message: 'a conversation’s turns run in the foreground' });
  if (issues.length > 0) throw new RequestValidationError(issues, 'conversation');
  return { body, tools: runnable, yours, maxToolRounds };
}
