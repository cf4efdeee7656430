/**
 * `tool()`: a conversation tool defined on its own, outside `client.conversation()`, with its
 * arguments' type inferred from its schema; and the stop conditions of the agent loop. Nothing
 * here runs a call: the turn modules do, when they load.
 */
import type { ResponseUsage } from '../types/index.js';
import type { ConversationTool } from './conversation-types.js';
import type { StopCondition } from './step-types.js';

/**
 * A runnable tool, typed by its `parameters` where it is written: `execute`'s arguments are
 * inferred from the schema even outside `client.conversation()` (a plain object there would
 * leave them `any`). Returns the definition as it is.
 *
 * @example
 * const get_weather = tool({ parameters: z.object({ city: z.string() }), execute: ({ city }) => weather(city), timeout: 5_000 });
 */
export function tool<Args>(definition: ConversationTool<Args>): ConversationTool<Args> {
  return definition;
}

/** Stops the turn once it has taken `count` steps. */
export const stepCountIs =
  (count: number): StopCondition =>
  ({ steps }) =>
    steps.length >= count;

/** Stops the turn after a step in which the model called `name` (and the call ran). */
export const hasToolCall =
  (name: string): StopCondition =>
  ({ steps }) =>
    steps.at(-1)?.toolCalls.some((call) => call.name === name) ?? false;

/** Token counts of a turn's usage, any of which ends it once exceeded. */
export type UsageLimits = Partial<
  Pick<ResponseUsage, 'input_tokens' | 'output_tokens' | 'total_tokens'>
>;

/** Stops the turn once the usage of its steps, summed, exceeds any of `limits`. */
export const usageExceeds =
  (limits: UsageLimits): StopCondition =>
  ({ steps }) =>
    Object.entries(limits).some(
      ([key, limit]) =>
        limit !== undefined &&
        steps.reduce(
          (sum, step) => sum + (Number(step.response.usage?.[key as keyof UsageLimits]) || 0),
          0,
        ) > limit,
    );
