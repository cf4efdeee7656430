/**
 * Streams a short reply to stdout, piece by piece.
 *
 *   npm run demo                                   # the built-in fake server: no key, no network
 *   RESPONSES_BASE_URL=https://api.openai.com/v1 RESPONSES_API_KEY=sk-… RESPONSES_MODEL=gpt-5-mini npm run demo
 *
 * Environment: RESPONSES_BASE_URL (a real server), RESPONSES_API_KEY, RESPONSES_DIALECT
 * (openai, …), RESPONSES_MODEL, RESPONSES_PROJECT (Karta's project ref).
 */
import { type ClientOptions, type DialectName, ResponsesClient } from 'responses-client';
import { createFakeServer } from 'responses-client/testing';

const env = process.env;
const input = process.argv.slice(2).join(' ') || 'What roasts do you have?';

function clientOptions(): ClientOptions {
  if (env.RESPONSES_BASE_URL) {
    return {
      baseURL: env.RESPONSES_BASE_URL,
      apiKey: env.RESPONSES_API_KEY,
      dialect: (env.RESPONSES_DIALECT ?? 'openai') as DialectName,
      project: env.RESPONSES_PROJECT,
    };
  }
  const server = createFakeServer({
    delayMs: 40,
    turns: [
      "We've got Sunrise, a bright Ethiopian light roast; Midnight, a chocolatey dark roast; and Decaf Dusk. ☕",
    ],
  });
  process.stderr.write('(no RESPONSES_BASE_URL: talking to the built-in fake server)\n');
  return { fetch: server.fetch, baseURL: server.baseURL };
}

const client = new ResponsesClient(clientOptions());
const stream = await client.responses.create({
  model: env.RESPONSES_MODEL ?? 'fake-model',
  input,
  stream: true,
});

process.stdout.write(`> ${input}\n`);
for await (const event of stream) {
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
}
const response = await stream.finalResponse();
process.stdout.write(
  `\n\n[${response.id}: ${response.status}, ${response.output_text.length} characters]\n`,
);
