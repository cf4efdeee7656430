import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError, ResponseValidationError } from '../../src/index.js';
import { mswClient } from '../helpers/clients.js';
import { serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();

const message = (id: string, text: string) => ({
  type: 'message',
  id,
  role: 'user',
  content: [{ type: 'input_text', text }],
});

describe('responses.inputItems.list', () => {
  it('sends the query as given, a cursor to start after included', async () => {
    const seen = serve(server, () =>
      HttpResponse.json({ object: 'list', data: [message('msg_2', 'b')], has_more: false }),
    );
    const page = await mswClient().responses.inputItems.list('resp_1', {
      after: 'msg_1',
      limit: 5,
      order: 'asc',
    });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/responses/resp_1/input_items');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      after: 'msg_1',
      limit: '5',
      order: 'asc',
    });
    expect(page.data).toEqual([message('msg_2', 'b')]);
  });

  it('refuses a query the API does not allow before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json({}));
    const list = mswClient().responses.inputItems.list('resp_1', { limit: 1000 });
    await expect(list).rejects.toBeInstanceOf(RequestValidationError);
    await expect(list).rejects.toThrow(/limit/);
    expect(seen).toHaveLength(0);
  });

  it('checks each page against the schema of a page: a page without data is a ResponseValidationError', async () => {
    serve(server, () => HttpResponse.json({ object: 'list', items: [], has_more: false }));
    const list = mswClient().responses.inputItems.list('resp_1');
    await expect(list).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(list).rejects.toThrow(/data/);
  });

  it('checks the items of a page too: a message whose content is a number names the path', async () => {
    const item = { type: 'message', id: 'msg_1', role: 'user', content: 42 };
    serve(server, () => HttpResponse.json({ object: 'list', data: [item], has_more: false }));
    await expect(mswClient().responses.inputItems.list('resp_1')).rejects.toThrow(/data\.0/);
  });

  it('takes the page as sent when validation is off, as long as it is an object', async () => {
    serve(server, () => HttpResponse.json({ data: [{ odd: true }], has_more: false }));
    expect(
      (await mswClient({ validateResponses: false }).responses.inputItems.list('resp_1')).data,
    ).toEqual([{ odd: true }]);
  });
});
