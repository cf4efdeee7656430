/**
 * The agent loop, step by step: two `tool()`s (one with a timeout), a turn that must call a tool
 * first (`prepareStep`), stops once the model gives its final answer through a tool
 * (`hasToolCall`) or after six steps, and logs each step's usage as it ends; then what the turn
 * did, from `chat.lastTurn`.
 *
 *   npx tsx examples/agent-steps.ts      # the built-in fake server: no key, no network
 */
import { hasToolCall, stepCountIs, tool, usageExceeds } from 'responses-client';
import { z } from 'zod/mini';
import { connect, model } from './connect.js';

const client = connect([
  {
    type: 'function_call',
    calls: [
      { name: 'get_weather', arguments: { city: 'Oslo' } },
      { name: 'get_weather', arguments: { city: 'Bergen' } },
    ],
    usage: { input_tokens: 120, output_tokens: 30 },
  },
  {
    type: 'function_call',
    name: 'final_answer',
    arguments: { text: 'Oslo: dry, -3°C. Bergen: rain. Take the train to Oslo.' },
    usage: { input_tokens: 210, output_tokens: 40 },
  },
]);

const get_weather = tool({
  description: 'The current weather in a city',
  parameters: z.object({ city: z.string() }),
  timeout: 5_000, // a call that hangs fails after 5 s, its signal aborted
  execute: async ({ city }, { signal }) => {
    signal.throwIfAborted();
    return city === 'Oslo' ? { city, sky: 'dry', temperature: -3 } : { city, sky: 'rain' };
  },
});
const final_answer = tool({
  description: 'Gives the user the final answer',
  parameters: z.object({ text: z.string() }),
  execute: ({ text }) => text,
});

const chat = client.conversation({
  model,
  tools: { get_weather, final_answer },
  stopWhen: [hasToolCall('final_answer'), stepCountIs(6), usageExceeds({ total_tokens: 20_000 })],
  prepareStep: ({ stepNumber }) => (stepNumber === 0 ? { tool_choice: 'required' } : undefined),
  onStepEnd: (step) =>
    console.log(
      `[step ${step.stepNumber}: ${step.toolCalls.map((call) => call.name).join(', ')}; ${step.response.usage?.total_tokens} tokens]`,
    ),
});

console.log('> Oslo or Bergen this weekend?');
await chat.send('Oslo or Bergen this weekend?');

const turn = chat.lastTurn;
const answer = turn?.steps.at(-1)?.toolCalls.find((call) => call.name === 'final_answer');
console.log(answer?.output);
console.log(`[${turn?.steps.length} steps, ${turn?.usage.total_tokens} tokens in all]`);
