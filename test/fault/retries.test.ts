import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  BadGatewayError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  RateLimitError,
  ResponsesClient,
  ServiceUnavailableError,
} from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  type FaultServer,
  frame,
  openEventStream,
  refusedPort,
  sendJSON,
  textEvents,
  useFaultServer,
} from './fault-server.js';

const server = useFaultServer();

const client = (maxRetries: number) => new ResponsesClient({ baseURL: server.baseURL, maxRetries });
const create = (maxRetries: number) =>
  client(maxRetries).responses.create({ model: 'm', input: 'hi' });
const overloaded = (status: number, headers: Record<string, string> = {}) =>
  ((_request, res) =>
    sendJSON(
      res,
      status,
      { error: { message: `upstream said ${status}`, type: 'server_error' } },
      { 'retry-after': '0', 'x-request-id': 'req_storm', ...headers },
    )) satisfies Parameters<FaultServer['handle']>[0];

describe('a storm of 5xx answers with retry-after', () => {
  it.each([
    { status: 500, ErrorClass: InternalServerError },
    { status: 502, ErrorClass: BadGatewayError },
    { status: 503, ErrorClass: ServiceUnavailableError },
    { status: 504, ErrorClass: InternalServerError },
  ])(
    'retries a $status maxRetries times, then throws $ErrorClass.name with its status, words and headers',
    async ({ status, ErrorClass }) => {
      server.handle(overloaded(status));
      const error = await caught(() => create(3));
      expect(server.requests).toHaveLength(4);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, type: 'server_error', requestId: 'req_storm' });
      expect((error as APIError).message).toBe(`${status} upstream said ${status}`);
      expect((error as APIError).headers.get('retry-after')).toBe('0');
    },
  );

  it('sends the same body on every attempt', async () => {
    server.handle(overloaded(503));
    await caught(() => create(2));
    const bodies = server.requests.map((request) => request.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string)).toMatchObject({ model: 'm', input: 'hi' });
  });

  it('returns the answer that follows the storm', async () => {
    server.handle((request, res, index) =>
      index < 2
        ? overloaded(502)(request, res)
        : sendJSON(res, 200, completedResponse('resp_after', 'calm again')),
    );
    expect((await create(2)).output_text).toBe('calm again');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a streamed create the same way, before any event', async () => {
    server.handle((request, res, index) => {
      if (index < 2) return overloaded(503)(request, res);
      openEventStream(res);
      res.end(textEvents('resp_s', ['streamed']).map(frame).join(''));
    });
    const stream = await client(2).responses.create({ model: 'm', input: 'hi', stream: true });
    expect((await stream.finalResponse()).output_text).toBe('streamed');
    expect(server.requests).toHaveLength(3);
  });

  it('throws the typed error of a streamed create once the retries are spent', async () => {
    server.handle(overloaded(503));
    const error = await caught(() =>
      client(1).responses.create({ model: 'm', input: 'hi', stream: true }),
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries after the normal backoff when retry-after is an HTTP date that has passed', async () => {
    server.handle(overloaded(503, { 'retry-after': new Date(0).toUTCString() }));
    await caught(() => create(2));
    expect(server.requests).toHaveLength(3);
  });

  it('never retries once a streamed body has started, even when it breaks', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(textEvents('resp_once', ['a', 'b']).slice(0, 2).map(frame).join(''));
      server.later(5, () => res.socket?.destroy());
    });
    const stream = await client(3).responses.create({ model: 'm', input: 'hi', stream: true });
    const { error } = await drain(stream);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('429 with retry-after-ms', () => {
  it('retries maxRetries times, then throws RateLimitError with the headers', async () => {
    server.handle((_request, res) =>
      sendJSON(
        res,
        429,
        { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
        { 'retry-after-ms': '5', 'x-ratelimit-remaining-requests': '0' },
      ),
    );
    const error = await caught(() => create(2));
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      message: '429 Rate limit reached',
    });
    expect((error as APIError).headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });

  it('returns the answer once the limit lifts', async () => {
    server.handle((_request, res, index) =>
      index === 0
        ? sendJSON(res, 429, { error: { message: 'slow down' } }, { 'retry-after-ms': '5' })
        : sendJSON(res, 200, completedResponse('resp_ok', 'lifted')),
    );
    expect((await create(2)).output_text).toBe('lifted');
    expect(server.requests).toHaveLength(2);
  });
});

describe('what is not retried', () => {
  it.each([400, 401, 403, 404, 422])('a %i is thrown at once', async (status) => {
    server.handle((_request, res) => sendJSON(res, status, { error: { message: 'no' } }));
    const error = await caught(() => create(3));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status });
  });

  it('a 503 that says x-should-retry: false is thrown at once', async () => {
    server.handle(overloaded(503, { 'x-should-retry': 'false' }));
    expect(await caught(() => create(3))).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(1);
  });

  it('a 400 that says x-should-retry: true is retried', async () => {
    server.handle((_request, res) =>
      sendJSON(
        res,
        400,
        { error: { message: 'again' } },
        { 'x-should-retry': 'true', 'retry-after': '0' },
      ),
    );
    expect(await caught(() => create(1))).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(2);
  });

  it('408 and 409 are retried like 5xx', async () => {
    for (const status of [408, 409]) {
      server.handle(overloaded(status));
      const error = await caught(() => create(1));
      expect(server.requests).toHaveLength(2);
      expect(error).toBeInstanceOf(status === 409 ? ConflictError : APIError);
    }
  });
});

describe('a connection refused', () => {
  it('throws APIConnectionError naming the refusal, with its cause', async () => {
    const port = await refusedPort();
    const refused = new ResponsesClient({ baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    const error = await caught(() => refused.responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(/^Connection error: .*ECONNREFUSED/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
