import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  type FetchLike,
  ResponsesClient,
  ServiceUnavailableError,
} from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  refusedPort,
  sendJSON,
  textEvents,
  useFaultServer,
} from './fault-server.js';

const server = useFaultServer();

/** A fetch that counts its calls, through the public `fetch` option. */
function counted(): { fetch: FetchLike; calls: () => number } {
  let calls = 0;
  return {
    fetch: (url, init) => {
      calls++;
      return globalThis.fetch(url, init);
    },
    calls: () => calls,
  };
}

describe('retries with the default backoff (0.5 s, then 1 s, less jitter)', () => {
  it.each([false, true])(
    'retries a refused connection twice by default, then throws APIConnectionError (stream: %s)',
    async (stream) => {
      const port = await refusedPort();
      const { fetch, calls } = counted();
      const client = new ResponsesClient({ baseURL: `http://127.0.0.1:${port}/v1`, fetch });
      const error = await caught(() =>
        client.responses.create({ model: 'm', input: 'hi', stream }),
      );
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
      expect(calls()).toBe(3);
    },
  );

  it('retries a timeout while waiting for headers, and returns the answer of the next attempt', async () => {
    server.handle((_request, res, index) => {
      if (index === 0) return; // the first attempt stalls until the client gives up on it
      sendJSON(res, 200, completedResponse('resp_late', 'second attempt'));
    });
    const client = new ResponsesClient({ baseURL: server.baseURL, timeout: 200, maxRetries: 1 });
    const response = await client.responses.create({ model: 'm', input: 'hi' });
    expect(response.output_text).toBe('second attempt');
    expect(server.requests).toHaveLength(2);
    await server.closed(0);
  });

  it('throws APITimeoutError once every attempt has timed out', async () => {
    server.handle(() => {});
    const client = new ResponsesClient({ baseURL: server.baseURL, timeout: 100, maxRetries: 2 });
    const error = await caught(() =>
      client.responses.create({ model: 'm', input: 'hi', stream: true }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(3);
  });

  it('backs off without retry-after on a 503 storm, then throws ServiceUnavailableError', async () => {
    server.handle((_request, res) => sendJSON(res, 503, { error: { message: 'overloaded' } }));
    const client = new ResponsesClient({ baseURL: server.baseURL });
    const error = await caught(() => client.responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a connection dropped before the headers, and returns the answer of the next attempt', async () => {
    server.handle((_request, res, index) => {
      if (index === 0) return res.socket?.destroy();
      sendJSON(res, 200, completedResponse('resp_again', 'second time'));
    });
    const client = new ResponsesClient({ baseURL: server.baseURL, maxRetries: 1 });
    const response = await client.responses.create({ model: 'm', input: 'hi' });
    expect(response.output_text).toBe('second time');
    expect(server.requests).toHaveLength(2);
  });

  it('retries a connection reset before the headers, then streams the next attempt', async () => {
    server.handle((_request, res, index) => {
      if (index < 2) return res.socket?.destroy();
      openEventStream(res);
      res.end(textEvents('resp_reset', ['third ', 'time']).map(frame).join(''));
    });
    const client = new ResponsesClient({ baseURL: server.baseURL });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const { error } = await drain(stream);
    expect(error).toBeUndefined();
    expect((await stream.finalResponse()).output_text).toBe('third time');
    expect(server.requests).toHaveLength(3);
  });
});
