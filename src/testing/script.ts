/**
 * The fake server's script: the turns it plays in order (each checked when given), or one
 * function that computes every turn, and the 500 it answers when the script cannot say.
 */
import { errorAnswer } from './answers.js';
import { planTurn } from './check-turn.js';
import { wireEventCount } from './create.js';
import type { Plan } from './plan.js';
import type { RecordedRequest } from './recorded-request.js';
import type { TurnFunction } from './turns.js';
import type { Wire } from './wire/wire.js';

type ScriptEntry = Plan | TurnFunction<never>;

/** The turns a server plays, in order. */
export class Script {
  readonly #wire: Wire;
  readonly #computeAll: TurnFunction<never> | undefined;
  readonly #entries: ScriptEntry[] = [];
  #planned = 0;

  /** `turns` as `createFakeServer` takes them: a list, or one function for every turn. */
  constructor(wire: Wire, turns: readonly unknown[] | TurnFunction<never> | undefined) {
    this.#wire = wire;
    this.#computeAll = typeof turns === 'function' ? turns : undefined;
    if (Array.isArray(turns)) this.enqueue(turns);
  }

  /** Turns not yet played (0 when one function computes them all). */
  get remaining(): number {
    return this.#entries.length;
  }

  /** Appends turns, each checked now. */
  enqueue(turns: readonly unknown[]): void {
    if (this.#computeAll)
      throw new TypeError(
        'enqueue(): this server computes every turn with the function given as `turns`.',
      );
    for (const turn of turns) this.#entries.push(this.#plan(turn, `turns[${this.#planned++}]`));
  }

  /** The next turn for `request`, checked; a 500 about the script when there is none or it is malformed. */
  async next(request: RecordedRequest<unknown>, index: number): Promise<Plan | Response> {
    const entry = this.#computeAll ?? this.#entries.shift();
    if (entry === undefined)
      return this.#error(
        `fake server: no scripted turn left for request #${index}`,
        'script_exhausted',
      );
    if (typeof entry !== 'function') return entry;
    try {
      const computed = await (entry as TurnFunction<unknown>)(request);
      return this.#plan(computed, `the turn computed for request #${index}`) as Plan;
    } catch (error) {
      return this.#error(`fake server: ${(error as Error).message}`, 'turn_invalid');
    }
  }

  #plan(turn: unknown, label: string): ScriptEntry {
    if (typeof turn === 'function') return turn as TurnFunction<never>;
    return checkCut(planTurn(turn, label), label, this.#wire);
  }

  /** A 500 about the script itself, which the client must not retry. */
  #error(message: string, code: string): Response {
    return errorAnswer(
      this.#wire,
      { status: 500, message, code, type: 'server_error', param: null },
      { 'x-should-retry': 'false' },
    );
  }
}

/** Refuses a turn that breaks off after its last event: it would not break off at all. */
function checkCut(plan: Plan, label: string, wire: Wire): Plan {
  if (plan.kind !== 'stream_error' && plan.kind !== 'drop' && plan.kind !== 'stall') return plan;
  if (plan.after === undefined) return plan;
  const count = wireEventCount(wire, plan.reply);
  if (plan.after < count) return plan;
  throw new TypeError(
    `${label} is not a valid turn: \`after\` is ${plan.after}, but its reply has ${count} events in ${wire.name}'s stream, the last being its end: give at most ${count - 1}.`,
  );
}
