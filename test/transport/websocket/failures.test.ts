import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  RateLimitError,
  RequestValidationError,
  StreamError,
} from '../../../src/errors.js';
import { errorMessage, send, textEvents } from './loopback.js';
import { clientOf, echo, serve } from './setup.js';

const params = { model: 'gpt-5', input: 'hi' };

describe('WebSocket transport: errors', () => {
  it('throws the error message before the first event as the APIError of its status', async () => {
    const server = await serve((_m, socket) =>
      send(socket, [errorMessage(400, 'invalid_value', 'Bad model.', { param: 'model' })]),
    );
    const error = await clientOf(server)
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_value', param: 'model' });
    expect(server.received).toHaveLength(1);
  });

  it('retries a 429 error message as over HTTP, then answers on the same connection', async () => {
    const server = await serve((message, socket, index) =>
      send(
        socket,
        index === 0
          ? [
              errorMessage(429, 'rate_limit_exceeded', 'Slow down.', {
                headers: { 'retry-after-ms': '10' },
              }),
            ]
          : textEvents('resp_1', `echo: ${String(message.input)}`),
      ),
    );
    const response = await clientOf(server).responses.create(params);
    expect(response.output_text).toBe('echo: hi');
    expect(server.received).toHaveLength(2);
    expect(server.connections).toBe(1);
  });

  it('throws RateLimitError once the retries are spent', async () => {
    const server = await serve((_m, socket) =>
      send(socket, [
        errorMessage(429, 'rate_limit_exceeded', 'Slow down.', {
          headers: { 'retry-after-ms': '1' },
        }),
      ]),
    );
    const error = await clientOf(server, { maxRetries: 1 })
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.received).toHaveLength(2);
  });

  it('throws StreamError for an error message after the first event', async () => {
    const server = await serve((_m, socket) =>
      send(socket, [
        textEvents('resp_1', 'partial')[0] as object,
        { ...errorMessage(500, 'server_error', 'It broke.'), sequence_number: 1 },
      ] as never),
    );
    const stream = await clientOf(server).responses.create({ ...params, stream: true });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event.type);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['response.created']);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ message: 'It broke.', code: 'server_error' });
  });

  it('throws the APIError of the status of a refused upgrade, without the key', async () => {
    const server = await echo({
      refuse: () => ({
        status: 401,
        body: { error: { message: 'Bad key sk-test-key.', code: 'invalid_api_key' } },
      }),
    });
    const error = await clientOf(server)
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('sk-test-key');
  });

  it('retries a refused upgrade whose status is retryable (503), on a new one', async () => {
    const server = await echo({
      refuse: (_request, index) =>
        index === 0 ? { status: 503, body: { error: { message: 'Busy.' } } } : undefined,
    });
    expect((await clientOf(server).responses.create(params)).output_text).toBe('echo: hi');
    expect(server.connections).toBe(1);
  });

  it('throws StreamError when the socket closes midway through a response', async () => {
    const server = await serve((_m, socket) => {
      send(socket, textEvents('resp_1', 'never ends').slice(0, 2));
      setTimeout(() => socket.terminate(), 20);
    });
    const stream = await clientOf(server).responses.create({ ...params, stream: true });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(String((error as Error).message)).toContain('closed (1006');
    expect(server.received).toHaveLength(1);
  });

  it('retries on a new socket a request whose socket closed before any event of it', async () => {
    const server = await serve((message, socket, index) => {
      if (index === 0) socket.terminate();
      else send(socket, textEvents('resp_1', `echo: ${String(message.input)}`));
    });
    expect((await clientOf(server).responses.create(params)).output_text).toBe('echo: hi');
    expect(server.connections).toBe(2);
    expect(server.received).toHaveLength(2);
  });

  it('does not retry a close whose code blames the request (1009 message too big)', async () => {
    const server = await serve((_m, socket) => socket.close(1009, 'too big'));
    const error = await clientOf(server)
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(String((error as Error).message)).toContain('1009');
    expect(server.received).toHaveLength(1);
  });

  it('reconnects at the connection age limit and sends the request again, unseen by the caller', async () => {
    const server = await serve((message, socket, index) => {
      if (index === 0) {
        send(socket, [
          errorMessage(400, 'websocket_connection_limit_reached', 'Connection too old.'),
        ]);
        return;
      }
      send(socket, textEvents(`resp_${index}`, `echo: ${String(message.input)}`));
    });
    const client = clientOf(server, { maxRetries: 0 });
    expect((await client.responses.create(params)).output_text).toBe('echo: hi');
    expect(server.connections).toBe(2);
    expect(server.received.map((m) => m.input)).toEqual(['hi', 'hi']);
  });

  it('fails with APITimeoutError when the server sends nothing within timeout', async () => {
    const server = await serve(() => {});
    const error = await clientOf(server, { timeout: 100, maxRetries: 0 })
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('answers a unary create whose response failed with that response, as over HTTP', async () => {
    const server = await serve((_m, socket) =>
      send(socket, [
        {
          type: 'response.created',
          sequence_number: 0,
          response: { id: 'r', object: 'response', status: 'in_progress', output: [] },
        },
        {
          type: 'response.failed',
          sequence_number: 1,
          response: {
            id: 'r',
            object: 'response',
            status: 'failed',
            output: [],
            error: { code: 'server_error', message: 'No.' },
          },
        },
      ]),
    );
    const response = await clientOf(server).responses.create(params);
    expect(response).toMatchObject({ id: 'r', status: 'failed', output_text: '' });
  });
});

describe('WebSocket transport: what it refuses before sending', () => {
  it('refuses background: true', async () => {
    const server = await echo();
    const error = await clientOf(server)
      .responses.create({ ...params, background: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(server.connections).toBe(0);
  });

  it('refuses headers of a request (they cannot go on a shared socket)', async () => {
    const server = await echo();
    const error = await clientOf(server)
      .responses.create(params, { headers: { 'x-trace': '1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(server.connections).toBe(0);
  });

  it('refuses a dialect without the WebSocket mode at run time too', async () => {
    const server = await echo();
    const error = await clientOf(server, { dialect: 'kawai' } as never)
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain('kawai');
    expect(server.connections).toBe(0);
  });

  it("sends a request with { transport: 'http' } over HTTP", async () => {
    const server = await echo({
      http: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ id: 'r', object: 'response', status: 'completed', output: [] }),
        );
      },
    });
    const response = await clientOf(server).responses.create(params, { transport: 'http' });
    expect(response.id).toBe('r');
    expect(server.httpRequests).toBe(1);
    expect(server.connections).toBe(0);
  });
});
