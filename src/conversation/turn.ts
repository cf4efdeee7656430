/**
 * One turn of a conversation, started: its signals linked, its steps run after the turn before
 * (see `turn-loop.ts`), and whatever it fails with cleaned of the client's secrets. Turns run one
 * after another. Loaded on the first turn, with the whole agent loop.
 */
import { once, startTurnProbe } from '../observe/turn-probe.js';
import type { RequestOptions } from '../options.js';
import { clientConfigs } from '../resources/responses.js';
import { callOptions } from '../transport/call-options.js';
import { laneKey } from '../transport/transport-option.js';
import type { Session } from './conversation.js';
import type { ConversationInput } from './conversation-types.js';
import { runTurn } from './turn-loop.js';
import { TurnRun } from './turn-run.js';

export { TurnRun };

/** Whether a value is an `AbortSignal` (or one of its polyfills). */
const isSignal = (value: unknown): value is AbortSignal =>
  typeof (value as AbortSignal | null)?.addEventListener === 'function' &&
  typeof (value as AbortSignal).aborted === 'boolean';

/**
 * Starts a turn: it waits for the turn before (reading it to its end if nobody does), then runs.
 * `signal` (a stream's `abort()`), `options.signal` and a `signal` given among the params (then
 * taken out of them, never sent) all stop it.
 */
export function startTurn(
  session: Session,
  input: ConversationInput,
  turnParams: object | undefined,
  options: RequestOptions | undefined,
  signal?: AbortSignal,
): TurnRun {
  const before = session.tail;
  const controller = new AbortController();
  const linked = new AbortController();
  const { signal: paramsSignal, ...params } = (turnParams ?? {}) as { signal?: unknown };
  const given = isSignal(paramsSignal) ? paramsSignal : undefined;
  if (paramsSignal !== undefined && !given) (params as { signal?: unknown }).signal = paramsSignal;
  for (const source of [options?.signal, given, signal]) {
    if (source?.aborted) controller.abort();
    source?.addEventListener('abort', () => controller.abort(), { signal: linked.signal });
  }
  const streamed = signal !== undefined;
  const run = new TurnRun(
    turn(
      session,
      before,
      input,
      turnParams === undefined ? undefined : params,
      {
        ...options,
        // Over a WebSocket, the conversation's requests keep to one connection (its lane).
        ...{ [laneKey]: session },
        transport: options?.transport ?? session.options.transport,
        signal: controller.signal,
      },
      streamed,
    ),
    signal,
    () => linked.abort(),
  );
  session.tail = () => run.finalResponse().catch(() => {});
  return run;
}

/**
 * The steps of one turn (see {@link runTurn}); whatever it fails with has the client's secrets
 * taken out, as every error from the transport has: a failed response's words, a response kept
 * by `MaxToolRoundsError`.
 */
const turn: typeof runTurn = async function* (session, before, input, params, options, streamed) {
  // The turn's span, log lines (when something watches the client): its requests and tool
  // calls find it by the signal.
  const end = once(
    await startTurnProbe(
      clientConfigs.get(session.responses),
      { conversation: session.state.conversation, ...session.state.params, ...params },
      typeof input === 'string' || Array.isArray(input) ? input : [],
      options.signal,
    ),
  );
  try {
    const response = yield* runTurn(session, before, input, params, options, streamed);
    end({ kind: 'completed', value: response });
    return response;
  } catch (error) {
    const clean = await redacted(session, options, error);
    end({ kind: 'failed', error: clean });
    throw clean;
  } finally {
    end({ kind: 'left' });
  }
};

/** `error`, with the secrets of the conversation's client taken out. */
async function redacted(session: Session, options: RequestOptions, error: unknown) {
  const config = clientConfigs.get(session.responses);
  if (!config) return error;
  const [dialect, { redactError, secretsOf }] = await Promise.all([
    config.dialect.load(),
    import('../transport/redact.js'),
  ]);
  const call = callOptions(config.transport, options);
  return redactError(error, secretsOf({ ...call, auth: dialect.authHeaders }));
}
