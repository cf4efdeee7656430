/**
 * A function-calling assistant: tools as a record of zod-typed functions. The helper sends their
 * JSON Schema, parses and checks each call's arguments, runs the calls of a round at once, sends
 * the results back, and streams every round, until the model answers in words.
 *
 *   npx tsx examples/tool-loop.ts      # the built-in fake server: no key, no network
 */
import { z } from 'zod/mini';
import { connect, model } from './connect.js';

const client = connect([
  {
    type: 'function_call',
    calls: [
      { name: 'get_weather', arguments: { city: 'Oslo' } },
      { name: 'get_weather', arguments: { city: 'Lisbon' } },
    ],
  },
  'Take a coat to Oslo (-3°C); Lisbon is mild (17°C).',
]);

const chat = client.conversation({
  model,
  maxToolRounds: 3,
  tools: {
    get_weather: {
      description: 'The current weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        process.stdout.write(`  [get_weather(${city})]\n`);
        return { city, temperature: city === 'Oslo' ? '-3°C' : '17°C' };
      },
    },
  },
});

process.stdout.write('> What should I pack for Oslo and Lisbon?\n');
const stream = chat.stream('What should I pack for Oslo and Lisbon?');
for await (const event of stream) {
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
}
const answer = await stream.finalResponse();
console.log(`\n\n[${answer.id}; the turn took ${chat.items.length} items]`);
