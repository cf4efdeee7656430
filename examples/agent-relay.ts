/**
 * A whole agent turn relayed to a page: the route returns `chat.stream(input).toResponse()`,
 * which carries every step (the model's events, its tool calls starting and ending, each step's
 * end) as SSE; the page reads it with `ResponseStream.fromReadableStream` and shows the tools at
 * work as well as the text. The API key and the tools stay on the server.
 *
 *   npx tsx examples/agent-relay.ts      # the built-in fake server: no key, no network
 */
import { type ConversationEvent, ResponseStream, tool } from 'responses-client';
import { z } from 'zod/mini';
import { connect, model } from './connect.js';

const client = connect([
  { type: 'function_call', name: 'check_stock', arguments: { roast: 'Midnight' } },
  'Midnight is in stock: 14 bags. Want me to reserve one?',
]);

const check_stock = tool({
  description: 'How many bags of a roast are in stock',
  parameters: z.object({ roast: z.string() }),
  execute: async ({ roast }) => ({ roast, bags: 14 }),
});
const chat = client.conversation({ model, tools: { check_stock } });

/** The web route handler: `POST /api/agent` with `{ "input": "…" }`. */
export async function POST(request: Request): Promise<Response> {
  const { input } = (await request.json()) as { input: string };
  return chat.stream(input, { signal: request.signal }).toResponse();
}

/** The page's side: the text as it comes, and a line for each tool call. */
async function show(response: Response) {
  // Named, the loop's own events (`tool_call.*`, `step.completed`) are typed among the model's.
  const stream = ResponseStream.fromReadableStream<ConversationEvent>(response.body!);
  for await (const event of stream) {
    if (event.type === 'tool_call.started') console.log(`[${event.name} running…]`);
    if (event.type === 'tool_call.completed') console.log(`[${event.name} → ${event.output}]`);
    if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
  }
  console.log(`\n[${(await stream.finalResponse()).id}]`);
}

console.log('> Do you have Midnight?');
const request = new Request('http://localhost/api/agent', {
  method: 'POST',
  body: JSON.stringify({ input: 'Do you have Midnight?' }),
});
await show(await POST(request));
