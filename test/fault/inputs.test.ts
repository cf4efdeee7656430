/**
 * Inputs that fetch would refuse are a RequestValidationError before anything is sent: a header
 * name or value no HTTP message can carry (in the key, the client's headers, a call's headers, a
 * dialect's auth headers), a base URL with credentials, one that is no http(s) URL. None is
 * retried, and none quotes the secret it is about. No other failure that another attempt cannot
 * fix is retried either: fetch throwing at once, a proxy asking for credentials.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  defineDialect,
  type FetchLike,
  RequestValidationError,
  ResponsesClient,
} from '../../src/index.js';
import { caught, completedResponse, sendJSON, useFaultServer } from './fault-server.js';
import { printForms } from './print-forms.js';

const server = useFaultServer();
beforeEach(() =>
  server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_ok', 'ok'))),
);

const secret = 'sk-proj-Zx81_aQ-9vLmP2rT7yW4nB6cD0eF3gH5jK8mN1pQ';
const input = { model: 'm', input: 'hi' };

/** A fetch that counts its calls, then calls the real one. */
function countingFetch() {
  const calls: string[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push(url);
    return globalThis.fetch(url, init);
  };
  return { fetch, calls };
}

/** Expects a RequestValidationError at `path` that quotes nothing of `hidden`, and nothing sent. */
function expectRefused(error: unknown, path: unknown[], calls: string[], hidden = secret) {
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).issues[0]?.path).toEqual(path);
  for (const [form, text] of Object.entries(printForms(error)))
    expect(text.includes(hidden), `${form} quotes the secret`).toBe(false);
  expect(calls).toEqual([]);
  expect(server.requests).toHaveLength(0);
}

describe('a header no HTTP message can carry', () => {
  it.each([
    ['a line feed', `${secret}\nX-Injected: 1`],
    ['a carriage return and line feed', `${secret}\r\nX-Injected: 1`],
    ['a NUL', `${secret}\0`],
  ])(
    'in the apiKey (%s): RequestValidationError naming apiKey, nothing sent, not retried',
    async (_what, apiKey) => {
      server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_ok', 'ok')));
      const { fetch, calls } = countingFetch();
      const client = new ResponsesClient({ baseURL: server.baseURL, apiKey, fetch, maxRetries: 2 });
      for (const stream of [false, true]) {
        const error = await caught(() => client.responses.create({ ...input, stream }));
        expectRefused(error, ['apiKey'], calls);
        expect((error as Error).message).toContain('authorization header');
      }
    },
  );

  it('in the client headers, a call headers or a dialect auth header: each named', async () => {
    const { fetch, calls } = countingFetch();
    const team = { 'x-team': `${secret}\r\nX-Injected: 1` };
    const clientHeaders = new ResponsesClient({ baseURL: server.baseURL, headers: team, fetch });
    expectRefused(
      await caught(() => clientHeaders.responses.create(input)),
      ['headers', 'x-team'],
      calls,
    );

    const plain = new ResponsesClient({ baseURL: server.baseURL, fetch });
    const callHeaders = { headers: { 'x-trace': `a\0${secret}` } };
    expectRefused(
      await caught(() => plain.responses.create(input, callHeaders)),
      ['headers', 'x-trace'],
      calls,
    );
    const badName = { headers: { 'x trace': 'a' } };
    expectRefused(
      await caught(() => plain.responses.create(input, badName)),
      ['headers', 'x trace'],
      calls,
    );
    const curly = { headers: { 'x-note': `“${secret}”` } };
    expectRefused(
      await caught(() => plain.responses.create(input, curly)),
      ['headers', 'x-note'],
      calls,
    );

    const lumen = defineDialect({
      name: 'lumen',
      baseURL: server.baseURL,
      authHeaders: (apiKey) => ({ 'x-api-key': `${apiKey}\nX-Injected: 1` }),
    });
    const dialectClient = new ResponsesClient({ dialect: lumen, apiKey: secret, fetch });
    const error = await caught(() => dialectClient.responses.create(input));
    expectRefused(error, ['apiKey'], calls);
    expect((error as Error).message).toContain('x-api-key header');
  });

  it('is no error when it is white space around the key (a key read from a file): it is trimmed', async () => {
    server.handle((request, res) =>
      sendJSON(res, 200, completedResponse('resp_ok', String(request.headers.authorization))),
    );
    const client = new ResponsesClient({ baseURL: server.baseURL, apiKey: ` ${secret}\n` });
    const answer = await client.responses.create(input);
    expect(answer.output_text).toBe(`Bearer ${secret}`);
  });
});

describe('a base URL fetch would refuse', () => {
  it('with credentials: RequestValidationError naming baseURL, no password quoted, nothing sent, not retried', async () => {
    const { fetch, calls } = countingFetch();
    const baseURL = server.baseURL.replace('http://', `http://admin:${secret}@`);
    const client = new ResponsesClient({ baseURL, fetch, maxRetries: 2 });
    for (const stream of [false, true]) {
      const error = await caught(() => client.responses.create({ ...input, stream }));
      expectRefused(error, ['baseURL'], calls);
      expect((error as Error).message).toContain('credentials');
    }
  });

  it.each([
    ['not http', 'ftp://127.0.0.1/v1'],
    ['with no scheme', '127.0.0.1:8080/v1'],
    ['relative, with no page to resolve it against', '/api/v1'],
    ['not a URL', 'http://exa mple/v1'],
  ])('%s (%s): RequestValidationError naming baseURL, not retried', async (_what, baseURL) => {
    const { fetch, calls } = countingFetch();
    const client = new ResponsesClient({ baseURL, fetch, maxRetries: 2 });
    expectRefused(await caught(() => client.responses.create(input)), ['baseURL'], calls);
  });
});

describe('a failure another attempt cannot fix', () => {
  it('is not retried when fetch throws at once (it refused its arguments, nothing was sent)', async () => {
    let calls = 0;
    const fetch: FetchLike = () => {
      calls += 1;
      throw new TypeError('Request cannot be constructed from these arguments');
    };
    const client = new ResponsesClient({ baseURL: server.baseURL, fetch, maxRetries: 2 });
    const error = await caught(() => client.responses.create(input));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'Connection error: Request cannot be constructed from these arguments',
    );
    expect(calls).toBe(1);
  });

  describe('a proxy that asks for credentials (407)', () => {
    let proxy: Server;
    let connects = 0;
    beforeAll(async () => {
      proxy = createServer((_request, res) => res.writeHead(407).end());
      proxy.on('connect', (_request, socket) => {
        connects += 1;
        socket.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\ncontent-length: 0\r\n\r\n',
        );
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    it('fails with the words of every cause (undici: Proxy response (407), UND_ERR_ABORTED), not retried', async () => {
      const dispatcher = new ProxyAgent(
        `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      );
      const fetch = ((url: string, init: RequestInit) =>
        undiciFetch(url, { ...(init as object), dispatcher })) as unknown as FetchLike;
      const client = new ResponsesClient({ baseURL: server.baseURL, fetch, maxRetries: 2 });
      const error = await caught(() => client.responses.create(input));
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toBe(
        'Connection error: fetch failed (Request was cancelled: Proxy response (407) !== 200 when HTTP Tunneling: UND_ERR_ABORTED)',
      );
      expect(connects).toBe(1);
      expect(server.requests).toHaveLength(0);
      await dispatcher.close();
    });
  });
});
