import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import { drain, frame, openEventStream, textEvents, useFaultServer } from './fault-server.js';

const server = useFaultServer();

describe('a long, slow and steady stream', () => {
  it('is never cut in 3 s of events 150 ms apart with a 400 ms timeout', async () => {
    const deltas = Array.from({ length: 14 }, (_, n) => `${n} `);
    const events = textEvents('resp_long', deltas);
    server.handle((_request, res) => {
      openEventStream(res);
      let next = 0;
      const stop = server.every(150, () => {
        res.write(frame(events[next++] as Record<string, unknown>));
        if (next === events.length) {
          stop();
          res.end();
        }
      });
    });
    const client = new ResponsesClient({ baseURL: server.baseURL, timeout: 400, maxRetries: 0 });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const { events: received, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(received).toHaveLength(events.length);
    expect((await stream.finalResponse()).output_text).toBe(deltas.join(''));
  });

  it('is kept alive by SSE comments alone: 1.2 s with no event, three times the timeout', async () => {
    const events = textEvents('resp_beats', ['one ', 'two']);
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(frame(events[0] as Record<string, unknown>));
      let beats = 0;
      const stop = server.every(100, () => {
        res.write(': keep-alive\n\n');
        if (++beats === 12) {
          stop();
          res.end(events.slice(1).map(frame).join(''));
        }
      });
    });
    const client = new ResponsesClient({ baseURL: server.baseURL, timeout: 400, maxRetries: 0 });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    expect((await stream.finalResponse()).output_text).toBe('one two');
  });
});
