import {
  type OpenRouterCreateParams,
  type ResponseStreamEvent,
  ResponsesClient,
} from '../../src/index.js';
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
