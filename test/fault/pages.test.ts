import { describe, expect, it } from 'vitest';
import { ResponsesClient, ResponseValidationError } from '../../src/index.js';
import { caught, sendJSON, useFaultServer } from './fault-server.js';

const server = useFaultServer();

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
const item = (id: string) => ({
  type: 'message',
  id,
  role: 'user',
  status: 'completed',
  content: [{ type: 'input_text', text: id }],
});
const page = (ids: string[], hasMore: boolean, lastId = ids.at(-1)) => ({
  object: 'list',
  data: ids.map(item),
  first_id: ids[0],
  last_id: lastId,
  has_more: hasMore,
});
/** Every item of every page, at most `limit` of them, or the error that stopped the walk. */
async function walk(limit = 100): Promise<{ ids: string[]; error: unknown }> {
  const ids: string[] = [];
  const error = await caught(async () => {
    for await (const entry of client().responses.inputItems.list('resp_1')) {
      ids.push((entry as { id: string }).id);
      if (ids.length >= limit) break;
    }
  });
  return { ids, error };
}
const cursorOf = (url: string) => new URL(url, server.origin).searchParams.get('after');

describe('input-item pages', () => {
  it('walks every page, asking for each after the last id of the one before', async () => {
    const pages = [page(['a', 'b'], true), page(['c', 'd'], true), page(['e'], false)];
    server.handle((_request, res, index) => sendJSON(res, 200, pages[index]));
    const { ids, error } = await walk();
    expect(error).toBeUndefined();
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.requests.map((request) => cursorOf(request.url))).toEqual([null, 'b', 'd']);
  });

  it('stops with ResponseValidationError when every page says has_more with the same cursor', async () => {
    server.handle((_request, res) => sendJSON(res, 200, page(['x', 'y'], true)));
    const { ids, error } = await walk(1_000);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(
      'Unexpected page from the server: last_id: y came round again: the pages do not advance',
    );
    expect((error as ResponseValidationError).received).toMatchObject({ last_id: 'y' });
    // The first page, and the one that repeated it (its items not yielded twice): no more.
    expect(server.requests).toHaveLength(2);
    expect(ids).toEqual(['x', 'y']);
  });

  it('stops when the cursor comes round again after a few pages', async () => {
    const cycle = [page(['a'], true), page(['b'], true), page(['c'], true)];
    server.handle((_request, res, index) => sendJSON(res, 200, cycle[index % cycle.length]));
    const { error } = await walk(1_000);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(server.requests).toHaveLength(4);
  });

  it('stops at a page that says has_more but has no items', async () => {
    server.handle((_request, res, index) =>
      sendJSON(res, 200, index === 0 ? page(['a'], true) : page([], true, 'a2')),
    );
    const { ids, error } = await walk();
    expect(error).toBeUndefined();
    expect(ids).toEqual(['a']);
    expect(server.requests).toHaveLength(2);
  });

  it('stops at a page that says has_more but gives no cursor', async () => {
    server.handle((_request, res) => sendJSON(res, 200, { data: [item('a')], has_more: true }));
    const { ids, error } = await walk();
    expect(error).toBeUndefined();
    expect(ids).toEqual(['a']);
    expect(server.requests).toHaveLength(1);
  });

  it('gives the first page to await, without walking', async () => {
    server.handle((_request, res) => sendJSON(res, 200, page(['x'], true)));
    const first = await client().responses.inputItems.list('resp_1');
    expect(first).toMatchObject({ has_more: true, last_id: 'x' });
    expect(server.requests).toHaveLength(1);
  });
});
