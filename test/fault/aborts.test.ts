import { describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  type FetchLike,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
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

const server = useFaultServer();

/** A client whose fetch tells when the response headers are in (through the public `fetch` option). */
function watchedClient(maxRetries = 0) {
  let headersIn: () => void = () => {};
  const headers = new Promise<void>((resolve) => {
    headersIn = resolve;
  });
  const fetch: FetchLike = async (url, init) => {
    const response = await globalThis.fetch(url, init);
    headersIn();
    return response;
  };
  return { client: new ResponsesClient({ baseURL: server.baseURL, maxRetries, fetch }), headers };
}
const events = textEvents('resp_abort', ['a', 'b', 'c', 'd']);
/** Starts a stream, sends the events up to `upTo`, and holds the connection open. */
const holdAfter = (upTo: number) =>
  server.handle((_request, res) => {
    openEventStream(res);
    res.write(events.slice(0, upTo).map(frame).join(''));
  });

describe('an abort before the request is sent', () => {
  it('throws APIUserAbortError and sends nothing, unary and streamed', async () => {
    server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_x', 'x')));
    const { client } = watchedClient();
    const signal = AbortSignal.abort();
    const unary = await caught(() =>
      client.responses.create({ model: 'm', input: 'hi' }, { signal }),
    );
    const streamed = await caught(() =>
      client.responses.create({ model: 'm', input: 'hi', stream: true }, { signal }),
    );
    expect(unary).toBeInstanceOf(APIUserAbortError);
    expect(streamed).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('an abort while waiting for the response headers', () => {
  it.each([false, true])(
    'throws APIUserAbortError and closes the connection (stream: %s)',
    async (stream) => {
      server.handle(() => {});
      const { client } = watchedClient();
      const controller = new AbortController();
      const pending = caught(() =>
        client.responses.create({ model: 'm', input: 'hi', stream }, { signal: controller.signal }),
      );
      await server.received(1);
      controller.abort();
      expect(await pending).toBeInstanceOf(APIUserAbortError);
      await server.closed(0);
    },
  );
});

describe('an abort during the backoff before a retry', () => {
  it('throws APIUserAbortError at once, without the retry, though the server asked for 60 s', async () => {
    server.handle((_request, res) =>
      sendJSON(res, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '60000' }),
    );
    const { client } = watchedClient(3);
    const controller = new AbortController();
    const pending = caught(() =>
      client.responses.create({ model: 'm', input: 'hi' }, { signal: controller.signal }),
    );
    await server.closed(0);
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('an abort while a unary body is being read', () => {
  it('throws APIUserAbortError and closes the connection', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"resp_abort","object":"response",');
    });
    const { client, headers } = watchedClient();
    const controller = new AbortController();
    const pending = caught(() =>
      client.responses.create({ model: 'm', input: 'hi' }, { signal: controller.signal }),
    );
    await headers;
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    await server.closed(0);
  });
});

describe('an abort mid-stream', () => {
  it("throws APIUserAbortError from the loop when the caller's signal aborts, and closes the connection", async () => {
    holdAfter(4);
    const { client } = watchedClient();
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { signal: controller.signal },
    );
    const received: unknown[] = [];
    const error = await caught(async () => {
      for await (const event of stream) {
        received.push(event);
        if (received.length === 2) controller.abort();
      }
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(received).toHaveLength(2);
    await server.closed(0);
  });

  it('ends the loop quietly at stream.abort(), and closes the connection', async () => {
    holdAfter(4);
    const { client } = watchedClient();
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const received: unknown[] = [];
    for await (const event of stream) {
      received.push(event);
      if (received.length === 2) stream.abort();
    }
    expect(received).toHaveLength(2);
    await server.closed(0);
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('ends quietly when stream.abort() comes before the loop starts', async () => {
    holdAfter(4);
    const { client } = watchedClient();
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    stream.abort();
    const { events: received, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(received).toEqual([]);
    await server.closed(0);
  });

  it('closes the connection when the loop breaks, and finalResponse() says the stream was left', async () => {
    holdAfter(4);
    const { client } = watchedClient();
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const _event of stream) break;
    await server.closed(0);
    const error = await caught(() => stream.finalResponse());
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toBe('The stream was left before its terminal event arrived.');
  });

  it('rejects finalResponse() with APIUserAbortError when the signal aborts while it waits', async () => {
    holdAfter(4);
    const { client } = watchedClient();
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { signal: controller.signal },
    );
    const final = caught(() => stream.finalResponse());
    controller.abort();
    expect(await final).toBeInstanceOf(APIUserAbortError);
    await server.closed(0);
  });
});

describe('an abort after the end', () => {
  it('changes nothing for a unary create that has resolved', async () => {
    server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_done', 'done')));
    const { client } = watchedClient();
    const controller = new AbortController();
    const response = await client.responses.create(
      { model: 'm', input: 'hi' },
      { signal: controller.signal },
    );
    controller.abort();
    expect(response.output_text).toBe('done');
  });

  it('changes nothing for a stream that has ended: no error, the final response kept', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(events.map(frame).join(''));
    });
    const { client } = watchedClient();
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { signal: controller.signal },
    );
    const { events: received, error } = await drain(stream);
    controller.abort();
    stream.abort();
    expect(error).toBeUndefined();
    expect(received).toHaveLength(events.length);
    expect((await stream.finalResponse()).output_text).toBe('abcd');
  });
});
