import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type ConversationItem,
  RequestValidationError,
  ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { baseURL, serve } from '../helpers/msw.js';
import { specExample, specIssues } from '../helpers/spec-check.js';
import { useEndpointServer } from './endpoint-server.js';

const { server, received, on, client } = useEndpointServer();

const conversation = specExample('POST', '/conversations');
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
    on('post', '/conversations', () => conversation);
    const created = await client().conversations.create({
      items: [{ type: 'message', role: 'user', content: 'Hello!' }],
      metadata: { topic: 'demo' },
    });
    expect(created).toEqual(conversation);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: `${baseURL}/conversations`,
      body: {
        items: [{ type: 'message', role: 'user', content: 'Hello!' }],
        metadata: { topic: 'demo' },
      },
    });
    expect(specIssues(received[0]!)).toEqual([]);
  });

  it('creates an empty one when given nothing: an empty body, which the spec takes', async () => {
    on('post', '/conversations', () => conversation);
    await client().conversations.create();
    expect(received[0]?.body).toEqual({});
    expect(specIssues(received[0]!)).toEqual([]);
  });

  it('retrieves, updates and deletes one at /conversations/{id}, each request one the spec takes', async () => {
    on('get', '/conversations/:id', () => specExample('GET', '/conversations/{conversation_id}'));
    on('post', '/conversations/:id', () => specExample('POST', '/conversations/{conversation_id}'));
    on('delete', '/conversations/:id', () =>
      specExample('DELETE', '/conversations/{conversation_id}'),
    );
    const conversations = client().conversations;
    expect((await conversations.retrieve('conv_123')).metadata).toEqual({ topic: 'demo' });
    const updated = await conversations.update('conv_123', { metadata: { topic: 'project-x' } });
    expect(updated.metadata).toEqual({ topic: 'project-x' });
    expect(await conversations.delete('conv_123')).toEqual({
      id: 'conv_123',
      object: 'conversation.deleted',
      deleted: true,
    });
    expect(received.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /v1/conversations/conv_123',
      'POST /v1/conversations/conv_123',
      'DELETE /v1/conversations/conv_123',
    ]);
    expect(received[1]?.body).toEqual({ metadata: { topic: 'project-x' } });
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('refuses params the API does not allow before sending anything: 21 items, metadata of numbers', async () => {
    const seen = serve(server, () => HttpResponse.json(conversation));
    const items = Array.from({ length: 21 }, () => ({ role: 'user' as const, content: 'x' }));
    const tooMany = client().conversations.create({ items });
    await expect(tooMany).rejects.toBeInstanceOf(RequestValidationError);
    await expect(tooMany).rejects.toThrow(/items/);
    const metadata = { count: 3 } as unknown as Record<string, string>;
    await expect(client().conversations.update('conv_1', { metadata })).rejects.toThrow(/metadata/);
    expect(seen).toHaveLength(0);
  });

  it('sends an id as one path segment: ../admin stays below /conversations, and .. is refused', async () => {
    on('get', '/conversations/:id', () => conversation);
    await client().conversations.retrieve('../admin');
    expect(new URL(received[0]!.url).pathname).toBe('/v1/conversations/..%2Fadmin');
    const dots = client().conversations.delete('..');
    await expect(dots).rejects.toBeInstanceOf(RequestValidationError);
    await expect(dots).rejects.toThrow(/conversation_id/);
    expect(received).toHaveLength(1);
  });

  it('checks the answer: a conversation without an id is a ResponseValidationError naming the path', async () => {
    on('get', '/conversations/:id', () => ({ object: 'conversation', created_at: 1 }));
    const retrieved = client().conversations.retrieve('conv_1');
    await expect(retrieved).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(retrieved).rejects.toThrow(/\bid\b/);
  });

  it('takes the answer as sent when validation is off, as long as it is an object', async () => {
    on('get', '/conversations/:id', () => ({ odd: true }));
    const retrieved = await client({ validateResponses: false }).conversations.retrieve('c');
    expect(retrieved).toEqual({ odd: true });
  });

  it('gives the raw response and request id with withResponse()', async () => {
    on('get', '/conversations/:id', () =>
      HttpResponse.json(conversation, { headers: { 'x-request-id': 'req_9' } }),
    );
    const { data, requestId } = await client().conversations.retrieve('conv_123').withResponse();
    expect(data.id).toBe('conv_123');
    expect(requestId).toBe('req_9');
  });
});

describe('conversations.items', () => {
  it('adds items with POST /conversations/{id}/items, include in the query, as the spec takes it', async () => {
    const example = specExample('POST', '/conversations/{conversation_id}/items');
    on('post', '/conversations/:id/items', () => example);
    const added = await client().conversations.items.create('conv_123', {
      items: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello!' }] },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'How are you?' }] },
      ],
      include: ['message.input_image.image_url'],
    });
    expect(added).toEqual(example);
    const url = new URL(received[0]!.url);
    expect(url.pathname).toBe('/v1/conversations/conv_123/items');
    expect(url.searchParams.getAll('include')).toEqual(['message.input_image.image_url']);
    expect(Object.keys(received[0]!.body as object)).toEqual(['items']);
    expect(specIssues(received[0]!)).toEqual([]);
  });

  it('lists every item of every page with for await, each page after the last id of the one before', async () => {
    const pages: Record<string, object> = {
      '': page(['msg_1', 'msg_2'], true),
      msg_2: page(['msg_3'], false),
    };
    on('get', '/conversations/:id/items', (request) => {
      const after = new URL(request.url).searchParams.get('after') ?? '';
      return pages[after] ?? HttpResponse.json({}, { status: 404 });
    });
    const ids: string[] = [];
    const list = client().conversations.items.list('conv_1', { order: 'asc', limit: 2 });
    for await (const item of list) if (item.type === 'message') ids.push(item.id ?? '');
    expect(ids).toEqual(['msg_1', 'msg_2', 'msg_3']);
    const queries = received.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries).toEqual([
      { order: 'asc', limit: '2' },
      { order: 'asc', limit: '2', after: 'msg_2' },
    ]);
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('gives the first page when awaited: the spec’s example page', async () => {
    const example = specExample('GET', '/conversations/{conversation_id}/items');
    on('get', '/conversations/:id/items', () => example);
    expect(await client().conversations.items.list('conv_123', { limit: 10 })).toEqual(example);
  });

  it('stops with a ResponseValidationError when the server ignores the cursor, before an item comes twice', async () => {
    on('get', '/conversations/:id/items', () => page(['msg_1'], true));
    const ids: string[] = [];
    const walk = async () => {
      for await (const item of client().conversations.items.list('conv_1'))
        ids.push(String(item.id));
    };
    await expect(walk()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(ids).toEqual(['msg_1']);
    expect(received).toHaveLength(2);
  });

  it('refuses a query the API does not allow before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json(page([], false)));
    const list = client().conversations.items.list('conv_1', { limit: 1000 });
    await expect(list).rejects.toBeInstanceOf(RequestValidationError);
    await expect(list).rejects.toThrow(/limit/);
    expect(seen).toHaveLength(0);
  });

  it('retrieves one item, typed as a conversation item, and deletes it, answered with the conversation', async () => {
    const item = specExample('GET', '/conversations/{conversation_id}/items/{item_id}');
    on('get', '/conversations/:id/items/:item', () => item);
    on('delete', '/conversations/:id/items/:item', () =>
      specExample('DELETE', '/conversations/{conversation_id}/items/{item_id}'),
    );
    const items = client().conversations.items;
    const retrieved: ConversationItem = await items.retrieve('conv_123', 'msg_abc', {
      include: ['message.output_text.logprobs'],
    });
    expect(retrieved).toEqual(item);
    if (retrieved.type === 'message') expect(retrieved.role).toBe('user');
    expect((await items.delete('conv_123', 'msg_abc')).id).toBe('conv_123');
    expect(received.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /v1/conversations/conv_123/items/msg_abc',
      'DELETE /v1/conversations/conv_123/items/msg_abc',
    ]);
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('names the id that cannot be a path segment', async () => {
    const seen = serve(server, () => HttpResponse.json({}));
    await expect(client().conversations.items.retrieve('conv_1', '.')).rejects.toThrow(/item_id/);
    expect(seen).toHaveLength(0);
  });

  it('checks each item against its type: a message whose content is a number names the path', async () => {
    const bad = { ...page([], false), data: [{ ...message('msg_1', 'x'), content: 42 }] };
    on('get', '/conversations/:id/items', () => bad);
    await expect(client().conversations.items.list('conv_1')).rejects.toThrow(/data\.0/);
  });
});

describe('conversations on a server without the Conversations API', () => {
  const others = [
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'openrouter' }),
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'karta', project: 'p' }),
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'kawai' }),
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'gateway' }),
  ];

  it.each(others.map((c) => [c.dialect, c] as const))(
    'refuses every method of a %s client reached through a cast, with nothing sent',
    async (_, other) => {
      const seen = serve(server, () => HttpResponse.json(conversation));
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
      expect(seen).toHaveLength(0);
    },
  );
});
