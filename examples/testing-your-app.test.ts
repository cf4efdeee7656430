import { setupServer } from 'msw/node';
import { ResponsesClient, StreamError } from 'responses-client';
import { createFakeServer, type Turn } from 'responses-client/testing';
import { handlersFor } from 'responses-client/testing/msw';
import { expect, it } from 'vitest';
import { askWeather } from './weather-assistant.js';

function fakeOpenAI(turns: Turn[]) {
  const server = createFakeServer({ turns });
  const client = new ResponsesClient({
    fetch: server.fetch,
    baseURL: server.baseURL,
    apiKey: 'sk-test',
  });
  return { server, client };
}

it('calls get_weather, sends back its result, then streams the answer', async () => {
  const { server, client } = fakeOpenAI([
    { type: 'function_call', name: 'get_weather', arguments: { city: 'Oslo' }, callId: 'call_1' },
    'It is -3°C in Oslo: wear a coat.',
  ]);
  const shown: string[] = [];

  const answer = await askWeather(client, 'Do I need a coat in Oslo?', (text) => shown.push(text));

  expect(answer).toBe('It is -3°C in Oslo: wear a coat.');
  expect(shown.join('')).toBe(answer);
  const [first, second] = server.requests;
  expect(first?.body?.tools).toMatchObject([{ name: 'get_weather' }]);
  expect(second?.body?.previous_response_id).toBe('resp_fake_1');
  // The server keeps the chain: the model saw the question, its call, then the result.
  expect(second?.context.map((item) => item.type)).toEqual([
    'message',
    'function_call',
    'function_call_output',
  ]);
  expect(second?.body?.input).toEqual([
    {
      type: 'function_call_output',
      call_id: 'call_1',
      output: '{"city":"Oslo","temperature":"-3°C"}',
    },
  ]);
});

it('shows what arrived, then fails with StreamError when the stream breaks midway', async () => {
  const { client } = fakeOpenAI([
    {
      type: 'stream_error',
      after: 6,
      message: 'The model is overloaded',
      reply: 'Let me think about Oslo',
    },
  ]);
  const shown: string[] = [];

  const failure = askWeather(client, 'Do I need a coat in Oslo?', (text) => shown.push(text));

  await expect(failure).rejects.toThrow(StreamError);
  await expect(failure).rejects.toThrow('The model is overloaded');
  expect(shown).toEqual(['Let ', 'me ']);
});

it('answers through msw, for tests that already run it: the client keeps its own fetch', async () => {
  const server = createFakeServer({
    baseURL: 'https://api.openai.com/v1',
    turns: ['It is 12°C in Paris: no coat needed.'],
  });
  const msw = setupServer(...handlersFor(server));
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    const client = new ResponsesClient({ apiKey: 'sk-test' });

    const answer = await askWeather(client, 'Do I need a coat in Paris?', () => {});

    expect(answer).toBe('It is 12°C in Paris: no coat needed.');
    expect(server.requests[0]?.url).toBe('https://api.openai.com/v1/responses');
  } finally {
    msw.close();
  }
});
