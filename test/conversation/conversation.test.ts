import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  APIUserAbortError,
  RequestValidationError,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
import { setUp } from '../testing/setup.js';

const model = 'fake-model';
const user = (content: string) => ({ role: 'user', content });

describe('only complete turns enter the history', () => {
  it('chains the next turn onto the last completed response, not onto a stream that failed midway', async () => {
    const { server, client } = setUp('openai', {
      turns: ['A1', { type: 'stream_error', after: 4, message: 'Overloaded' }, 'A2'],
    });
    const chat = client.conversation({ model });
    await chat.send('Q1');
    const failing = chat.stream('Q2');
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const event of failing) seen.push(event.type);
    }).rejects.toBeInstanceOf(StreamError);
    // The failed turn announced its response (resp_fake_2) before it failed.
    expect(seen[0]).toBe('response.created');
    expect(chat.previousResponseId).toBe('resp_fake_1');
    expect(chat.items).toHaveLength(2);

    await chat.send('Q2 again');
    expect(server.requests[2]?.body).toMatchObject({
      input: [user('Q2 again')],
      previous_response_id: 'resp_fake_1',
    });
  });

  it('throws StreamError for a unary response that failed, and leaves it out', async () => {
    const { server, client } = setUp('openai', {
      turns: [
        'A1',
        { type: 'stream_error', after: 3, message: 'Overloaded', code: 'server_error' },
        'A2',
      ],
    });
    const chat = client.conversation({ model });
    await chat.send('Q1');
    await expect(chat.send('Q2')).rejects.toMatchObject({
      constructor: StreamError,
      message: 'Overloaded',
      code: 'server_error',
    });
    expect(chat.previousResponseId).toBe('resp_fake_1');
    await chat.send('Q2 again');
    expect(server.requests[2]?.body?.previous_response_id).toBe('resp_fake_1');
  });

  it('refuses to run a turn in the background, where it would not be complete', async () => {
    const { server, client } = setUp('openai', { turns: ['A1'] });
    const chat = client.conversation({ model, background: true });
    await expect(chat.send('Q1')).rejects.toThrow(
      'Invalid conversation: background: a conversation’s turns run in the foreground',
    );
    expect(server.requests).toEqual([]);
  });

  it('leaves out a turn whose stream was left early', async () => {
    const { client } = setUp('openai', { turns: ['One two three.'] });
    const chat = client.conversation({ model });
    const stream = chat.stream('Count');
    for await (const event of stream) if (event.type === 'response.output_text.delta') break;
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(chat.items).toEqual([]);
  });

  it('chains onto a response cut short by max_output_tokens: it is complete enough', async () => {
    const { server: sim, client } = setUp('openai', {
      turns: [{ type: 'incomplete', reason: 'max_output_tokens' }, 'A2'],
    });
    const chat = client.conversation({ model: 'gpt-5' });
    const cut = await chat.send('Tell me everything');
    expect(cut.status).toBe('incomplete');
    await chat.send('Go on');
    expect(sim.requests[1]?.body).toMatchObject({ previous_response_id: cut.id });
  });
});

describe('turns run one after another', () => {
  it('chains a turn sent before the last one ended onto it', async () => {
    const { server, client } = setUp('openai', { turns: ['A1', 'A2'] });
    const chat = client.conversation({ model });
    const [first, second] = await Promise.all([chat.send('Q1'), chat.send('Q2')]);
    expect([first.output_text, second.output_text]).toEqual(['A1', 'A2']);
    expect(server.requests[1]?.body?.previous_response_id).toBe('resp_fake_1');
  });

  it('reads a stream nobody reads to its end before the next turn', async () => {
    const { server, client } = setUp('openai', { turns: ['A1', 'A2'] });
    const chat = client.conversation({ model });
    const unread = chat.stream('Q1');
    await chat.send('Q2');
    expect((await unread.finalResponse()).output_text).toBe('A1');
    expect(server.requests[1]?.body?.previous_response_id).toBe('resp_fake_1');
    await expect(unread[Symbol.asyncIterator]().next()).rejects.toThrow(
      'This turn is already being read: a stream has one consumer.',
    );
  });
});

describe('persistence', () => {
  const tools = {
    get_weather: {
      parameters: z.object({ city: z.string() }),
      execute: ({ city }: { city: string }) => `${city}: -3°C`,
    },
  };

  it('saves to plain JSON: version, dialect, strategy, ids, params and items', async () => {
    const { client } = setUp('openai', { turns: ['A1'] });
    const chat = client.conversation({ model, instructions: 'Be brief.', temperature: 0.2, tools });
    await chat.send('Q1');
    const saved = chat.toJSON();
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    expect(saved).toEqual({
      version: 1,
      dialect: 'openai',
      strategy: 'previous_response_id',
      previousResponseId: 'resp_fake_1',
      conversation: null,
      params: { model, instructions: 'Be brief.', temperature: 0.2 },
      items: [
        user('Q1'),
        {
          type: 'message',
          id: 'msg_fake_1_0',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'A1', annotations: [], logprobs: [] }],
        },
      ],
    });
  });

  it.each(['openai', 'kawai'] as const)(
    'resumes an identical conversation in %s: its next request is the same',
    async (dialect) => {
      const turns = [
        { type: 'function_call' as const, name: 'get_weather', arguments: { city: 'Oslo' } },
        'Cold.',
        'A3',
        'A3',
      ];
      const { server, client } = setUp(dialect, { turns });
      const original = client.conversation({ model, instructions: 'Be brief.', tools });
      await original.send('Weather in Oslo?');
      const saved = JSON.stringify(original);

      const resumed = client.conversation({ resume: JSON.parse(saved), tools });
      expect(resumed.toJSON()).toEqual(original.toJSON());
      await original.send('And tomorrow?');
      await resumed.send('And tomorrow?');

      const [fromOriginal, fromResumed] = server.requests.slice(-2).map((request) => request.body);
      expect(fromResumed).toEqual(fromOriginal);
      expect(fromResumed?.input).toHaveLength(dialect === 'openai' ? 1 : 5);
    },
  );

  it('refuses a saved conversation of another version or dialect', () => {
    const { client } = setUp('openai');
    const saved = client.conversation({ model }).toJSON();
    const other = new ResponsesClient({ dialect: 'kawai' });
    expect(() => other.conversation({ resume: saved })).toThrow(RequestValidationError);
    expect(() =>
      client.conversation({ resume: { ...saved, version: 2 } as unknown as typeof saved }),
    ).toThrow(
      'Invalid conversation: resume: expected a conversation saved by toJSON() in the openai dialect (version 1)',
    );
  });
});
