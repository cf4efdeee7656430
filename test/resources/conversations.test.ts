import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type ConversationItem,
  NotFoundError,
  RequestValidationError,
  type ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { canned, fakeClient, mswClient, readsSpecExample } from '../helpers/clients.js';
import { serve, useMswServer } from '../helpers/msw.js';
import { specIssues } from '../helpers/spec-check.js';

const msw = useMswServer();

const pathOf = (request: { method: string; url: string }) =>
  `${request.method} ${new URL(request.url).pathname}`;
const message = (id: string, text: string) => ({
  type: 'message',
  id,
  status: 'completed',
  role: 'user',
  content: [{ type: 'input_text', text }],
});
const page = (ids: string[], hasMore: boolean) => ({
  object: 'list',
  data: ids.map((id) => message(id, id)),
  first_id: ids[0],
  last_id: ids.at(-1),
  has_more: hasMore,
});

describe('conversations', () => {
  it('creates one with POST /conversations, sending the items and metadata as the spec takes them', async () => {
    const { server, client } = fakeClient();
    const created = await client.conversations.create({
      items: [{ type: 'message', role: 'user', content: 'Hello!' }],
      metadata: { topic: 'demo' },
    });
    expect(created).toEqual({
      id: 'conv_fake_1',
      object: 'conversation',
      created_at: expect.any(Number),
      metadata: { topic: 'demo' },
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: `${server.baseURL}/conversations`,
      body: {
        items: [{ type: 'message', role: 'user', content: 'Hello!' }],
        metadata: { topic: 'demo' },
      },
    });
    expect(specIssues(server.requests[0]!)).toEqual([]);
    // Kept as OpenAI keeps it: with an id, its text as an input_text part.
    expect(server.conversationItems(created.id)).toEqual([message('msg_fake_in_1', 'Hello!')]);
  });

  it('creates an empty one when given nothing: an empty body, which the spec takes', async () => {
    const { server, client } = fakeClient();
    const { id } = await client.conversations.create();
    expect(server.requests[0]?.body).toEqual({});
    expect(specIssues(server.requests[0]!)).toEqual([]);
    expect(server.storedConversation(id)?.metadata).toEqual({});
  });

  it('retrieves, updates and deletes one at /conversations/{id}, each request one the spec takes', async () => {
    const { server, client } = fakeClient();
    const { conversations } = client;
    const { id } = await conversations.create({ metadata: { topic: 'demo' } });
    expect((await conversations.retrieve(id)).metadata).toEqual({ topic: 'demo' });
    const updated = await conversations.update(id, { metadata: { topic: 'project-x' } });
    expect(updated.metadata).toEqual({ topic: 'project-x' });
    expect(server.storedConversation(id)?.metadata).toEqual({ topic: 'project-x' });
    expect(await conversations.delete(id)).toEqual({
      id,
      object: 'conversation.deleted',
      deleted: true,
    });
    await expect(conversations.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests.slice(1, 4).map(pathOf)).toEqual([
      `GET /v1/conversations/${id}`,
      `POST /v1/conversations/${id}`,
      `DELETE /v1/conversations/${id}`,
    ]);
    expect(server.requests[2]?.body).toEqual({ metadata: { topic: 'project-x' } });
    expect(server.requests.flatMap(specIssues)).toEqual([]);
  });

  it('refuses params the API does not allow before sending anything: 21 items, metadata of numbers', async () => {
    const { server, client } = fakeClient();
    const items = Array.from({ length: 21 }, () => ({ role: 'user' as const, content: 'x' }));
    const tooMany = client.conversations.create({ items });
    await expect(tooMany).rejects.toBeInstanceOf(RequestValidationError);
    await expect(tooMany).rejects.toThrow(/items/);
    const metadata = { count: 3 } as unknown as Record<string, string>;
    await expect(client.conversations.update('conv_1', { metadata })).rejects.toThrow(/metadata/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends an id as one path segment: ../admin stays below /conversations, and .. is refused', async () => {
    const { server, client } = fakeClient();
    await expect(client.conversations.retrieve('../admin')).rejects.toBeInstanceOf(NotFoundError);
    expect(new URL(server.requests[0]!.url).pathname).toBe('/v1/conversations/..%2Fadmin');
    expect(server.requests[0]?.endpoint).toBe('conversation_retrieve');
    const dots = client.conversations.delete('..');
    await expect(dots).rejects.toBeInstanceOf(RequestValidationError);
    await expect(dots).rejects.toThrow(/conversation_id/);
    expect(server.requests).toHaveLength(1);
  });

  it('gives the raw response and request id with withResponse()', async () => {
    const { client } = fakeClient();
    const { id } = await client.conversations.create();
    const { data, requestId } = await client.conversations.retrieve(id).withResponse();
    expect(data.id).toBe(id);
    expect(requestId).toBe('req_fake_2');
  });
});

describe('conversations.items', () => {
  it('adds items with POST /conversations/{id}/items, include in the query, as the spec takes it', async () => {
    const { server, client } = fakeClient();
    const { id } = await client.conversations.create();
    const added = await client.conversations.items.create(id, {
      items: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello!' }] },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'How are you?' }] },
      ],
      include: ['message.input_image.image_url'],
    });
    expect(added).toEqual({
      object: 'list',
      data: [message('msg_fake_in_1', 'Hello!'), message('msg_fake_in_2', 'How are you?')],
      first_id: 'msg_fake_in_1',
      last_id: 'msg_fake_in_2',
      has_more: false,
    });
    const request = server.requests[1]!;
    const url = new URL(request.url);
    expect(url.pathname).toBe(`/v1/conversations/${id}/items`);
    expect(url.searchParams.getAll('include')).toEqual(['message.input_image.image_url']);
    expect(Object.keys(request.body as object)).toEqual(['items']);
    expect(specIssues(request)).toEqual([]);
  });

  it('lists every item of every page with for await, each page after the last id of the one before', async () => {
    const { server, client } = fakeClient();
    const items = ['one', 'two', 'three'].map((text) => ({ role: 'user' as const, content: text }));
    const { id } = await client.conversations.create({ items });
    const texts: string[] = [];
    const list = client.conversations.items.list(id, { order: 'asc', limit: 2 });
    for await (const item of list)
      if (item.type === 'message') texts.push(JSON.stringify(item.content));
    expect(texts.map((t) => JSON.parse(t)[0].text)).toEqual(['one', 'two', 'three']);
    const queries = server.requests
      .slice(1)
      .map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries).toEqual([
      { order: 'asc', limit: '2' },
      { order: 'asc', limit: '2', after: 'msg_fake_in_2' },
    ]);
    expect(server.requests.flatMap(specIssues)).toEqual([]);
  });

  it('gives the first page when awaited: newest first, as the API pages by default', async () => {
    const { client } = fakeClient();
    const items = ['one', 'two'].map((text) => ({ role: 'user' as const, content: text }));
    const { id } = await client.conversations.create({ items });
    expect(await client.conversations.items.list(id, { limit: 1 })).toEqual({
      object: 'list',
      data: [message('msg_fake_in_2', 'two')],
      first_id: 'msg_fake_in_2',
      last_id: 'msg_fake_in_2',
      has_more: true,
    });
  });

  it('refuses a query the API does not allow before sending anything', async () => {
    const { server, client } = fakeClient();
    const list = client.conversations.items.list('conv_1', { limit: 1000 });
    await expect(list).rejects.toBeInstanceOf(RequestValidationError);
    await expect(list).rejects.toThrow(/limit/);
    expect(server.requests).toHaveLength(0);
  });

  it('retrieves one item, typed as a conversation item, and deletes it, answered with the conversation', async () => {
    const { server, client } = fakeClient();
    const { id } = await client.conversations.create({
      items: [{ role: 'user', content: 'Hello!' }],
    });
    const { items } = client.conversations;
    const retrieved: ConversationItem = await items.retrieve(id, 'msg_fake_in_1', {
      include: ['message.output_text.logprobs'],
    });
    expect(retrieved).toEqual(message('msg_fake_in_1', 'Hello!'));
    if (retrieved.type === 'message') expect(retrieved.role).toBe('user');
    expect((await items.delete(id, 'msg_fake_in_1')).id).toBe(id);
    expect(server.conversationItems(id)).toEqual([]);
    await expect(items.retrieve(id, 'msg_fake_in_1')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests.slice(1, 3).map(pathOf)).toEqual([
      `GET /v1/conversations/${id}/items/msg_fake_in_1`,
      `DELETE /v1/conversations/${id}/items/msg_fake_in_1`,
    ]);
    expect(server.requests.flatMap(specIssues)).toEqual([]);
  });

  it('names the id that cannot be a path segment', async () => {
    const { server, client } = fakeClient();
    await expect(client.conversations.items.retrieve('conv_1', '.')).rejects.toThrow(/item_id/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('conversations: the spec’s example answers', () => {
  const cases = [
    ['POST', '/conversations', (c: ResponsesClient) => c.conversations.create()],
    [
      'GET',
      '/conversations/{conversation_id}',
      (c: ResponsesClient) => c.conversations.retrieve('conv_123'),
    ],
    [
      'POST',
      '/conversations/{conversation_id}',
      (c: ResponsesClient) =>
        c.conversations.update('conv_123', { metadata: { topic: 'project-x' } }),
    ],
    [
      'DELETE',
      '/conversations/{conversation_id}',
      (c: ResponsesClient) => c.conversations.delete('conv_123'),
    ],
    [
      'POST',
      '/conversations/{conversation_id}/items',
      (c: ResponsesClient) =>
        c.conversations.items.create('conv_123', { items: [{ role: 'user', content: 'Hello!' }] }),
    ],
    [
      'GET',
      '/conversations/{conversation_id}/items',
      (c: ResponsesClient) => c.conversations.items.list('conv_123', { limit: 10 }),
    ],
    [
      'GET',
      '/conversations/{conversation_id}/items/{item_id}',
      (c: ResponsesClient) => c.conversations.items.retrieve('conv_123', 'msg_abc'),
    ],
    [
      'DELETE',
      '/conversations/{conversation_id}/items/{item_id}',
      (c: ResponsesClient) => c.conversations.items.delete('conv_123', 'msg_abc'),
    ],
  ] as const;

  it.each(cases)(
    'reads the example answer of %s %s as it is, from a request the spec takes',
    (method, template, call) => readsSpecExample(msw, method, template, call),
  );
});

describe('conversations: what the client checks of an answer', () => {
  it('checks the answer: a conversation without an id is a ResponseValidationError naming the path', async () => {
    const { client } = canned(msw, () =>
      HttpResponse.json({ object: 'conversation', created_at: 1 }),
    );
    const retrieved = client.conversations.retrieve('conv_1');
    await expect(retrieved).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(retrieved).rejects.toThrow(/\bid\b/);
  });

  it('takes the answer as sent when validation is off, as long as it is an object', async () => {
    serve(msw, () => HttpResponse.json({ odd: true }));
    const client = mswClient({ validateResponses: false });
    expect(await client.conversations.retrieve('c')).toEqual({ odd: true });
  });

  it('stops with a ResponseValidationError when the server ignores the cursor, before an item comes twice', async () => {
    const { client, seen } = canned(msw, () => HttpResponse.json(page(['msg_1'], true)));
    const ids: string[] = [];
    const walk = async () => {
      for await (const item of client.conversations.items.list('conv_1')) ids.push(String(item.id));
    };
    await expect(walk()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(ids).toEqual(['msg_1']);
    expect(seen).toHaveLength(2);
  });

  it('checks each item against its type: a message whose content is a number names the path', async () => {
    const bad = { ...page([], false), data: [{ ...message('msg_1', 'x'), content: 42 }] };
    const { client } = canned(msw, () => HttpResponse.json(bad));
    await expect(client.conversations.items.list('conv_1')).rejects.toThrow(/data\.0/);
  });
});

describe('conversations on a server without the Conversations API', () => {
  it.each(['openrouter', 'karta', 'kawai', 'gateway'] as const)(
    'refuses every method of a %s client reached through a cast, with nothing sent',
    async (dialect) => {
      const { server, client: other } = fakeClient({ dialect }, { project: 'p' });
      const { conversations } = other as unknown as ResponsesClient;
      const calls = [
        conversations.create(),
        conversations.retrieve('c'),
        conversations.update('c', { metadata: {} }),
        conversations.delete('c'),
        conversations.items.create('c', { items: [] }),
        conversations.items.list('c'),
        conversations.items.retrieve('c', 'i'),
        conversations.items.delete('c', 'i'),
      ];
      for (const call of calls) {
        await expect(call).rejects.toBeInstanceOf(RequestValidationError);
        await expect(call).rejects.toThrow(/has no conversations\./);
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it('answers 404 on those servers to a request sent anyway: they have no such path', async () => {
    for (const dialect of ['openrouter', 'karta', 'kawai', 'gateway'] as const) {
      const server = createFakeServer({ dialect });
      const answer = await server.fetch(`${server.baseURL}/conversations`, {
        method: 'POST',
        body: '{}',
      });
      expect([dialect, answer.status]).toEqual([dialect, 404]);
    }
  });
});
