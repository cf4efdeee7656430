/**
 * Redirects: followed within the origin of the request, as fetch follows them (307 and 308 keep
 * the method and the body; 301 and 302 after a POST, and 303, become a GET with no body); to
 * another origin, refused with an APIError of the redirect's status, so that no header carrying
 * the key (the dialect's `x-api-key` as much as `authorization`) goes there. In a browser the
 * browser follows them (the client cannot see them), so the client asks for that.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, defineDialect, type FetchLike, ResponsesClient } from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  sendJSON,
  textEvents,
  useFaultServer,
} from './fault-server.js';
import { formsShowing } from './print-forms.js';

const server = useFaultServer();
/** Another origin: the same host on another port. */
const elsewhere = useFaultServer();

const key = 'sk-proj-Zx81_aQ-9vLmP2rT7yW4nB6cD0eF3gH5jK8mN1pQ';
const client = () => new ResponsesClient({ baseURL: server.baseURL, apiKey: key, maxRetries: 0 });
const input = { model: 'm', input: 'hi' };

/** Answers the first request with a redirect to `location`, and the next one with a response. */
function redirectOnce(status: number, location: string) {
  server.handle((_request, res, index) => {
    if (index === 0) res.writeHead(status, { location }).end('moved');
    else sendJSON(res, 200, completedResponse('resp_moved', 'moved'));
  });
}

describe('a redirect within the origin', () => {
  it.each([307, 308])('%i is followed with the same method, body and key', async (status) => {
    redirectOnce(status, '/v1/elsewhere/responses');
    const answer = await client().responses.create(input);
    expect(answer.output_text).toBe('moved');
    const [first, second] = server.requests;
    expect(second).toMatchObject({ method: 'POST', url: '/v1/elsewhere/responses' });
    expect(second?.body).toBe(first?.body);
    expect(second?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it.each([301, 302, 303])(
    '%i after a POST is followed as a GET with no body, as fetch does',
    async (status) => {
      redirectOnce(status, `${server.origin}/v1/answer`);
      await client().responses.create(input);
      const second = server.requests[1];
      expect(second).toMatchObject({ method: 'GET', url: '/v1/answer', body: '' });
      expect(second?.headers['content-type']).toBeUndefined();
    },
  );

  it('is followed for a stream too, before its first event', async () => {
    server.handle((_request, res, index) => {
      if (index === 0) res.writeHead(307, { location: '/v1/stream' }).end();
      else {
        openEventStream(res);
        res.end(textEvents('resp_s', ['a', 'b']).map(frame).join(''));
      }
    });
    const stream = await client().responses.create({ ...input, stream: true });
    const { events, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('is refused after 20 in a row, as fetch refuses them', async () => {
    server.handle((_request, res) => res.writeHead(307, { location: '/v1/responses' }).end());
    const error = await caught(() => client().responses.create(input));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(307);
    expect((error as Error).message).toMatch(/more than 20 times/);
    expect(server.requests).toHaveLength(21);
  });

  it('is refused to a URL with credentials, which it does not quote', async () => {
    redirectOnce(307, server.origin.replace('http://', 'http://admin:hunter2-password@'));
    const error = await caught(() => client().responses.create(input));
    expect(error).toBeInstanceOf(APIError);
    expect(JSON.stringify((error as Error).message)).not.toContain('hunter2');
  });
});

describe('a redirect to another origin', () => {
  it.each([
    ['authorization', undefined],
    [
      'x-api-key',
      defineDialect({
        name: 'lumen',
        baseURL: 'http://placeholder.invalid/v1',
        authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
      }),
    ],
  ])(
    'is refused with an APIError of its status, and the key (in %s) never goes there',
    async (_header, dialect) => {
      elsewhere.handle((_request, res) =>
        sendJSON(res, 200, completedResponse('resp_x', 'stolen')),
      );
      for (const status of [301, 302, 303, 307, 308]) {
        redirectOnce(status, `${elsewhere.baseURL}/collect?from=client`);
        const options = { baseURL: server.baseURL, apiKey: key, maxRetries: 2 };
        const error = await caught(() =>
          new ResponsesClient(dialect ? { ...options, dialect } : options).responses.create(input),
        );
        expect(error).toBeInstanceOf(APIError);
        expect((error as APIError).status).toBe(status);
        expect((error as Error).message).toContain(`to another origin (${elsewhere.origin})`);
        expect((error as APIError).headers.get('location')).toContain(elsewhere.origin);
        expect(formsShowing(error, key)).toEqual([]);
        expect(server.requests).toHaveLength(1);
      }
      expect(elsewhere.requests).toHaveLength(0);
    },
  );
});

describe('in a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks fetch to follow redirects itself: the browser shows the client none (an opaque answer)', async () => {
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('document', {});
    vi.stubGlobal('navigator', {});
    const seen: (RequestRedirect | undefined)[] = [];
    const fetch: FetchLike = (url, init) => {
      seen.push(init.redirect);
      return globalThis.fetch(url, init);
    };
    server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_b', 'b')));
    await new ResponsesClient({ baseURL: server.baseURL, fetch }).responses.create(input);
    vi.unstubAllGlobals();
    await new ResponsesClient({ baseURL: server.baseURL, fetch }).responses.create(input);
    expect(seen).toEqual(['follow', 'manual']);
  });
});
