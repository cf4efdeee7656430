import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineDialect, InternalServerError, ResponsesClient } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';
import { REPLY } from '../helpers/fake.js';
import { useMswServer } from '../helpers/msw.js';
import { setUp } from '../testing/setup.js';

const msw = useMswServer();
const KEY = 'kt_live_test_key';
const KARTA_BASE_URL = 'https://api.karta.sh/v1';
const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';
/** A fake server of `dialect` at its real base URL, answering `reply` every time, served by msw. */
const serve = (dialect: 'karta' | 'openrouter', baseURL: string, reply: string) => {
  const server = createFakeServer({ dialect, baseURL, turns: () => reply });
  msw.use(...handlersFor(server));
  return server;
};
const model = 'fake-model';
const user = (content: string) => ({ role: 'user', content });
/** A user message as the OpenAI dialect sends it: typed, as OpenResponses requires. */
const typed = (content: string) => ({ type: 'message', ...user(content) });
const answer = (text: string) => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
});

describe('falling back to replay when a server refuses previous_response_id', () => {
  it('replays the same turn once after one rejection, losing and repeating nothing, then keeps replaying', async () => {
    const { server, client } = setUp('openai', { turns: ['A1', 'A2', 'A3', 'A4'] });
    const chat = client.conversation({ model });
    await chat.send('Q1');
    await chat.send('Q2');
    // The server forgets the chain (deleted, or past its retention).
    await client.responses.delete('resp_fake_2');

    const third = await chat.send('Q3');

    expect(third.output_text).toBe('A3');
    const creates = server.requests.filter((request) => request.endpoint === 'create');
    const [, , rejected, replay] = creates;
    expect(rejected?.body).toMatchObject({
      input: [user('Q3')],
      previous_response_id: 'resp_fake_2',
    });
    // One rejection, then the same turn as replay: everything said, once each, in order.
    expect(replay?.body?.input).toEqual([
      typed('Q1'),
      answer('A1'),
      typed('Q2'),
      answer('A2'),
      typed('Q3'),
    ]);
    expect(replay?.body).not.toHaveProperty('previous_response_id');
    expect(chat.strategy).toBe('replay');
    expect(chat.items.map((item) => ('content' in item ? item.content : item.type))).toEqual([
      'Q1',
      answer('A1').content,
      'Q2',
      answer('A2').content,
      'Q3',
      answer('A3').content,
    ]);

    await chat.send('Q4');
    const fourth = server.requests.at(-1)?.body;
    expect(fourth).not.toHaveProperty('previous_response_id');
    expect(fourth?.input).toHaveLength(7);
    // Five creates for four turns: the one rejection, and nothing else twice.
    expect(server.requests.filter((request) => request.endpoint === 'create')).toHaveLength(5);
  });

  it('falls back in the middle of a tool loop, replaying the call and its output', async () => {
    const { server, client } = setUp('openai', {
      turns: [
        { type: 'function_call', name: 'roast_of_the_day', callId: 'call_1' },
        {
          type: 'error',
          status: 400,
          message: "Previous response with id 'resp_fake_1' not found.",
          param: 'previous_response_id',
          code: 'previous_response_not_found',
        },
        'Midnight, today.',
      ],
    });
    const chat = client.conversation({
      model,
      tools: { roast_of_the_day: { parameters: z.object({}), execute: () => 'Midnight' } },
    });

    expect((await chat.send('What is the roast of the day?')).output_text).toBe('Midnight, today.');

    const [, rejected, replay] = server.requests;
    const output = { type: 'function_call_output', call_id: 'call_1', output: 'Midnight' };
    expect(rejected?.body).toMatchObject({ input: [output], previous_response_id: 'resp_fake_1' });
    expect(replay?.body?.input).toEqual([
      typed('What is the roast of the day?'),
      {
        type: 'function_call',
        status: 'completed',
        call_id: 'call_1',
        name: 'roast_of_the_day',
        arguments: '{}',
      },
      output,
    ]);
    expect(chat.items).toHaveLength(4);
  });

  it('replays to Karta when it no longer knows the session (404 naming previous_response_id)', async () => {
    serve('karta', KARTA_BASE_URL, REPLY);
    const chat = new ResponsesClient({
      dialect: 'karta',
      project: 'my-app',
      apiKey: KEY,
      baseURL: KARTA_BASE_URL,
      maxRetries: 0,
    }).conversation({});
    await chat.send('Q1');
    // A new server (a deploy) that knows no session of before.
    const restarted = serve('karta', KARTA_BASE_URL, 'Still here.');

    expect((await chat.send('Q2')).output_text).toBe('Still here.');

    expect(restarted.requests.map((request) => request.status)).toEqual([404, 200]);
    expect(restarted.requests.map((request) => request.body)).toEqual([
      { input: [user('Q2')], previous_response_id: 'resp_fake_1' },
      {
        input: [
          user('Q1'),
          {
            type: 'message',
            role: 'assistant',
            status: 'completed',
            content: [
              {
                type: 'output_text',
                text: "We've got Sunrise, Midnight, and Decaf Dusk. ☕",
                annotations: [],
              },
            ],
          },
          user('Q2'),
        ],
      },
    ]);
  });

  it('replays to a server that says previous_response_id is not supported (OpenRouter, as a dialect that claims it)', async () => {
    const sim = serve('openrouter', OPENROUTER_BASE_URL, 'Hello again.');
    const claims = defineDialect({ name: 'claims-state', baseURL: OPENROUTER_BASE_URL });
    const chat = new ResponsesClient({ dialect: claims, apiKey: KEY, maxRetries: 0 }).conversation({
      model: 'openai/gpt-5',
    });
    await chat.send('Q1');
    await chat.send('Q2');
    expect(sim.requests.map((request) => request.status)).toEqual([200, 400, 200]);
    expect(
      sim.requests.map((request) => (request.body as { input: unknown[] }).input.length),
    ).toEqual([1, 1, 3]);
    expect(chat.strategy).toBe('replay');
  });

  it('lets any other error through, and leaves the conversation as it was', async () => {
    const { server, client } = setUp('openai', {
      turns: ['A1', { type: 'error', status: 500, message: 'Overloaded' }, 'A2'],
    });
    const chat = client.conversation({ model });
    await chat.send('Q1');
    const before = chat.toJSON();

    await expect(chat.send('Q2')).rejects.toBeInstanceOf(InternalServerError);

    expect(chat.toJSON()).toEqual(before);
    expect(chat.strategy).toBe('previous_response_id');
    await chat.send('Q2 again');
    expect(server.requests.at(-1)?.body).toMatchObject({
      input: [user('Q2 again')],
      previous_response_id: 'resp_fake_1',
    });
  });
});
