import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { setUp } from './setup.js';

const model = 'fake-model';

/** A raw request to a fake server, answered as its status and JSON body. */
async function raw(
  server: ReturnType<typeof createFakeServer>,
  method: string,
  path: string,
  body?: unknown,
) {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const answer = await server.fetch(`${server.baseURL}${path}`, init);
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

describe('createFakeServer: the Conversations API (OpenAI)', () => {
  it('reads a conversation’s items as the context of a turn, and adds the input and the output to them', async () => {
    const { server, client } = setUp('openai', { turns: ['Sunrise and Midnight.'] });
    const { id } = await client.conversations.create({
      items: [{ role: 'developer', content: 'Be brief.' }],
    });
    const response = await client.responses.create({
      model,
      input: 'What roasts?',
      conversation: { id },
    });
    expect(response.conversation).toEqual({ id });
    expect(server.requests[1]?.context).toMatchObject([{ role: 'developer' }, { role: 'user' }]);
    expect(server.conversationItems(id)).toMatchObject([
      {
        type: 'message',
        role: 'developer',
        status: 'completed',
        content: [{ type: 'input_text', text: 'Be brief.' }],
      },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What roasts?' }] },
      {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Sunrise and Midnight.' }],
      },
    ]);
    for (const item of server.conversationItems(id))
      expect(item).toHaveProperty('id', expect.stringMatching(/^msg_/));
  });

  it('answers 404 to a conversation it does not keep, in OpenAI’s error body, and plays no turn', async () => {
    const { server, client } = setUp('openai', { turns: ['never played'] });
    await expect(
      client.responses.create({ model, input: 'hi', conversation: 'conv_nope' }),
    ).rejects.toMatchObject({
      constructor: NotFoundError,
      param: 'conversation',
      message: "404 Conversation with id 'conv_nope' not found.",
    });
    expect(server.remainingTurns).toBe(1);
    const answer = await raw(server, 'GET', '/conversations/conv_nope/items');
    expect(answer).toEqual({
      status: 404,
      body: {
        error: {
          message: "Conversation with id 'conv_nope' not found.",
          type: 'invalid_request_error',
          code: 'not_found',
          param: null,
        },
      },
    });
  });

  it('refuses a conversation with previous_response_id, as OpenAI does', async () => {
    const server = createFakeServer({ turns: ['never played'] });
    const { body: conversation } = await raw(server, 'POST', '/conversations', {});
    const answer = await raw(server, 'POST', '/responses', {
      model,
      input: 'hi',
      conversation: conversation.id,
      previous_response_id: 'resp_1',
    });
    expect(answer.status).toBe(400);
    expect(server.remainingTurns).toBe(1);
  });

  it('refuses more than 20 items, metadata that is not strings, an update without metadata', async () => {
    const server = createFakeServer();
    const items = Array.from({ length: 21 }, () => ({ role: 'user', content: 'x' }));
    const refused = [
      await raw(server, 'POST', '/conversations', { items }),
      await raw(server, 'POST', '/conversations', { metadata: { n: 1 } }),
    ];
    const { body: created } = await raw(server, 'POST', '/conversations', {});
    refused.push(
      await raw(server, 'POST', `/conversations/${created.id}`, {}),
      await raw(server, 'POST', `/conversations/${created.id}/items`, { items }),
      await raw(server, 'POST', `/conversations/${created.id}/items`, {}),
      await raw(server, 'GET', `/conversations/${created.id}/items?limit=101`),
      await raw(server, 'GET', `/conversations/${created.id}/items?after=msg_nowhere`),
    );
    expect(
      refused.map(({ status, body }) => [status, (body.error as { param: string }).param]),
    ).toEqual([
      [400, 'items'],
      [400, 'metadata'],
      [400, 'metadata'],
      [400, 'items'],
      [400, 'items'],
      [400, 'limit'],
      [400, 'after'],
    ]);
  });

  it('answers 404 to an item it does not keep, and to every endpoint of a deleted conversation', async () => {
    const { server, client } = setUp('openai');
    const { id } = await client.conversations.create({ items: [{ role: 'user', content: 'hi' }] });
    await expect(client.conversations.items.retrieve(id, 'msg_nope')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await client.conversations.delete(id);
    for (const call of [
      client.conversations.retrieve(id),
      client.conversations.update(id, { metadata: {} }),
      client.conversations.delete(id),
      client.conversations.items.list(id),
      client.conversations.items.create(id, { items: [] }),
    ])
      await expect(call).rejects.toBeInstanceOf(NotFoundError);
    expect(server.conversationItems(id)).toEqual([]);
    expect(server.storedConversation(id)).toBeUndefined();
  });

  it('keeps the items of a streamed turn, and of a tool round, in order', async () => {
    const { server, client } = setUp('openai', {
      turns: [{ type: 'function_call', name: 'get_time', callId: 'call_1' }, 'It is noon.'],
    });
    const { id } = await client.conversations.create();
    const stream = await client.responses.create({
      model,
      input: 'Time?',
      conversation: id,
      stream: true,
    });
    await stream.finalResponse();
    const output = { type: 'function_call_output' as const, call_id: 'call_1', output: '12:00' };
    const second = await client.responses.create({ model, input: [output], conversation: id });
    expect(second.output_text).toBe('It is noon.');
    expect(server.conversationItems(id).map((item) => item.type)).toEqual([
      'message',
      'function_call',
      'function_call_output',
      'message',
    ]);
  });

  it('has no Conversations API on the gateway, whose conversation ids start a conversation on first use', async () => {
    const { server, client } = setUp('gateway', { turns: ['Hi!'] });
    await client.responses.create({ model, input: 'hello', conversation: 'conv_new' });
    expect(server.conversationItems('conv_new')).toHaveLength(2);
    expect((await raw(server, 'POST', '/conversations', {})).status).toBe(404);
  });
});

describe('createFakeServer: stored chat completions (OpenAI)', () => {
  const ask = { model, messages: [{ role: 'user' as const, content: 'hi' }] };

  it('stores a streamed completion with store: true, as its unary form, and not one that fails midway', async () => {
    const { server, client } = setUp('openai', {
      turns: ['Hello there.', { type: 'stream_error', after: 2, message: 'overloaded' }],
    });
    const stream = await client.chat.completions.create(
      { ...ask, stream: true },
      { extraBody: { store: true, metadata: { a: 'b' } } },
    );
    for await (const _ of stream);
    expect(server.storedChatCompletion('chatcmpl-fake-1')).toMatchObject({
      object: 'chat.completion',
      metadata: { a: 'b' },
      choices: [{ message: { content: 'Hello there.' } }],
    });
    const failed = await client.chat.completions.create(
      { ...ask, stream: true },
      { extraBody: { store: true } },
    );
    await expect(
      (async () => {
        for await (const _ of failed);
      })(),
    ).rejects.toThrow('overloaded');
    expect(server.storedChatCompletion('chatcmpl-fake-2')).toBeUndefined();
    expect((await client.chat.completions.list()).data).toHaveLength(1);
  });

  it('answers 404 to a completion it does not keep, refuses metadata that is not strings, and clears it with null', async () => {
    const { server, client } = setUp('openai', { turns: ['ok'] });
    await expect(client.chat.completions.retrieve('chatcmpl-nope')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const { id = '' } = await client.chat.completions.create(ask, {
      extraBody: { store: true },
    });
    const answer = await raw(server, 'POST', `/chat/completions/${id}`, { metadata: { n: 1 } });
    expect(answer.status).toBe(400);
    await expect(client.chat.completions.update(id, { metadata: null })).resolves.toMatchObject({
      metadata: {},
    });
    expect((await raw(server, 'GET', '/chat/completions?order=sideways')).status).toBe(400);
  });
});
