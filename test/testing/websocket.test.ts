import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  APIConnectionError,
  BadRequestError,
  defineDialect,
  RateLimitError,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
import {
  createFakeServer,
  type FakeServer,
  type FakeServerOptions,
  type Turn,
} from '../../src/testing/index.js';

const model = 'fake-model';
const clients: ResponsesClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

/** A fake server, and a WebSocket client of it that counts the HTTP requests it makes. */
function overSocket(options: FakeServerOptions = {}, client: { apiKey?: string } = {}) {
  const server = createFakeServer(options);
  const http = { requests: 0 };
  const made = new ResponsesClient({
    baseURL: server.baseURL,
    apiKey: client.apiKey ?? 'sk-test',
    fetch: (input, init) => {
      http.requests += 1;
      return server.fetch(input, init);
    },
    transport: 'websocket',
    WebSocket: server.WebSocket,
    maxRetries: 0,
  });
  clients.push(made);
  return { server, client: made, http };
}

const tools = {
  get_weather: {
    parameters: z.object({ city: z.string() }),
    execute: ({ city }: { city: string }) => ({ city, temperature: '-3°C' }),
  },
};

/** Two rounds of calls to get_weather, then text: the turns of one conversation turn. */
const twoRounds = (n: number): Turn[] => [
  { type: 'function_call', name: 'get_weather', arguments: { city: 'Oslo' }, callId: `c${n}a` },
  { type: 'function_call', name: 'get_weather', arguments: { city: 'Rome' }, callId: `c${n}b` },
  `Turn ${n} done.`,
];

describe('createFakeServer over WebSocket', () => {
  it('streams a scripted turn over server.WebSocket, recorded as a websocket request', async () => {
    const { server, client, http } = overSocket({ turns: ['Hello over a socket.'] });
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    let text = '';
    for await (const event of stream)
      if (event.type === 'response.output_text.delta') text += event.delta;
    expect(text).toBe('Hello over a socket.');
    expect(server.connections).toBe(1);
    expect(http.requests).toBe(0);
    const [request] = server.requests;
    expect(request?.transport).toBe('websocket');
    expect(request?.endpoint).toBe('create');
    expect(request?.url).toBe('wss://fake.responses.test/v1/responses');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toEqual({ model, input: 'hi' });
    expect(request?.status).toBe(200);
  });

  it('runs a 3-turn conversation with a 2-round tool loop on one connection and no HTTP request', async () => {
    const { server, client, http } = overSocket({
      turns: [...twoRounds(1), ...twoRounds(2), ...twoRounds(3)],
    });
    const chat = client.conversation({ model, tools, store: false });
    for (const n of [1, 2, 3])
      expect((await chat.send(`turn ${n}`)).output_text).toBe(`Turn ${n} done.`);
    expect(server.connections).toBe(1);
    expect(http.requests).toBe(0);
    expect(server.requests).toHaveLength(9);
    expect(server.requests.every((request) => request.transport === 'websocket')).toBe(true);
    // store: false, and every request after the first chains by id: the socket's own cache.
    expect(
      server.requests.slice(1).every((r) => typeof r.body?.previous_response_id === 'string'),
    ).toBe(true);
    expect(chat.strategy).not.toBe('replay');
    // The last request's context is the whole conversation: 3 user messages, 6 calls and outputs, 2 answers.
    expect(server.requests.at(-1)?.context).toHaveLength(3 + 6 * 2 + 2);
  });

  it('answers unary creates over the socket too, one after another on one connection', async () => {
    const { server, client } = overSocket({ turns: ['One.', 'Two.'] });
    expect((await client.responses.create({ model, input: 'a' })).output_text).toBe('One.');
    expect((await client.responses.create({ model, input: 'b' })).output_text).toBe('Two.');
    expect(server.connections).toBe(1);
  });

  it('sends an error turn as the error message: the typed error of its status', async () => {
    const { client } = overSocket({
      turns: [
        { type: 'error', status: 400, message: 'Bad model', code: 'model_not_found' },
        { type: 'error', status: 429, message: 'Slow down', headers: { 'retry-after': '0' } },
      ],
    });
    const bad = await client.responses
      .create({ model, input: 'hi' })
      .catch((error: unknown) => error as BadRequestError);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad.code).toBe('model_not_found');
    const limited = await client.responses.create({ model, input: 'hi' }).catch((error) => error);
    expect(limited).toBeInstanceOf(RateLimitError);
  });

  it('drops the socket on a drop turn: a StreamError midway, and the next request opens another', async () => {
    const { server, client } = overSocket({
      turns: [{ type: 'drop', after: 2, reply: 'A reply cut short.' }, 'Fine again.'],
    });
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    const failure = await (async () => {
      for await (const _ of stream);
    })().catch((error) => error);
    expect(failure).toBeInstanceOf(StreamError);
    expect((await client.responses.create({ model, input: 'again' })).output_text).toBe(
      'Fine again.',
    );
    expect(server.connections).toBe(2);
  });

  it('replays the history when the socket that knew the last response was dropped', async () => {
    const { server } = overSocket({
      turns: ['First answer.', { type: 'drop', after: 0 }, 'Second answer.'],
    });
    const retrying = new ResponsesClient({
      baseURL: server.baseURL,
      transport: 'websocket',
      WebSocket: server.WebSocket,
      maxRetries: 1,
    });
    clients.push(retrying);
    const chat = retrying.conversation({ model, store: false });
    await chat.send('one');
    // The second turn's socket drops before any event: the request goes again on a new socket,
    // which does not know the first response (previous_response_not_found): the turn replays.
    expect((await chat.send('two')).output_text).toBe('Second answer.');
    expect(server.connections).toBe(2);
    const last = server.requests.at(-1);
    expect(last?.body?.previous_response_id).toBeUndefined();
    expect(last?.context.map((item) => ('role' in item ? item.role : item.type))).toEqual([
      'user',
      'assistant',
      'user',
    ]);
  });

  it('chains by id again after one replayed request: a reconnect costs one replay, not every turn', async () => {
    const server = createFakeServer({
      turns: ['A.', { type: 'drop', after: 0 }, 'B.', 'C.', 'D.'],
    });
    const client = new ResponsesClient({
      baseURL: server.baseURL,
      transport: 'websocket',
      WebSocket: server.WebSocket,
      maxRetries: 1,
    });
    clients.push(client);
    const chat = client.conversation({ model, store: false });
    for (const input of ['one', 'two', 'three', 'four']) await chat.send(input);
    const sent = server.requests.map((request) => [
      request.body?.previous_response_id ?? null,
      request.status,
    ]);
    expect(sent).toEqual([
      [null, 200],
      ['resp_fake_1', 200], // dropped before any event: sent again on a new socket…
      ['resp_fake_1', 400], // …which no longer knows it: previous_response_not_found
      [null, 200], // the turn replayed, once
      ['resp_fake_3', 200], // and the next turns chain again
      ['resp_fake_4', 200],
    ]);
    expect(chat.strategy).toBe('previous_response_id');
    expect(server.connections).toBe(2);
  });

  it('keeps the connection after a stream is left midway: its events dropped, the next answered', async () => {
    const server = createFakeServer({
      turns: [{ text: 'one two three four five six', chunkSize: 4, delayMs: 2 }, 'Next.'],
    });
    const client = new ResponsesClient({
      baseURL: server.baseURL,
      transport: 'websocket',
      WebSocket: server.WebSocket,
      maxSockets: 1,
    });
    clients.push(client);
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') break;
    expect((await client.responses.create({ model, input: 'next' })).output_text).toBe('Next.');
    expect(server.connections).toBe(1);
  });

  it('refuses an upgrade without the key it requires, and takes one with it', async () => {
    const wrong = overSocket({ apiKey: 'sk-right', turns: ['ok'] }, { apiKey: 'sk-wrong' });
    const error = await wrong.client.responses
      .create({ model, input: 'hi' })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('401');
    expect(error.message).not.toContain('sk-wrong');
    expect(wrong.server.connections).toBe(0);
    const right = overSocket({ apiKey: 'sk-right', turns: ['ok'] }, { apiKey: 'sk-right' });
    expect((await right.client.responses.create({ model, input: 'hi' })).output_text).toBe('ok');
  });

  it('serves a client of a dialect of its own that says webSocket: true', async () => {
    const server = createFakeServer({ turns: ['Mine, over a socket.'] });
    const mine = defineDialect({ name: 'mine', baseURL: server.baseURL, webSocket: true });
    const client = new ResponsesClient({
      dialect: mine,
      transport: 'websocket',
      WebSocket: server.WebSocket,
      fetch: () => Promise.reject(new Error('no HTTP expected')),
    });
    clients.push(client);
    expect((await client.responses.create({ model, input: 'hi' })).output_text).toBe(
      'Mine, over a socket.',
    );
    expect(server.connections).toBe(1);
  });

  it('refuses the upgrade where its dialect has no WebSocket mode, or it replays a cassette', async () => {
    const closes: { code: number; reason: string }[] = [];
    const servers: FakeServer<unknown>[] = [
      createFakeServer({ dialect: 'kawai' }),
      createFakeServer({ cassette: { version: 1, exchanges: [] } as never }),
    ];
    for (const server of servers) {
      const socket = new server.WebSocket(`${server.baseURL.replace('https', 'wss')}/responses`);
      await new Promise<void>((done) =>
        socket.addEventListener('close', (event) => {
          closes.push(event as unknown as { code: number; reason: string });
          done();
        }),
      );
      expect(socket.readyState).toBe(3);
      expect(server.connections).toBe(0);
    }
    expect(closes.map((close) => close.code)).toEqual([1006, 1006]);
    expect(closes[0]?.reason).toContain('no WebSocket mode');
    expect(closes[1]?.reason).toContain('cassette');
  });
});
