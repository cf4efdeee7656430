import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type ChatCompletion,
  RequestValidationError,
  ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { baseURL, serve } from '../helpers/msw.js';
import { specExample, specIssues } from '../helpers/spec-check.js';
import { useEndpointServer } from './endpoint-server.js';

const { server, received, on, client } = useEndpointServer();

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
const page = (ids: string[], hasMore: boolean) => ({
  object: 'list',
  data: ids.map(completion),
  first_id: ids[0],
  last_id: ids.at(-1),
  has_more: hasMore,
});

describe('chat.completions.list', () => {
  it('walks every stored completion with for await, with the filters on every page and metadata as metadata[key]', async () => {
    on('get', '/chat/completions', (request) =>
      new URL(request.url).searchParams.get('after') === 'c_2'
        ? page(['c_3'], false)
        : page(['c_1', 'c_2'], true),
    );
    const ids: string[] = [];
    const list = client().chat.completions.list({
      model: 'gpt-test',
      metadata: { app: 'shop' },
      limit: 2,
      order: 'desc',
    });
    for await (const c of list) ids.push(c.id ?? '');
    expect(ids).toEqual(['c_1', 'c_2', 'c_3']);
    const queries = received.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    const filters = { limit: '2', model: 'gpt-test', order: 'desc', 'metadata[app]': 'shop' };
    expect(queries).toEqual([filters, { ...filters, after: 'c_2' }]);
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('gives the first page when awaited: the spec’s example list, parsed', async () => {
    const example = specExample('GET', '/chat/completions');
    on('get', '/chat/completions', () => example);
    expect(await client().chat.completions.list()).toEqual(example);
    expect(new URL(received[0]!.url).search).toBe('');
  });

  it('stops with a ResponseValidationError when the server ignores the cursor', async () => {
    on('get', '/chat/completions', () => page(['c_1'], true));
    const walk = async () => {
      for await (const _ of client().chat.completions.list());
    };
    await expect(walk()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(received).toHaveLength(2);
  });

  it('refuses a query the API does not allow before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json(page([], false)));
    const wrongOrder = client().chat.completions.list({ order: 'newest' as 'asc' });
    await expect(wrongOrder).rejects.toBeInstanceOf(RequestValidationError);
    await expect(wrongOrder).rejects.toThrow(/order/);
    await expect(client().chat.completions.list({ limit: 0 })).rejects.toThrow(/limit/);
    expect(seen).toHaveLength(0);
  });
});

describe('chat.completions.retrieve, update and delete', () => {
  it('retrieves, updates and deletes a stored completion at /chat/completions/{id}, as the spec takes it', async () => {
    on('get', '/chat/completions/:id', () =>
      specExample('GET', '/chat/completions/{completion_id}'),
    );
    on('post', '/chat/completions/:id', () =>
      specExample('POST', '/chat/completions/{completion_id}'),
    );
    on('delete', '/chat/completions/:id', () =>
      specExample('DELETE', '/chat/completions/{completion_id}'),
    );
    const completions = client().chat.completions;
    const retrieved: ChatCompletion = await completions.retrieve('chatcmpl-abc123');
    expect(retrieved.choices[0]?.message.content).toMatch(/^Mind of circuits hum/);
    const updated = await completions.update('chatcmpl-abc123', { metadata: { foo: 'bar' } });
    expect(updated.metadata).toEqual({ foo: 'bar' });
    expect(await completions.delete('chatcmpl-abc123')).toEqual({
      object: 'chat.completion.deleted',
      id: 'chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2',
      deleted: true,
    });
    expect(received.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /v1/chat/completions/chatcmpl-abc123',
      'POST /v1/chat/completions/chatcmpl-abc123',
      'DELETE /v1/chat/completions/chatcmpl-abc123',
    ]);
    expect(received[1]?.body).toEqual({ metadata: { foo: 'bar' } });
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('refuses an update without metadata before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json(completion('c')));
    const update = client().chat.completions.update('c', {} as { metadata: null });
    await expect(update).rejects.toBeInstanceOf(RequestValidationError);
    await expect(update).rejects.toThrow(/metadata/);
    expect(seen).toHaveLength(0);
  });

  it('sends an id as one path segment and names one that cannot be', async () => {
    on('get', '/chat/completions/:id', () => completion('x'));
    await client().chat.completions.retrieve('a/b?c');
    expect(new URL(received[0]!.url).pathname).toBe('/v1/chat/completions/a%2Fb%3Fc');
    await expect(client().chat.completions.delete('..')).rejects.toThrow(/completion_id/);
    expect(received).toHaveLength(1);
  });

  it('checks the answer: a deletion without its flag is a ResponseValidationError', async () => {
    on('delete', '/chat/completions/:id', () => ({ id: 'c', object: 'chat.completion.deleted' }));
    const deleted = client().chat.completions.delete('c');
    await expect(deleted).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(deleted).rejects.toThrow(/deleted/);
  });
});

describe('chat.completions.messages.list', () => {
  it('walks the messages of a stored completion at /chat/completions/{id}/messages, as the spec takes it', async () => {
    const example = specExample('GET', '/chat/completions/{completion_id}/messages');
    const second = {
      ...example,
      data: [{ id: 'm_2', role: 'assistant', content: 'Hi', content_parts: null }],
      first_id: 'm_2',
      last_id: 'm_2',
    };
    on('get', '/chat/completions/:id/messages', (request) =>
      new URL(request.url).searchParams.has('after') ? second : { ...example, has_more: true },
    );
    const contents: unknown[] = [];
    for await (const m of client().chat.completions.messages.list('chatcmpl-1', { limit: 1 }))
      contents.push(m.content);
    expect(contents).toEqual(['write a haiku about ai', 'Hi']);
    expect(new URL(received[1]!.url).searchParams.get('after')).toBe(
      'chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-0',
    );
    expect(received.flatMap(specIssues)).toEqual([]);
  });

  it('checks each message: one without an id names the path', async () => {
    const bad = { object: 'list', data: [{ role: 'user', content: 'x' }], has_more: false };
    on('get', '/chat/completions/:id/messages', () => bad);
    await expect(client().chat.completions.messages.list('c')).rejects.toThrow(/data\.0\.id/);
  });
});

describe('stored chat completions on a server that keeps none', () => {
  const others = [
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'openrouter' }),
    new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'karta', project: 'p' }),
  ];

  it.each(others.map((c) => [c.dialect, c] as const))(
    'refuses each stored-completion method of a %s client reached through a cast, with nothing sent',
    async (_, other) => {
      const seen = serve(server, () => HttpResponse.json(page([], false)));
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
      expect(seen).toHaveLength(0);
    },
  );
});
