import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type AnyResponsesClient, type DialectName, ResponsesClient } from '../../src/index.js';
import { createFakeServer, type FakeServer, type ScriptedTurn } from '../../src/testing/index.js';

const KEY = 'kt_live_test_key';
type AnyFakeServer = FakeServer<unknown>;
/** A fake server of `dialect` playing `turns` (the three answers by default). */
const fake = (dialect: DialectName, turns: ScriptedTurn[] = [...answers]): AnyFakeServer =>
  createFakeServer({ dialect, turns }) as AnyFakeServer;

const questions = ['What roasts do you have?', 'Which is the darkest?', 'Is it bitter?'];
const answers = ['Sunrise, Midnight and Decaf Dusk.', 'Midnight.', 'Not at all.'];
const user = (content: string) => ({ role: 'user', content });
/** An answer as a server that keeps nothing takes it back: no id. */
const replayed = (text: string) => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text, annotations: [] }],
});

/**
 * Three turns (the second streamed), each answer scripted on the fake server; returns the bodies
 * the server received.
 */
async function threeTurns(
  sim: AnyFakeServer,
  client: AnyResponsesClient,
  options: { model?: string; conversation?: string; store?: boolean },
): Promise<Record<string, unknown>[]> {
  const chat = client.conversation(options);
  for (const [index, question] of questions.entries()) {
    if (index === 1) {
      const stream = chat.stream(question);
      for await (const _ of stream);
      expect((await stream.finalResponse()).output_text).toBe(answers[index]);
    } else expect((await chat.send(question)).output_text).toBe(answers[index]);
  }
  expect(chat.items).toHaveLength(6);
  return sim.requests.map((request) => request.body as Record<string, unknown>);
}

const client = (dialect: DialectName, sim: AnyFakeServer, extra: object = {}) =>
  new ResponsesClient({
    dialect,
    apiKey: KEY,
    baseURL: sim.baseURL,
    fetch: sim.fetch,
    maxRetries: 0,
    ...extra,
  });

describe('a three-turn conversation sends the context its strategy implies', () => {
  it('sends OpenAI only the new message and the previous response id', async () => {
    const sim = fake('openai');
    const bodies = await threeTurns(sim, client('openai', sim), { model: 'gpt-5' });
    // The OpenAI dialect types easy-form messages, as OpenResponses requires.
    expect(bodies.map((body) => body.input)).toEqual(
      questions.map((q) => [{ type: 'message', ...user(q) }]),
    );
    expect(bodies.map((body) => body.previous_response_id)).toEqual([
      undefined,
      'resp_fake_1',
      'resp_fake_2',
    ]);
    expect(bodies[1]?.stream).toBe(true);
  });

  it('sends Karta only the new message and the previous response id (its session)', async () => {
    const sim = fake('karta');
    const bodies = await threeTurns(sim, client('karta', sim, { project: 'my-app' }), {});
    expect(bodies).toEqual([
      { input: [user(questions[0] ?? '')] },
      { input: [user(questions[1] ?? '')], previous_response_id: 'resp_fake_1', stream: true },
      { input: [user(questions[2] ?? '')], previous_response_id: 'resp_fake_2' },
    ]);
  });

  it.each([
    ['kawai', 'qwen3-8b-q8_0'],
    ['openrouter', 'openai/gpt-5'],
  ] as const)('replays the whole history to %s, which keeps nothing', async (dialect, model) => {
    const sim = fake(dialect);
    const bodies = await threeTurns(sim, client(dialect, sim), { model });
    const [q1 = '', q2 = '', q3 = ''] = questions;
    const [a1 = '', a2 = ''] = answers;
    expect(bodies.map((body) => body.input)).toEqual([
      [user(q1)],
      [user(q1), replayed(a1), user(q2)],
      [user(q1), replayed(a1), user(q2), replayed(a2), user(q3)],
    ]);
    expect(bodies.every((body) => body.previous_response_id === undefined)).toBe(true);
  });

  it('replays the whole history to the gateway when no conversation id is given', async () => {
    const sim = fake('gateway');
    const bodies = await threeTurns(sim, client('gateway', sim), { model: 'gpt-4.1' });
    expect(bodies[2]?.input).toEqual([
      user(questions[0] ?? ''),
      replayed(answers[0] ?? ''),
      user(questions[1] ?? ''),
      replayed(answers[1] ?? ''),
      user(questions[2] ?? ''),
    ]);
    expect(bodies.every((body) => body.conversation === undefined)).toBe(true);
  });

  it('sends the gateway only the new message and the conversation id it is given', async () => {
    const sim = fake('gateway');
    const bodies = await threeTurns(sim, client('gateway', sim), {
      model: 'gpt-4.1',
      conversation: 'conv_coffee',
    });
    expect(bodies.map((body) => body.input)).toEqual(questions.map((q) => [user(q)]));
    expect(bodies.map((body) => body.conversation)).toEqual(Array(3).fill('conv_coffee'));
    expect(bodies.every((body) => body.previous_response_id === undefined)).toBe(true);
  });

  it('replays to OpenAI when responses are not stored (store: false)', async () => {
    const sim = fake('openai');
    const bodies = await threeTurns(sim, client('openai', sim), { model: 'gpt-5', store: false });
    expect(bodies.map((body) => (body.input as unknown[]).length)).toEqual([1, 3, 5]);
    // OpenAI's text parts carry `logprobs`, replayed as they came.
    const [part] = replayed(answers[1] ?? '').content;
    expect(bodies[2]?.input).toContainEqual({
      ...replayed(answers[1] ?? ''),
      content: [{ ...part, logprobs: [] }],
    });
    expect(bodies.every((body) => body.store === false && !body.previous_response_id)).toBe(true);
  });
});

describe('a tool round against each server that takes tools', () => {
  const call = { name: 'get_weather', arguments: '{"city":"Oslo"}', callId: 'call_1' };
  const output = { type: 'function_call_output', call_id: 'call_1', output: 'Oslo: -3°C' };
  const replayedCall = {
    type: 'function_call',
    call_id: 'call_1',
    name: 'get_weather',
    arguments: '{"city":"Oslo"}',
    status: 'completed',
  };

  it.each([
    ['openai', 'gpt-5'],
    ['openrouter', 'openai/gpt-5'],
    ['kawai', 'qwen3-8b-q8_0'],
    ['gateway', 'gpt-4.1'],
  ] as const)('sends %s the output of the call as its strategy says', async (dialect, model) => {
    const sim = fake(dialect, [{ type: 'function_call', ...call }, 'Wear a coat.']);
    const chat = client(dialect, sim).conversation({
      model,
      tools: {
        get_weather: {
          parameters: z.object({ city: z.string() }),
          execute: ({ city }) => `${city}: -3°C`,
        },
      },
    });
    expect((await chat.send('Do I need a coat?')).output_text).toBe('Wear a coat.');
    const second = sim.requests[1]?.body as Record<string, unknown>;
    if (dialect === 'openai')
      expect(second).toMatchObject({ input: [output], previous_response_id: 'resp_fake_1' });
    else expect(second.input).toEqual([user('Do I need a coat?'), replayedCall, output]);
    expect(sim.requests.map((request) => request.status)).toEqual([200, 200]);
  });
});

describe('the fake server, in each dialect, sees the whole conversation every turn', () => {
  it.each(['openai', 'openrouter', 'karta', 'kawai', 'gateway'] as const)(
    'gives the model the whole history in %s',
    async (dialect) => {
      const server = createFakeServer({ dialect, turns: [...answers] });
      const chat = new ResponsesClient({
        dialect,
        fetch: server.fetch,
        baseURL: server.baseURL,
        project: 'my-app',
        apiKey: KEY,
      }).conversation({ model: 'fake-model' });
      for (const [index, question] of questions.entries()) {
        if (index === 1) await chat.stream(question).finalResponse();
        else await chat.send(question);
      }
      // What the model saw on the third turn: the server's history, then what was sent.
      const seen = server.requests[2]?.context.map((item) =>
        item.type === 'message' || !('type' in item) ? textOf(item) : item.type,
      );
      expect(seen).toEqual([questions[0], answers[0], questions[1], answers[1], questions[2]]);
      const sent = server.requests.map(
        (request) => (request.body?.input as unknown[] | undefined)?.length,
      );
      const keeps = dialect === 'openai' || dialect === 'karta';
      expect(sent).toEqual(keeps ? [1, 1, 1] : [1, 3, 5]);
    },
  );
});

/** The text of a message item in the server's context. */
function textOf(item: object): string {
  const { content } = item as { content: string | { text?: string }[] };
  return typeof content === 'string' ? content : content.map((part) => part.text ?? '').join('');
}
