/**
 * Structured output: a zod schema as the text format, the answer parsed and typed
 * (`output_parsed`), unary and streamed, `null` when the model refuses; and a zod function tool
 * whose calls carry their `parsed_arguments`.
 *
 *   npx tsx examples/structured-output.ts      # the built-in fake server: no key, no network
 */
import { zodFunction, zodTextFormat } from 'responses-client';
import { z } from 'zod/mini';
import { connect, model } from './connect.js';

const Menu = z.object({
  title: z.string(),
  courses: z.array(
    z.object({
      roast: z.enum(['Sunrise', 'Midnight', 'Decaf Dusk']),
      pastry: z.nullable(z.string()),
    }),
  ),
});
const menu = {
  title: 'A slow Sunday',
  courses: [
    { roast: 'Sunrise', pastry: 'Cardamom bun' },
    { roast: 'Decaf Dusk', pastry: null },
  ],
};

const client = connect([
  { type: 'json', json: menu },
  { type: 'json', json: menu, chunkSize: 12 },
  { type: 'refusal', refusal: 'I cannot plan a menu around that.' },
  { type: 'function_call', name: 'order', arguments: { roast: 'Midnight', bags: 2 } },
]);
const format = zodTextFormat(Menu, 'menu');

const r = await client.responses.parse({ model, input: 'Plan a Sunday menu', text: { format } });
console.log('unary:', r.output_parsed?.courses.map((course) => course.roast).join(', '));

const stream = await client.responses.parse({
  model,
  input: 'Plan it again',
  text: { format },
  stream: true,
});
let characters = 0;
for await (const text of stream.textDeltas()) characters += text.length;
const streamed = await stream.finalResponse();
console.log(`streamed: ${streamed.output_parsed?.title} (${characters} characters of JSON)`);

const refused = await client.responses.parse({
  model,
  input: 'Plan a menu of …',
  text: { format },
});
const refusal = refused.output.flatMap((item) =>
  item.type === 'message' ? item.content.filter((part) => part.type === 'refusal') : [],
);
console.log('refused:', refused.output_parsed, `(${refusal[0]?.refusal})`);

const order = zodFunction({
  name: 'order',
  description: 'Order bags of a roast',
  parameters: z.object({ roast: z.string(), bags: z.number() }),
});
const ordered = await client.responses.parse({
  model,
  input: 'Two bags of Midnight',
  tools: [order],
});
for (const item of ordered.output)
  if (item.type === 'function_call')
    console.log('call:', item.name, item.parsed_arguments.bags, 'bags');
