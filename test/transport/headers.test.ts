import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import { normalizeOptions } from '../../src/options.js';
import { callOptions } from '../../src/transport/call-options.js';
import { mergeHeaders } from '../../src/transport/headers.js';
import { send } from '../../src/transport/request.js';
import { baseURL, okResponse, serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();
const key = 'sk-test-key-123';

describe('mergeHeaders', () => {
  it('lets a later set win over an earlier one, whatever the case of the name', () => {
    const merged = mergeHeaders({ 'X-Custom': 'client', accept: 'a' }, { 'x-custom': 'request' });
    expect(merged.get('x-custom')).toBe('request');
    expect(merged.get('accept')).toBe('a');
    expect([...merged.keys()]).toEqual(['accept', 'x-custom']);
  });

  it('removes a header when a later set gives null or undefined', () => {
    const merged = mergeHeaders(
      { authorization: 'Bearer k', 'x-a': '1', 'x-b': '1' },
      { Authorization: null, 'x-a': undefined },
    );
    expect(merged.has('authorization')).toBe(false);
    expect(merged.has('x-a')).toBe(false);
    expect(merged.get('x-b')).toBe('1');
  });

  it('reads Headers objects and arrays of pairs', () => {
    const merged = mergeHeaders(
      new Headers({ 'x-from-headers': 'h' }),
      [
        ['x-from-pairs', 'p'],
        ['x-from-headers', 'overridden'],
      ],
      {},
    );
    expect(merged.get('x-from-headers')).toBe('overridden');
    expect(merged.get('x-from-pairs')).toBe('p');
  });

  it('returns an empty Headers for no sets', () => {
    expect([...mergeHeaders().keys()]).toEqual([]);
  });
});

describe('request headers on the wire', () => {
  it('sends Authorization: Bearer <key> when the client has a key', async () => {
    const seen = serve(server, () => okResponse());
    await new ResponsesClient({ baseURL, apiKey: key }).responses.retrieve('resp_1');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${key}`);
  });

  it.each([
    ['no apiKey', {}],
    ['an undefined apiKey', { apiKey: undefined }],
    ['an empty apiKey', { apiKey: '' }],
  ])('sends no Authorization header at all with %s', async (_, options) => {
    const seen = serve(server, () => okResponse());
    await new ResponsesClient({ baseURL, ...options }).responses.retrieve('resp_1');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('merges client headers and per-request headers: the request wins, null removes', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({
      baseURL,
      apiKey: key,
      headers: { 'X-Team': 'client', 'x-client-only': 'c', 'x-removed': 'gone soon' },
    });
    await client.responses.retrieve(
      'resp_1',
      {},
      { headers: { 'x-team': 'request', 'x-removed': null, 'x-request-only': 'r' } },
    );
    const headers = seen[0]?.headers;
    expect(headers?.get('x-team')).toBe('request');
    expect(headers?.get('x-client-only')).toBe('c');
    expect(headers?.get('x-request-only')).toBe('r');
    expect(headers?.has('x-removed')).toBe(false);
    expect(headers?.get('authorization')).toBe(`Bearer ${key}`);
  });

  it('lets client headers override the defaults and remove Authorization', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({
      baseURL,
      apiKey: key,
      headers: new Headers({ authorization: 'Token other', accept: 'application/x-custom' }),
    });
    await client.responses.retrieve('resp_1');
    expect(seen[0]?.headers.get('authorization')).toBe('Token other');
    expect(seen[0]?.headers.get('accept')).toBe('application/x-custom');

    await client.responses.retrieve('resp_1', {}, { headers: { authorization: null } });
    expect(seen[1]?.headers.has('authorization')).toBe(false);
  });

  it('accepts client headers as an array of pairs', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL, headers: [['x-pair', 'yes']] });
    await client.responses.retrieve('resp_1', {}, { headers: [['x-pair-2', 'also']] });
    expect(seen[0]?.headers.get('x-pair')).toBe('yes');
    expect(seen[0]?.headers.get('x-pair-2')).toBe('also');
  });

  it('sends accept and content-type: application/json with a JSON body', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    await client.responses.create({ model: 'gpt-test', input: 'Hello' });
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ model: 'gpt-test', input: 'Hello' });
  });

  it('sends no content-type and no body without one', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    await client.responses.retrieve('resp_1');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.headers.has('content-type')).toBe(false);
    expect(seen[0]?.body).toBe('');
  });

  it('asks for text/event-stream when the request streams', async () => {
    const seen = serve(
      server,
      () => new HttpResponse('', { headers: { 'content-type': 'text/event-stream' } }),
    );
    const call = callOptions(normalizeOptions({ baseURL }).transport);
    const exchange = await send(call, { method: 'GET', path: ['responses', 'r1'], stream: true });
    expect(await exchange.response.text()).toBe('');
    exchange.release();
    expect(seen[0]?.headers.get('accept')).toBe('text/event-stream');
  });
});
