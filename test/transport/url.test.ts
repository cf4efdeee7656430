import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import { RequestValidationError } from '../../src/errors.js';
import { buildURL, encodeSegment } from '../../src/transport/url.js';
import { baseURL, okResponse, rejectionOf, serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();

describe('encodeSegment', () => {
  it.each([
    ['../admin', '..%2Fadmin'],
    ['a/b?c#d', 'a%2Fb%3Fc%23d'],
    ['resp 1&x=y', 'resp%201%26x%3Dy'],
    ['%2e%2e', '%252e%252e'],
    ['résumé', 'r%C3%A9sum%C3%A9'],
    ['resp_abc-123', 'resp_abc-123'],
  ])('encodes %j as the single segment %j', (segment, encoded) => {
    expect(encodeSegment(segment)).toBe(encoded);
    expect(encodeSegment(segment)).not.toContain('/');
  });

  it.each(['', '.', '..'])(
    'refuses %j with a RequestValidationError naming the segment',
    (segment) => {
      let thrown: unknown;
      try {
        encodeSegment(segment, 'id');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RequestValidationError);
      const error = thrown as RequestValidationError;
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.path).toEqual(['id']);
      expect(error.message).toContain(`id: must be a non-empty string`);
      expect(error.message).toContain(JSON.stringify(segment));
    },
  );
});

describe('buildURL', () => {
  it('joins the base URL and the encoded segments with single slashes', () => {
    expect(buildURL('https://api.test/v1', ['responses', 'a/b', 'cancel'])).toBe(
      'https://api.test/v1/responses/a%2Fb/cancel',
    );
  });

  it('adds no question mark when the query is empty or all undefined', () => {
    expect(buildURL('https://api.test/v1', ['responses'])).toBe('https://api.test/v1/responses');
    expect(buildURL('https://api.test/v1', ['responses'], { a: undefined })).toBe(
      'https://api.test/v1/responses',
    );
  });

  it('writes numbers and booleans, repeats array keys and leaves out undefined values', () => {
    const url = buildURL('https://api.test/v1', ['responses', 'r1'], {
      stream: true,
      starting_after: 42,
      include: ['a.b', 'c'],
      skipped: undefined,
      include_obfuscation: false,
    });
    expect(url).toBe(
      'https://api.test/v1/responses/r1?stream=true&starting_after=42&include=a.b&include=c&include_obfuscation=false',
    );
  });

  it('encodes reserved characters in query values', () => {
    const url = buildURL('https://api.test/v1', ['x'], { q: 'a b&c=d#e' });
    expect(url).toBe('https://api.test/v1/x?q=a+b%26c%3Dd%23e');
    expect(new URL(url).searchParams.get('q')).toBe('a b&c=d#e');
  });

  it('refuses a "." or ".." segment before building anything', () => {
    expect(() => buildURL('https://api.test/v1', ['responses', '..'])).toThrow(
      RequestValidationError,
    );
  });
});

describe('request URLs on the wire', () => {
  it.each([
    ['../admin', '/v1/responses/..%2Fadmin'],
    ['a/b?c#d', '/v1/responses/a%2Fb%3Fc%23d'],
  ])('sends the id %j as one path segment', async (id, path) => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL, apiKey: 'sk-test' });
    await client.responses.retrieve(id);
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe(path);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(url.pathname.split('/')).toHaveLength(4);
  });

  it.each([
    ['retrieve', (client: ResponsesClient) => client.responses.retrieve('..')],
    ['delete', (client: ResponsesClient) => client.responses.delete('.')],
    ['cancel', (client: ResponsesClient) => client.responses.cancel('')],
  ])(
    '%s with an id of ".", ".." or "" rejects with RequestValidationError and sends nothing',
    async (_, call) => {
      const seen = serve(server, () => okResponse());
      const client = new ResponsesClient({ baseURL, apiKey: 'sk-test' });
      const error = await rejectionOf(call(client));
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(seen).toHaveLength(0);
    },
  );

  it.each(['https://api.test/v1/', 'https://api.test/v1///'])(
    'drops the trailing slashes of the base URL %j',
    async (base) => {
      const seen = serve(server, () => okResponse());
      const client = new ResponsesClient({ baseURL: base });
      expect(client.baseURL).toBe('https://api.test/v1');
      await client.responses.retrieve('resp_1');
      expect(seen[0]?.url).toBe('https://api.test/v1/responses/resp_1');
    },
  );

  it('sends the retrieve params as a query string', async () => {
    const seen = serve(server, () => okResponse());
    const client = new ResponsesClient({ baseURL });
    await client.responses.retrieve('resp_1', {
      include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
      include_obfuscation: false,
    });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/responses/resp_1');
    expect(url.searchParams.getAll('include')).toEqual([
      'reasoning.encrypted_content',
      'message.output_text.logprobs',
    ]);
    expect(url.searchParams.get('include_obfuscation')).toBe('false');
    expect(url.searchParams.has('stream')).toBe(false);
    expect(url.searchParams.has('starting_after')).toBe(false);
  });

  it('sends the method and path of each call', async () => {
    const seen = serve(server, (request) =>
      request.method === 'DELETE'
        ? HttpResponse.json({ id: 'resp_1', object: 'response', deleted: true })
        : okResponse(),
    );
    const client = new ResponsesClient({ baseURL });
    await client.responses.create({ model: 'gpt-test', input: 'Hi' });
    await client.responses.retrieve('resp_1');
    await client.responses.cancel('resp_1');
    await client.responses.delete('resp_1');
    expect(seen.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /v1/responses',
      'GET /v1/responses/resp_1',
      'POST /v1/responses/resp_1/cancel',
      'DELETE /v1/responses/resp_1',
    ]);
  });
});
