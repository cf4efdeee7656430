/**
 * What the examples share: a client of a real server when RESPONSES_BASE_URL says which, else
 * of the built-in fake server, scripted with the turns the example expects (no key, no network).
 *
 * Environment: RESPONSES_BASE_URL (a real server), RESPONSES_API_KEY, RESPONSES_DIALECT
 * (openai, openrouter, karta, kawai, gateway), RESPONSES_MODEL, RESPONSES_PROJECT (Karta's ref).
 */
import { type DialectName, ResponsesClient } from 'responses-client';
import { createFakeServer, type Turn } from 'responses-client/testing';

const env = process.env;

/** The model to ask for. */
export const model = env.RESPONSES_MODEL ?? 'fake-model';

/** A client of the real server, or of a fake one that answers `turns` in order. */
export function connect(turns: Turn[]): ResponsesClient<DialectName> {
  return connectAs((env.RESPONSES_DIALECT ?? 'openai') as DialectName, turns);
}

/**
 * A client of OpenAI (RESPONSES_BASE_URL), or of a fake one: for the examples of what only
 * OpenAI has, such as its Conversations API.
 */
export function connectOpenAI(turns: Turn[]): ResponsesClient<'openai'> {
  return connectAs('openai', turns);
}

function connectAs<D extends DialectName>(dialect: D, turns: Turn[]): ResponsesClient<D> {
  if (env.RESPONSES_BASE_URL) {
    return new ResponsesClient({
      baseURL: env.RESPONSES_BASE_URL,
      apiKey: env.RESPONSES_API_KEY,
      dialect,
      project: env.RESPONSES_PROJECT,
    });
  }
  const server = createFakeServer({ turns, delayMs: 5 });
  process.stderr.write('(no RESPONSES_BASE_URL: talking to the built-in fake server)\n');
  return new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL, dialect });
}
