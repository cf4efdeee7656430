import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  ResponsesClient,
  ResponsesError,
  StreamError,
} from '../../src/index.js';
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

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
const events = textEvents('resp_drop', ['Hello', ', ', 'wor', 'ld', '!']);
const stream = () => client().responses.create({ model: 'm', input: 'hi', stream: true });

describe('a connection dropped mid-stream', () => {
  it.each([1, 3, 6, events.length - 1])(
    'throws APIConnectionError after delivering the events that arrived whole (%i)',
    async (whole) => {
      server.handle((_request, res) => {
        openEventStream(res);
        res.write(events.slice(0, whole).map(frame).join(''));
        server.later(5, () => res.socket?.destroy());
      });
      const { events: received, error } = await drain(await stream());
      expect(received).toEqual(events.slice(0, whole));
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error).not.toBeInstanceOf(APITimeoutError);
      expect((error as Error).message).toBe(
        'The connection broke while the stream was being read.',
      );
      expect((error as Error).cause).toBeDefined();
    },
  );

  it('drops the half-received event instead of yielding it, when the socket dies inside it', async () => {
    const cut = frame(events[3] as Record<string, unknown>);
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(events.slice(0, 3).map(frame).join('') + cut.slice(0, cut.length / 2));
      server.later(5, () => res.socket?.destroy());
    });
    const { events: received, error } = await drain(await stream());
    expect(received).toEqual(events.slice(0, 3));
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('keeps lastSequenceNumber at the last whole event, to resume from', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(events.slice(0, 4).map(frame).join(''));
      server.later(5, () => res.socket?.destroy());
    });
    const dropped = await stream();
    await drain(dropped);
    expect(dropped.lastSequenceNumber).toBe(3);
  });

  it('rejects finalResponse() with the same APIConnectionError', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(events.slice(0, 4).map(frame).join(''));
      server.later(5, () => res.socket?.destroy());
    });
    const error = await caught(async () => (await stream()).finalResponse());
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('throws StreamError, not a silent end, when the server closes the body cleanly before the terminal event', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(events.slice(0, 4).map(frame).join(''));
    });
    const { events: received, error } = await drain(await stream());
    expect(received).toHaveLength(4);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/ended before a terminal event/);
  });

  it('delivers a last event whose closing blank line never came, then ends cleanly', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(events.map(frame).join('').replace(/\n\n$/, ''));
    });
    const { events: received, error } = await drain(await stream());
    expect(error).toBeUndefined();
    expect(received.at(-1)?.type).toBe('response.completed');
  });

  it('throws StreamError when the headers came but the body ends at once', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end();
    });
    const { events: received, error } = await drain(await stream());
    expect(received).toEqual([]);
    expect(error).toBeInstanceOf(StreamError);
  });
});

describe('a connection dropped before or during a unary answer', () => {
  it('throws APIConnectionError when the socket is destroyed before any answer', async () => {
    server.handle((_request, res) => res.socket?.destroy());
    const error = await caught(() => client().responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/^Connection error: /);
  });

  it('throws APIConnectionError when the socket is destroyed halfway through the JSON body', async () => {
    const body = JSON.stringify(completedResponse('resp_half', 'x'.repeat(2000)));
    server.handle((_request, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(body.length),
      });
      res.write(body.slice(0, 1000));
      server.later(5, () => res.socket?.destroy());
    });
    const error = await caught(() => client().responses.create({ model: 'm', input: 'hi' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'The connection broke while the response body was being read.',
    );
  });
});

describe('every dropped connection', () => {
  it('fails with a ResponsesError whatever the byte it was cut at', async () => {
    const body = events.map(frame).join('');
    const cuts = [0, 1, 7, 30, body.indexOf('\n\n') + 1, body.length >> 1, body.length - 1];
    for (const at of cuts) {
      server.handle((_request, res) => {
        openEventStream(res);
        if (at > 0) res.write(body.slice(0, at));
        server.later(5, () => res.socket?.destroy());
      });
      const { error } = await drain(await stream());
      expect(error, `cut at byte ${at}`).toBeInstanceOf(ResponsesError);
    }
  });
});
