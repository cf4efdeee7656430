import { describe, expect, it } from 'vitest';
import { type ClientOptions, type DialectName, ResponsesClient } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';

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

/** Each server, what its client needs besides the dialect, and a model it serves. */
const servers: [DialectName, Partial<ClientOptions>, string][] = [
  ['openai', {}, 'gpt-5'],
  ['openrouter', {}, 'openai/gpt-5'],
  ['karta', { project: 'my-app' }, 'default'],
  ['kawai', {}, 'qwen3-8b-q8_0'],
  ['gateway', {}, 'gpt-4.1'],
];

/** A fake server of `dialect` that requires a key and streams the reply in its chunks, and a client of it. */
function serve(dialect: DialectName, options: Partial<ClientOptions>) {
  const server = createFakeServer({
    dialect,
    apiKey: 'sk-test',
    turns: () => ({ text: reply, chunks }),
  });
  const client = new ResponsesClient({
    dialect,
    apiKey: 'sk-test',
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
    ...options,
  });
  return { server, client };
}

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
  it.each(servers)('renders the reply from %s', async (dialect, options, model) => {
    const { server, client } = serve(dialect, options);
    const { text, types } = await render(client, model);
    expect(text).toBe(reply);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(types).toContain('response.output_item.added');
    expect(types).toContain('response.output_item.done');
    expect(server.requests).toHaveLength(1);
  });

  it('renders identical text from all five', async () => {
    const texts = new Set<string>();
    for (const [dialect, options, model] of servers) {
      const { client } = serve(dialect, options);
      texts.add((await render(client, model)).text);
      const final = await (
        await client.responses.create({ model, input: 'again', stream: true })
      ).finalResponse();
      texts.add(final.output_text);
    }
    expect([...texts]).toEqual([reply]);
  });
});
