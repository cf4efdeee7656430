import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ResponsesClient } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

describe('handlersFor (responses-client/testing/msw)', () => {
  it('answers a client that uses its default fetch, under the server’s base URL', async () => {
    const server = createFakeServer({ baseURL: 'https://api.openai.com/v1', turns: ['Hello!'] });
    msw.use(...handlersFor(server));
    const client = new ResponsesClient({ apiKey: 'sk-test', maxRetries: 0 });
    const response = await client.responses.create({ model: 'gpt-5', input: 'Hi' });
    expect(response.output_text).toBe('Hello!');
    expect(server.requests[0]).toMatchObject({
      url: 'https://api.openai.com/v1/responses',
      endpoint: 'create',
      headers: { authorization: 'Bearer sk-test' },
      body: { model: 'gpt-5', input: 'Hi' },
    });
  });

  it('streams as the fake server streams, event by event', async () => {
    const server = createFakeServer({ turns: [{ text: 'One two three', delayMs: 5 }] });
    msw.use(...handlersFor(server));
    const client = new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    const deltas: string[] = [];
    for await (const delta of stream.textDeltas()) deltas.push(delta);
    expect(deltas).toEqual(['One ', 'two ', 'three']);
    expect((await stream.finalResponse()).status).toBe('completed');
  });

  it('answers under another base URL, in the wire format of the server’s dialect', async () => {
    const server = createFakeServer({ dialect: 'karta', turns: ['Sunrise.'] });
    msw.use(...handlersFor(server, { baseURL: 'https://llm.example.com/api/v1' }));
    const client = new ResponsesClient({
      dialect: 'karta',
      project: 'my app',
      baseURL: 'https://llm.example.com/api/v1',
      maxRetries: 0,
    });
    expect((await client.responses.create({ input: 'Roasts?' })).output_text).toBe('Sunrise.');
    expect(server.requests[0]?.path).toEqual(['projects', 'my app', 'responses']);
  });

  it('passes errors through: a path the server does not have is its 404', async () => {
    const server = createFakeServer({ baseURL: 'https://api.openai.com/v1' });
    msw.use(...handlersFor(server));
    const client = new ResponsesClient({ apiKey: 'sk-test', maxRetries: 0 });
    await expect(client.responses.retrieve('resp_none')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests.map((request) => request.status)).toEqual([404]);
  });

  it('leaves other hosts to the app’s own handlers', async () => {
    const server = createFakeServer({ baseURL: 'https://api.openai.com/v1' });
    msw.use(
      ...handlersFor(server),
      http.get('https://weather.example/oslo', () => Response.json({ temperature: -3 })),
    );
    const weather = await fetch('https://weather.example/oslo').then((answer) => answer.json());
    expect(weather).toEqual({ temperature: -3 });
    expect(server.requests).toEqual([]);
  });
});
