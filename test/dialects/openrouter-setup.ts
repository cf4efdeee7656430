import { type OpenRouterCreateParams, ResponsesClient } from '../../src/index.js';
import {
  createFakeServer,
  type FakeServerOptions,
  type Turn,
  type TurnFunction,
} from '../../src/testing/index.js';
import { REPLY } from '../helpers/fake.js';

export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';
export const key = 'sk-or-v1-test';
/** A client of a fake OpenRouter (or of OpenRouter's own URL, through msw, without `fetch`). */
export const client = (server: { baseURL: string; fetch?: typeof fetch }) =>
  new ResponsesClient({
    dialect: 'openrouter',
    apiKey: key,
    baseURL: server.baseURL,
    maxRetries: 0,
    ...(server.fetch && { fetch: server.fetch }),
  });
/** OpenRouter's reference, `input`: "Example: [{"role":"user","content":"What is the weather today?"}]". */
export const weather = {
  model: 'openai/gpt-oss-20b',
  input: [{ role: 'user' as const, content: 'What is the weather today?' }],
};
/** A fake OpenRouter that requires the key, playing `turns` (the reply, every time, by default). */
export const start = (
  turns: Turn<OpenRouterCreateParams>[] | TurnFunction<OpenRouterCreateParams> = () => REPLY,
  options: FakeServerOptions<'openrouter'> = {},
) => {
  const server = createFakeServer({ dialect: 'openrouter', apiKey: key, turns, ...options });
  return { server, openrouter: client(server) };
};
