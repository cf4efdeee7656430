/** What the kawai dialect's test files share: a fake Kawai, a client of it, its reference's examples. */
import { type ResponseStreamEvent, ResponsesClient } from '../../src/index.js';
import { createFakeServer, type Turn, type TurnFunction } from '../../src/testing/index.js';
import { REPLY } from '../helpers/fake.js';

/**
 * A fake Kawai at its documented base URL, playing `turns` (the reply, every time, by default);
 * it requires `apiKey` when given one, as Kawai does once authentication is on.
 */
export const kawai = (turns: Turn[] | TurnFunction = () => REPLY, apiKey?: string) =>
  createFakeServer({ dialect: 'kawai', baseURL: 'https://api.getkawai.com/v1', turns, apiKey });
export const model = 'qwen3-8b-q8_0';
export const hello = { model, input: [{ role: 'user' as const, content: 'Hello, how are you?' }] };
export const weatherParameters = {
  type: 'object',
  properties: { location: { type: 'string', description: 'City name' } },
  required: ['location'],
};
/** The seed's tool, written the canonical (flat) way. */
export const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Get the current weather for a location',
  parameters: weatherParameters,
};
export const weather = {
  model,
  input: [{ role: 'user' as const, content: 'What is the weather in London?' }],
  tools: [weatherTool],
};
export const call = {
  name: 'get_weather',
  arguments: '{"location":"London"}',
  callId: 'call_xyz789',
};

/** A client of the fake server; `null` for no API key. */
export const clientOf = (
  server: { baseURL: string; fetch: typeof fetch },
  apiKey: string | null = 'kawai-key',
) =>
  new ResponsesClient({
    dialect: 'kawai',
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
    apiKey: apiKey ?? undefined,
  });

/** What a UI renders: the text deltas, appended. */
export async function render(stream: AsyncIterable<ResponseStreamEvent>): Promise<string> {
  let text = '';
  for await (const e of stream) if (e.type === 'response.output_text.delta') text += e.delta;
  return text;
}
