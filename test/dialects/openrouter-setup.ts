import { type ResponseStreamEvent, ResponsesClient } from '../../src/index.js';
import { useSimulations } from '../servers/harness.js';
import { openRouterServer } from '../servers/openrouter.js';
import type { Scenario, SimulatedServer } from '../servers/shared.js';

export const serve = useSimulations();
export const key = 'sk-or-v1-test';
export const client = (sim: SimulatedServer) =>
  new ResponsesClient({ dialect: 'openrouter', apiKey: key, baseURL: sim.baseURL, maxRetries: 0 });
/** Seed 004, `input`: "Example: [{"role":"user","content":"What is the weather today?"}]". */
export const weather = {
  model: 'openai/gpt-oss-20b',
  input: [{ role: 'user' as const, content: 'What is the weather today?' }],
};
export const start = (scenario: Scenario = {}) => {
  const sim = serve(openRouterServer(scenario));
  return { sim, openrouter: client(sim) };
};

/** What a call rejected with (`undefined` when it resolved). */
export const failureOf = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    () => undefined,
    (error: unknown) => error,
  );

/** The events as they were when yielded, the types, and the text a UI loop renders. */
export async function collect(stream: AsyncIterable<ResponseStreamEvent>) {
  const events: Record<string, unknown>[] = [];
  let text = '';
  for await (const e of stream) {
    events.push(structuredClone(e) as Record<string, unknown>);
    if (e.type === 'response.output_text.delta') text += e.delta;
  }
  return { events, text, types: events.map((e) => e.type) };
}
