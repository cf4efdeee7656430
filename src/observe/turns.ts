/**
 * Which turn a request belongs to: a turn registers its probe under its abort signal, which
 * every request and tool call of the turn carries (`options.signal`). That is how a turn passes
 * itself to its children as their parent, explicitly, with no context manager involved.
 */
import type { TurnProbe } from './instrumentation.js';

const turns = new WeakMap<AbortSignal, TurnProbe>();

/** Registers `probe` as the parent of whatever runs under `signal`. */
export function enterTurn(signal: AbortSignal, probe: TurnProbe): void {
  turns.set(signal, probe);
}

/** The probe of the turn whose signal this is, if any. */
export function turnOf(signal: AbortSignal | undefined): TurnProbe | undefined {
  return signal ? turns.get(signal) : undefined;
}
