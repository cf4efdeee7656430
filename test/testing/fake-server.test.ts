import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InternalServerError,
  NotFoundError,
  ResponsesClient,
  ResponsesError,
} from '../../src/index.js';
import { createFakeServer, splitWords } from '../../src/testing/index.js';
import { setUp } from './setup.js';

const model = 'fake-model';

describe('createFakeServer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays the scripted turns in order, and takes more through enqueue()', async () => {
    const { server, client } = setUp('openai', { turns: ['First.', 'Second.'] });
    expect((await client.responses.create({ model, input: 'hi' })).output_text).toBe('First.');
    server.enqueue('Third.');
    expect(server.remainingTurns).toBe(2);
    expect((await client.responses.create({ model, input: 'hi' })).output_text).toBe('Second.');
    expect((await client.responses.create({ model, input: 'hi' })).output_text).toBe('Third.');
    expect(server.remainingTurns).toBe(0);
  });

  it('records every request: method, path, endpoint, headers, body and context', async () => {
    const { server, client } = setUp('openai', { turns: ['ok'] });
    const { id } = await client.responses.create(
      { model, input: 'hi', instructions: 'Be brief.' },
      { headers: { 'x-trace': '1' } },
    );
    await client.responses.retrieve(id);
    const [create, retrieve] = server.requests;
    expect(create).toMatchObject({
      method: 'POST',
      path: ['responses'],
      endpoint: 'create',
      headers: { 'x-trace': '1', authorization: 'Bearer sk-test' },
      body: { model, input: 'hi', instructions: 'Be brief.' },
    });
    expect(create?.body?.instructions).toBe('Be brief.');
    expect(create?.context).toHaveLength(1);
    expect(retrieve).toMatchObject({
      method: 'GET',
      path: ['responses', id],
      endpoint: 'retrieve',
    });
    expect(retrieve?.body).toBeUndefined();
  });

  it("answers under Karta's /projects/{project_ref}/responses, whatever the project", async () => {
    const server = createFakeServer({ dialect: 'karta', turns: ['ok', 'ok'] });
    for (const project of ['my-app', 'my app/v2']) {
      const client = new ResponsesClient({
        dialect: 'karta',
        project,
        fetch: server.fetch,
        baseURL: server.baseURL,
      });
      expect((await client.responses.create({ input: 'hi' })).output_text).toBe('ok');
    }
    expect(server.requests.map((request) => request.path)).toEqual([
      ['projects', 'my-app', 'responses'],
      ['projects', 'my app/v2', 'responses'],
    ]);
  });

  it("answers 404 on a path or an id its server does not have, in that server's error body", async () => {
    const server = createFakeServer({ dialect: 'karta', turns: ['never played'] });
    const answer = await server.fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      body: '{}',
    });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: 'not_found' } });
    const { client } = setUp('openai');
    await expect(client.responses.retrieve('resp_nowhere')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a dialect it does not know with ResponsesError, as the client does', () => {
    expect(() => createFakeServer({ dialect: 'nope' as never })).toThrow(ResponsesError);
    expect(() => createFakeServer({ dialect: 'nope' as never })).toThrow(/Unknown dialect "nope"/);
  });

  it('says plainly when the script has run out, and the client does not retry it', async () => {
    const { server, client } = setUp('openai', { turns: [] }, { maxRetries: 2 });
    const failure = await client.responses.create({ model, input: 'hi' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InternalServerError);
    expect((failure as Error).message).toContain('no scripted turn left for request #0');
    expect(server.requests).toHaveLength(1);
  });

  it('answers 500, naming the turn, when a computed turn is malformed', async () => {
    const { client } = setUp('openai', { turns: [() => ({ type: 'function_call', name: '' })] });
    const failure = await client.responses.create({ model, input: 'hi' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InternalServerError);
    expect((failure as Error).message).toContain(
      'the turn computed for request #0 is not a valid turn: `name` must be a non-empty string, got "".',
    );
  });

  it('paces a slow turn: each event waits delayMs after the one before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = setUp('openai', { turns: [{ text: 'a b', delayMs: 1000 }] });
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    const events = stream[Symbol.asyncIterator]();
    expect((await events.next()).value?.type).toBe('response.created');
    let second: unknown;
    void events.next().then((result) => {
      second = result.value?.type;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toBe('response.in_progress');
    stream.abort();
  });

  it('stops a slow drip when the stream is aborted', async () => {
    const { client } = setUp('openai', { turns: [{ text: 'a b c d e f', delayMs: 20 }] });
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(String(event.type));
      if (event.type === 'response.output_text.delta') stream.abort();
    }
    expect(seen.filter((type) => type === 'response.output_text.delta')).toHaveLength(1);
  });
});

describe('createFakeServer: malformed turns', () => {
  it.each([
    [42, 'turns[1] is not a valid turn: expected a string, a turn object or a function, got 42.'],
    [{ type: 'function_calls' }, 'turns[1] is not a valid turn: unknown type "function_calls"'],
    [
      { type: 'function_call' },
      'turns[1] is not a valid turn: `name` must be a non-empty string, got undefined.',
    ],
    [
      { type: 'function_call', calls: [{ name: 'a' }, { name: 'b', arguments: 5 }] },
      'turns[1] is not a valid turn: `calls[1].arguments` must be an object or a string, got 5.',
    ],
    [
      {
        type: 'function_call',
        calls: [
          { name: 'a', callId: 'c' },
          { name: 'b', callId: 'c' },
        ],
      },
      'turns[1] is not a valid turn: two calls have the same `callId`.',
    ],
    [
      { text: 'abc', chunks: ['a', 'b'] },
      'turns[1] is not a valid turn: `chunks` join to "ab", not the reply.',
    ],
    [
      { text: 'abc', chunkSize: 0 },
      'turns[1] is not a valid turn: `chunkSize` must be a whole number from 1, got 0.',
    ],
    [
      { type: 'refusal' },
      'turns[1] is not a valid turn: `refusal` must be a string, got undefined.',
    ],
    [{ type: 'json', json: undefined }, '`json` must be a JSON value'],
    [
      { type: 'error', status: 200 },
      'turns[1] is not a valid turn: `status` must be an HTTP error status from 400 to 599, got 200.',
    ],
    [
      { type: 'stream_error', after: 2 },
      'turns[1] is not a valid turn: `message` must be a string',
    ],
    [
      { type: 'drop', after: -1 },
      'turns[1] is not a valid turn: `after` must be a whole number of events, 0 or more, got -1.',
    ],
    [
      { type: 'drop', after: 10, reply: 'a b' },
      "turns[1] is not a valid turn: `after` is 10, but its reply has 10 events in openai's stream, the last being its end: give at most 9.",
    ],
    [
      { type: 'stall', reply: { type: 'error', status: 500 } },
      'turns[1] is not a valid turn: its reply must be text, function calls, a refusal or JSON, not an error turn.',
    ],
    [{ text: 'hi', delayMs: -5 }, '`delayMs` must be a number of milliseconds, 0 or more'],
  ])('refuses %j when the server is created, naming it', (turn, message) => {
    expect(() => createFakeServer({ turns: ['fine', turn as never] })).toThrow(message);
  });

  it('refuses enqueue() when one function computes every turn', () => {
    const server = createFakeServer({ turns: () => 'computed' });
    expect(() => server.enqueue('scripted')).toThrow('computes every turn');
  });

  it('refuses a malformed turn given to enqueue(), counting on from the first ones', () => {
    const server = createFakeServer({ turns: ['one', 'two'] });
    expect(() => server.enqueue('three', { type: 'nope' } as never)).toThrow(
      /^turns\[3\] is not a valid turn/,
    );
  });
});

describe('splitWords', () => {
  it('keeps every character, each word with its trailing space', () => {
    expect(splitWords(' Hello,  world ☕ ')).toEqual([' Hello,  ', 'world ', '☕ ']);
    expect(splitWords('')).toEqual([]);
  });
});
