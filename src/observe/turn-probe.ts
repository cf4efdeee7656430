/**
 * A conversation turn's probe, when something watches the conversation's client: made when the
 * turn starts and registered under the turn's signal, which its requests and tool calls carry,
 * so that they find it as their parent. Loaded with the turn's logic.
 */
import { isObject } from '../json.js';
import type { ClientConfig } from '../options.js';
import { secretsOf, textRedactor } from '../transport/redact.js';
import type { Outcome, TurnProbe } from './instrumentation.js';
import { enterTurn } from './turns.js';

/** The id of a server-side conversation the params carry (`conversation: 'conv_…'` or `{ id }`). */
function conversationIdOf(body: Record<string, unknown>): string | undefined {
  const { conversation } = body;
  if (typeof conversation === 'string') return conversation;
  return isObject(conversation) && typeof conversation.id === 'string'
    ? conversation.id
    : undefined;
}

/**
 * Starts the probe of a turn of a conversation of the client with this `config`, sending `body`
 * (its params) and `input`; `undefined` when nothing watches that client.
 */
export async function startTurnProbe(
  config: ClientConfig | undefined,
  body: Record<string, unknown>,
  input: unknown,
  signal: AbortSignal,
): Promise<TurnProbe | undefined> {
  const observe = config?.transport.observe;
  if (!config || !observe) return undefined;
  const { instrumentation } = await observe();
  const probe = instrumentation.turn({
    model: typeof body.model === 'string' ? body.model : undefined,
    conversationId: conversationIdOf(body),
    input,
    redact: textRedactor(secretsOf({ ...config.transport, headers: [config.transport.headers] })),
  });
  enterTurn(signal, probe);
  return probe;
}

/** Ends a probe once, whatever calls it later. */
export function once(probe: { end(outcome: Outcome): void } | undefined) {
  let ended = false;
  return (outcome: Outcome) => {
    if (ended || !probe) return;
    ended = true;
    probe.end(outcome);
  };
}
