import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { drain, setUp } from './setup.js';

const model = 'fake-model';

describe('createFakeServer: stored responses (OpenAI)', () => {
  it('retrieves and deletes the responses it created; a deleted one is not found', async () => {
    const { server, client } = setUp('openai', { turns: ['Stored.'] });
    const { id } = await client.responses.create({ model, input: 'hi' });
    expect((await client.responses.retrieve(id)).output_text).toBe('Stored.');
    expect(server.storedResponse(id)?.status).toBe('completed');
    expect(await client.responses.delete(id)).toMatchObject({ id, deleted: true });
    await expect(client.responses.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.storedResponse(id)).toBeUndefined();
  });

  it('keeps nothing of a response created with store: false', async () => {
    const { server, client } = setUp('openai', { turns: ['Not kept.'] });
    const { id } = await client.responses.create({ model, input: 'hi', store: false });
    await expect(client.responses.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.storedResponse(id)).toBeUndefined();
  });

  it('queues a background response until it is retrieved, and cancels it while queued', async () => {
    const { client } = setUp('openai', { turns: ['Done in the background.', 'Never seen.'] });
    const first = await client.responses.create({ model, input: 'hi', background: true });
    expect(first.status).toBe('queued');
    expect(first.output).toEqual([]);
    const later = await client.responses.retrieve(first.id);
    expect(later.status).toBe('completed');
    expect(later.output_text).toBe('Done in the background.');
    const second = await client.responses.create({ model, input: 'hi', background: true });
    expect((await client.responses.cancel(second.id)).status).toBe('cancelled');
    expect((await client.responses.retrieve(second.id)).status).toBe('cancelled');
  });

  it('refuses to cancel a response that was not created in the background, as OpenAI does', async () => {
    const { client } = setUp('openai', { turns: ['Done.'] });
    const { id } = await client.responses.create({ model, input: 'hi' });
    await expect(client.responses.cancel(id)).rejects.toMatchObject({
      constructor: BadRequestError,
      message: '400 Only responses created with background=true can be cancelled.',
    });
  });

  it('lists input items newest first, page by page', async () => {
    const { client } = setUp('openai', { turns: ['ok'] });
    const input = ['one', 'two', 'three'].map((text) => ({ role: 'user' as const, content: text }));
    const { id } = await client.responses.create({ model, input });
    const texts: string[] = [];
    for await (const item of client.responses.inputItems.list(id, { limit: 2 })) {
      const content = (item as { content?: { text?: string }[] }).content;
      texts.push(content?.[0]?.text ?? '?');
    }
    expect(texts).toEqual(['three', 'two', 'one']);
  });

  it('refuses a limit outside 1 to 100, an unknown order and an after it does not list', async () => {
    const server = createFakeServer({ turns: ['ok'] });
    const created = await server.fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      body: JSON.stringify({ model, input: 'hi' }),
    });
    const { id } = (await created.json()) as { id: string };
    const refused = [];
    for (const query of ['limit=0', 'limit=101', 'order=sideways', 'after=msg_nowhere']) {
      const answer = await server.fetch(`${server.baseURL}/responses/${id}/input_items?${query}`);
      refused.push([
        answer.status,
        ((await answer.json()) as { error: { param: string } }).error.param,
      ]);
    }
    expect(refused).toEqual([
      [400, 'limit'],
      [400, 'limit'],
      [400, 'order'],
      [400, 'after'],
    ]);
  });

  it('replays a stored stream after a sequence number, so a dropped background stream resumes', async () => {
    const { server, client } = setUp(
      'openai',
      { turns: [{ type: 'drop', after: 6, reply: 'a b c d' }] },
      { maxRetries: 2 },
    );
    const stream = await client.responses.create(
      { model, input: 'hi', background: true, stream: true },
      { autoResume: true },
    );
    const { deltas, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(deltas).toEqual(['a ', 'b ', 'c ', 'd']);
    expect(server.requests.map((request) => request.endpoint)).toEqual(['create', 'retrieve']);
    expect(server.requests[1]?.url).toContain('starting_after=5');
  });
});

describe('createFakeServer: conversation state', () => {
  it('continues from previous_response_id with every item of the chain (OpenAI)', async () => {
    const { server, client } = setUp('openai', { turns: ['Hello!', 'You said hi.'] });
    const first = await client.responses.create({ model, input: 'hi' });
    await client.responses.create({
      model,
      input: 'What did I say?',
      previous_response_id: first.id,
    });
    expect(server.requests[1]?.body?.previous_response_id).toBe(first.id);
    expect(server.requests[1]?.context).toMatchObject([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello!' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What did I say?' }] },
    ]);
  });

  it('answers an unknown previous_response_id 400 previous_response_not_found, as OpenAI does', async () => {
    const { server, client } = setUp('openai', { turns: ['never played'] });
    const failure = await client.responses
      .create({ model, input: 'hi', previous_response_id: 'resp_nope' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect(failure).toMatchObject({
      param: 'previous_response_id',
      code: 'previous_response_not_found',
      message: "400 Previous response with id 'resp_nope' not found.",
    });
    expect(server.remainingTurns).toBe(1);
  });

  it('takes a function call output that answers a call of the chain, and refuses an orphan one', async () => {
    const { client } = setUp('openai', {
      turns: [{ type: 'function_call', name: 'get_time', callId: 'call_1' }, 'It is noon.'],
    });
    const first = await client.responses.create({ model, input: 'Time?' });
    const output = { type: 'function_call_output' as const, call_id: 'call_1', output: '12:00' };
    await expect(client.responses.create({ model, input: [output] })).rejects.toMatchObject({
      constructor: BadRequestError,
      message: '400 No tool call found for function call output with call_id call_1.',
    });
    const second = await client.responses.create({
      model,
      input: [output],
      previous_response_id: first.id,
    });
    expect(second.output_text).toBe('It is noon.');
  });

  it('continues a Karta session by previous_response_id; an unknown one is 404', async () => {
    const { server, client } = setUp('karta', {
      turns: ['Sunrise and Midnight.', 'Sunrise is light.'],
    });
    const first = await client.responses.create({ input: 'What roasts do you have?' });
    await client.responses.create({ input: 'Which is light?', previous_response_id: first.id });
    expect(server.requests[1]?.path).toEqual(['projects', 'my-app', 'responses']);
    expect(server.requests[1]?.context.map((item) => item.type)).toEqual([
      'message',
      'message',
      'message',
    ]);
    await expect(
      client.responses.create({ input: 'hi', previous_response_id: 'resp_gone' }),
    ).rejects.toMatchObject({ constructor: NotFoundError, param: 'previous_response_id' });
  });

  it('keeps the items of each gateway conversation by its id', async () => {
    const { server, client } = setUp('gateway', { turns: ['Hi!', 'Still here.', 'New chat.'] });
    await client.responses.create({ model, input: 'hello', conversation: 'conv_1' });
    await client.responses.create({ model, input: 'still there?', conversation: 'conv_1' });
    await client.responses.create({ model, input: 'hello', conversation: 'conv_2' });
    expect(server.requests[1]?.context).toHaveLength(3);
    expect(server.requests[2]?.context).toHaveLength(1);
    expect(server.conversationItems('conv_1').map((item) => item.type)).toEqual([
      'message',
      'message',
      'message',
      'message',
    ]);
    expect(server.conversationItems('conv_1')[3]).toMatchObject({
      role: 'assistant',
      content: [{ text: 'Still here.' }],
    });
  });

  it.each([
    ['gateway', 400, 'previous_response_id is not supported. Use conversation instead.'],
    ['openrouter', 400, 'previous_response_id is not supported'],
  ] as const)(
    'answers previous_response_id on %s as its documentation says',
    async (dialect, status, message) => {
      // The client refuses the field before sending for these dialects, so the request is raw.
      const server = createFakeServer({ dialect, turns: ['never played'] });
      const answer = await server.fetch(`${server.baseURL}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model,
          input: [{ role: 'user', content: 'hi' }],
          previous_response_id: 'resp_1',
        }),
      });
      expect(answer.status).toBe(status);
      expect(JSON.stringify(await answer.json())).toContain(message);
      expect(server.remainingTurns).toBe(1);
    },
  );

  it('ignores previous_response_id on Kawai, which keeps no state', async () => {
    // A Kawai client refuses the field before sending, so the second request is raw.
    const { server, client } = setUp('kawai', { turns: ['First.', 'Second.'] });
    const first = await client.responses.create({ model, input: 'hi' });
    const answer = await server.fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model,
        input: [{ role: 'user', content: 'again' }],
        previous_response_id: first.id,
      }),
    });
    expect(answer.status).toBe(200);
    expect(server.requests[1]?.context).toHaveLength(1);
  });
});
