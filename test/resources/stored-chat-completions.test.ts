import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type ChatCompletion,
  NotFoundError,
  RequestValidationError,
  type ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { canned, fakeClient, readsSpecExample } from '../helpers/clients.js';
import { useMswServer } from '../helpers/msw.js';
import { specIssues } from '../helpers/spec-check.js';

const msw = useMswServer();

/**
 * The options that store a completion: `store` and `metadata` go as extra body fields, which
 * the chat params' types do not list.
 */
const storing = (metadata?: Record<string, string>) => ({
  extraBody: { store: true, ...(metadata && { metadata }) },
});

/** Three stored completions: two of `gpt-test` tagged `app: shop`, one of another model. */
async function threeStored(client: ResponsesClient) {
  const ask = (model: string, text: string, metadata: Record<string, string>) =>
    client.chat.completions.create(
      { model, messages: [{ role: 'user', content: text }] },
      storing(metadata),
    );
  await ask('gpt-test', 'one', { app: 'shop' });
  await ask('gpt-other', 'two', { app: 'shop' });
  await ask('gpt-test', 'three', { app: 'shop' });
}

/**
 * The requests to stored completions: the spec's schema of `POST /chat/completions` uses
 * `nullable` without `type`, which its validator cannot compile, so creates are left out.
 */
const stored = <R extends { endpoint: string }>(requests: R[]) =>
  requests.filter((request) => request.endpoint !== 'chat_completions');

const pathOf = (request: { method: string; url: string }) =>
  `${request.method} ${new URL(request.url).pathname}`;

describe('chat.completions.list', () => {
  it('walks every stored completion with for await, with the filters on every page and metadata as metadata[key]', async () => {
    const { server, client } = fakeClient({ turns: ['1', '2', '3'] });
    await threeStored(client);
    const ids: string[] = [];
    const list = client.chat.completions.list({
      model: 'gpt-test',
      metadata: { app: 'shop' },
      limit: 1,
      order: 'desc',
    });
    for await (const c of list) ids.push(c.id ?? '');
    expect(ids).toEqual(['chatcmpl-fake-3', 'chatcmpl-fake-1']);
    const listed = server.requests.filter((r) => r.endpoint === 'chat_completions_list');
    const queries = listed.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    const filters = { limit: '1', model: 'gpt-test', order: 'desc', 'metadata[app]': 'shop' };
    expect(queries).toEqual([filters, { ...filters, after: 'chatcmpl-fake-3' }]);
    expect(stored(server.requests).flatMap(specIssues)).toEqual([]);
  });

  it('gives the first page when awaited: oldest first, and none of the completions not stored', async () => {
    const { server, client } = fakeClient({ turns: ['kept', 'not kept'] });
    await client.chat.completions.create(
      { model: 'm', messages: [{ role: 'user', content: 'a' }] },
      storing(),
    );
    await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'b' }],
    });
    const page = await client.chat.completions.list();
    expect(page).toMatchObject({
      object: 'list',
      first_id: 'chatcmpl-fake-1',
      last_id: 'chatcmpl-fake-1',
      has_more: false,
    });
    expect(page.data.map((c) => c.choices[0]?.message.content)).toEqual(['kept']);
    expect(new URL(server.requests[2]!.url).search).toBe('');
  });

  it('refuses a query the API does not allow before sending anything', async () => {
    const { server, client } = fakeClient();
    const wrongOrder = client.chat.completions.list({ order: 'newest' as 'asc' });
    await expect(wrongOrder).rejects.toBeInstanceOf(RequestValidationError);
    await expect(wrongOrder).rejects.toThrow(/order/);
    await expect(client.chat.completions.list({ limit: 0 })).rejects.toThrow(/limit/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('chat.completions.retrieve, update and delete', () => {
  it('retrieves, updates and deletes a stored completion at /chat/completions/{id}, as the spec takes it', async () => {
    const { server, client } = fakeClient({ turns: ['Mind of circuits hum'] });
    const completions = client.chat.completions;
    const { id = '' } = await completions.create(
      { model: 'gpt-test', messages: [{ role: 'user', content: 'write a haiku about ai' }] },
      storing(),
    );
    const retrieved: ChatCompletion = await completions.retrieve(id);
    expect(retrieved.choices[0]?.message.content).toMatch(/^Mind of circuits hum/);
    expect(retrieved.metadata).toEqual({});
    const updated = await completions.update(id, { metadata: { foo: 'bar' } });
    expect(updated.metadata).toEqual({ foo: 'bar' });
    expect(server.storedChatCompletion(id)?.metadata).toEqual({ foo: 'bar' });
    expect(await completions.delete(id)).toEqual({
      object: 'chat.completion.deleted',
      id,
      deleted: true,
    });
    await expect(completions.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(server.storedChatCompletion(id)).toBeUndefined();
    expect(server.requests.slice(1, 4).map(pathOf)).toEqual([
      `GET /v1/chat/completions/${id}`,
      `POST /v1/chat/completions/${id}`,
      `DELETE /v1/chat/completions/${id}`,
    ]);
    expect(server.requests[2]?.body).toEqual({ metadata: { foo: 'bar' } });
    expect(stored(server.requests).flatMap(specIssues)).toEqual([]);
  });

  it('refuses an update without metadata before sending anything', async () => {
    const { server, client } = fakeClient();
    const update = client.chat.completions.update('c', {} as { metadata: null });
    await expect(update).rejects.toBeInstanceOf(RequestValidationError);
    await expect(update).rejects.toThrow(/metadata/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends an id as one path segment and names one that cannot be', async () => {
    const { server, client } = fakeClient();
    await expect(client.chat.completions.retrieve('a/b?c')).rejects.toBeInstanceOf(NotFoundError);
    expect(new URL(server.requests[0]!.url).pathname).toBe('/v1/chat/completions/a%2Fb%3Fc');
    await expect(client.chat.completions.delete('..')).rejects.toThrow(/completion_id/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('chat.completions.messages.list', () => {
  it('walks the messages of a stored completion at /chat/completions/{id}/messages, as the spec takes it', async () => {
    const { server, client } = fakeClient({ turns: ['Circuits hum.'] });
    // (The chat params type a content part as `{ type }` alone: its text goes through a variable.)
    const parts = [{ type: 'text', text: 'write a haiku about ai' }];
    const { id = '' } = await client.chat.completions.create(
      {
        model: 'gpt-test',
        messages: [
          { role: 'developer', content: 'Answer in haiku.' },
          { role: 'user', content: parts },
        ],
      },
      storing(),
    );
    const messages = [];
    for await (const m of client.chat.completions.messages.list(id, { limit: 1 })) messages.push(m);
    expect(messages).toEqual([
      {
        id: `${id}-0`,
        role: 'developer',
        content: 'Answer in haiku.',
        name: null,
        content_parts: null,
      },
      {
        id: `${id}-1`,
        role: 'user',
        content: 'write a haiku about ai',
        name: null,
        content_parts: [{ type: 'text', text: 'write a haiku about ai' }],
      },
    ]);
    const pages = server.requests.filter((r) => r.endpoint === 'chat_completion_messages');
    expect(new URL(pages[1]!.url).searchParams.get('after')).toBe(`${id}-0`);
    expect(stored(server.requests).flatMap(specIssues)).toEqual([]);
  });
});

describe('stored chat completions: the spec’s example answers', () => {
  const cases = [
    ['GET', '/chat/completions', (c: ResponsesClient) => c.chat.completions.list()],
    [
      'GET',
      '/chat/completions/{completion_id}',
      (c: ResponsesClient) => c.chat.completions.retrieve('chatcmpl-abc123'),
    ],
    [
      'POST',
      '/chat/completions/{completion_id}',
      (c: ResponsesClient) =>
        c.chat.completions.update('chatcmpl-abc123', { metadata: { foo: 'bar' } }),
    ],
    [
      'DELETE',
      '/chat/completions/{completion_id}',
      (c: ResponsesClient) => c.chat.completions.delete('chatcmpl-abc123'),
    ],
    [
      'GET',
      '/chat/completions/{completion_id}/messages',
      (c: ResponsesClient) => c.chat.completions.messages.list('chatcmpl-abc123'),
    ],
  ] as const;

  it.each(cases)(
    'reads the example answer of %s %s as it is, from a request the spec takes',
    (method, template, call) => readsSpecExample(msw, method, template, call),
  );
});

describe('stored chat completions: what the client checks of an answer', () => {
  const completion = (id: string) => ({
    id,
    object: 'chat.completion',
    created: 1_738_960_610,
    model: 'gpt-test',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: id },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
  });

  it('stops with a ResponseValidationError when the server ignores the cursor', async () => {
    const page = {
      object: 'list',
      data: [completion('c_1')],
      first_id: 'c_1',
      last_id: 'c_1',
      has_more: true,
    };
    const { client, seen } = canned(msw, () => HttpResponse.json(page));
    const walk = async () => {
      for await (const _ of client.chat.completions.list());
    };
    await expect(walk()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(seen).toHaveLength(2);
  });

  it('checks the answer: a deletion without its flag is a ResponseValidationError', async () => {
    const { client } = canned(msw, () =>
      HttpResponse.json({ id: 'c', object: 'chat.completion.deleted' }),
    );
    const deleted = client.chat.completions.delete('c');
    await expect(deleted).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(deleted).rejects.toThrow(/deleted/);
  });

  it('checks each message: one without an id names the path', async () => {
    const bad = { object: 'list', data: [{ role: 'user', content: 'x' }], has_more: false };
    const { client } = canned(msw, () => HttpResponse.json(bad));
    await expect(client.chat.completions.messages.list('c')).rejects.toThrow(/data\.0\.id/);
  });
});

describe('stored chat completions on a server that keeps none', () => {
  it.each(['openrouter', 'karta'] as const)(
    'refuses each stored-completion method of a %s client reached through a cast, with nothing sent',
    async (dialect) => {
      const { server, client: other } = fakeClient({ dialect }, { project: 'p' });
      const completions = (other as unknown as ResponsesClient).chat.completions;
      const calls = [
        completions.list(),
        completions.retrieve('c'),
        completions.update('c', { metadata: null }),
        completions.delete('c'),
        completions.messages.list('c'),
      ];
      for (const call of calls) {
        await expect(call).rejects.toBeInstanceOf(RequestValidationError);
        await expect(call).rejects.toThrow(/has no chat\.completions\./);
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it('keeps nothing on OpenRouter given store: true, and answers 404 to the list sent anyway', async () => {
    const server = createFakeServer({ dialect: 'openrouter', turns: ['hi'] });
    const created = await server.fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], store: true }),
    });
    const { id } = (await created.json()) as { id: string };
    expect(server.storedChatCompletion(id)).toBeUndefined();
    expect((await server.fetch(`${server.baseURL}/chat/completions`)).status).toBe(404);
  });
});
