import { describe, expect, it } from 'vitest';
import { APITimeoutError, ResponsesClient } from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  textEvents,
  useFaultServer,
} from './fault-server.js';

const server = useFaultServer();

/**
 * A client whose `timeout` is short, so that a stall is seen within a second (the streams' 1 s is
 * long enough for a loaded CI machine to send the headers in time). (That a timed-out connection
 * is closed is checked after each test, by `allClosed`.)
 */
const client = (timeout: number) =>
  new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0, timeout });
const events = textEvents('resp_stall', ['one ', 'two ', 'three']);

describe('a server that stalls', () => {
  it('fails a unary create with APITimeoutError when no headers come within timeout', async () => {
    server.handle(() => {});
    const error = await caught(() => client(50).responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('Request timed out after 50 ms.');
  });

  it('fails a unary create with APITimeoutError when the body stalls after the headers', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"resp_stall",');
    });
    const error = await caught(() => client(50).responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('fails a streamed create with APITimeoutError when no headers come within timeout', async () => {
    server.handle(() => {});
    const error = await caught(() =>
      client(50).responses.create({ model: 'm', input: 'hi', stream: true }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('fails the iteration with APITimeoutError when a stream stalls between events, and closes the connection', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(events.slice(0, 4).map(frame).join(''));
    });
    const stream = await client(1_000).responses.create({ model: 'm', input: 'hi', stream: true });
    const { events: received, error } = await drain(stream);
    expect(received).toHaveLength(4);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('The stream sent nothing for 1000 ms.');
    await server.closed(0);
  });

  it('fails with APITimeoutError when a stream stalls in the middle of an event', async () => {
    const half = frame(events[4] as Record<string, unknown>).slice(0, 25);
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(events.slice(0, 4).map(frame).join('') + half);
    });
    const stream = await client(1_000).responses.create({ model: 'm', input: 'hi', stream: true });
    const { events: received, error } = await drain(stream);
    expect(received).toHaveLength(4);
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it('fails with APITimeoutError when the headers come at once but no event ever does', async () => {
    server.handle((_request, res) => openEventStream(res));
    const stream = await client(1_000).responses.create({ model: 'm', input: 'hi', stream: true });
    const error = await caught(() => stream.finalResponse());
    expect(error).toBeInstanceOf(APITimeoutError);
  });
});

describe('a server that drips slowly but steadily', () => {
  it('is never cut, though the whole stream lasts several times the timeout', async () => {
    const deltas = Array.from({ length: 24 }, (_, n) => `${n} `);
    const slow = textEvents('resp_drip', deltas);
    server.handle((_request, res) => {
      openEventStream(res);
      let next = 0;
      const stop = server.every(20, () => {
        res.write(frame(slow[next++] as Record<string, unknown>));
        if (next === slow.length) {
          stop();
          res.end();
        }
      });
    });
    // 30 events 20 ms apart: 0.6 s in all, three times the 200 ms timeout.
    const stream = await client(200).responses.create({ model: 'm', input: 'hi', stream: true });
    const { events: received, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(received).toHaveLength(slow.length);
    expect((await stream.finalResponse()).output_text).toBe(deltas.join(''));
  });

  it('is never cut when a unary body arrives in slow pieces within the timeout', async () => {
    const body = JSON.stringify(completedResponse('resp_slow', 'in pieces'));
    server.handle((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let at = 0;
      const stop = server.every(10, () => {
        res.write(body.slice(at, at + 40));
        at += 40;
        if (at >= body.length) {
          stop();
          res.end();
        }
      });
    });
    const response = await client(5_000).responses.create({ model: 'm', input: 'hi' });
    expect(response.output_text).toBe('in pieces');
  });
});
