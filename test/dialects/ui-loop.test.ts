import { describe, expect, it } from 'vitest';
import { type ClientOptions, type DialectName, ResponsesClient } from '../../src/index.js';
import { GATEWAY_MODELS, gatewayServer } from '../servers/gateway.js';
import { KEY, useSimulations } from '../servers/harness.js';
import { kartaServer } from '../servers/karta.js';
import { kawaiServer } from '../servers/kawai.js';
import { openAIServer } from '../servers/openai.js';
import { openRouterServer } from '../servers/openrouter.js';
import type { Scenario, SimulatedServer } from '../servers/shared.js';

const serve = useSimulations();
const reply =
  'We roast Sunrise (light, Ethiopian), Midnight (dark) and Decaf Dusk. ☕ Ask me more!';
const chunks = [
  'We roast ',
  'Sunrise (light, ',
  'Ethiopian), ',
  'Midnight ',
  '(dark) and ',
  'Decaf Dusk. ☕',
  ' Ask me more!',
];

/** Each server, its simulation, and what its client needs besides the dialect. */
const servers: [
  DialectName,
  (scenario: Scenario) => SimulatedServer,
  Partial<ClientOptions>,
  string,
][] = [
  ['openai', openAIServer, {}, 'gpt-5'],
  ['openrouter', openRouterServer, {}, 'openai/gpt-5'],
  ['karta', kartaServer, { project: 'my-app' }, 'default'],
  ['kawai', kawaiServer, {}, 'qwen3-8b-q8_0'],
  ['gateway', gatewayServer, {}, GATEWAY_MODELS[0] ?? 'gpt-4.1'],
];

/** The loop an app's UI runs, the same whatever the server. */
async function render(
  client: ResponsesClient<DialectName>,
  model: string,
): Promise<{ text: string; types: string[] }> {
  const stream = await client.responses.create({
    model,
    input: 'What roasts do you have?',
    stream: true,
  });
  let text = '';
  const types: string[] = [];
  for await (const event of stream) {
    types.push(String(event.type));
    if (event.type === 'response.output_text.delta') text += event.delta;
  }
  return { text, types };
}

describe('the same UI loop against every server', () => {
  it.each(servers)('renders the reply from %s', async (dialect, simulate, options, model) => {
    const sim = serve(simulate({ reply, chunks }));
    const client = new ResponsesClient({
      dialect,
      apiKey: KEY,
      baseURL: sim.baseURL,
      maxRetries: 0,
      ...options,
    });
    const { text, types } = await render(client, model);
    expect(text).toBe(reply);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(types).toContain('response.output_item.added');
    expect(types).toContain('response.output_item.done');
    expect(sim.received).toHaveLength(1);
  });

  it('renders identical text from all five', async () => {
    const texts = new Set<string>();
    for (const [dialect, simulate, options, model] of servers) {
      const sim = serve(simulate({ reply, chunks }));
      const client = new ResponsesClient({
        dialect,
        apiKey: KEY,
        baseURL: sim.baseURL,
        maxRetries: 0,
        ...options,
      });
      texts.add((await render(client, model)).text);
      const final = await (
        await client.responses.create({ model, input: 'again', stream: true })
      ).finalResponse();
      texts.add(final.output_text);
    }
    expect([...texts]).toEqual([reply]);
  });
});
