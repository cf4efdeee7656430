import { describe, expect, it } from 'vitest';
import { createFakeServer } from '../../src/testing/index.js';

const model = 'fake-model';

describe("createFakeServer's WebSocket (the constructor)", () => {
  const url = 'wss://fake.responses.test/v1/responses';

  it('opens, answers a message frame by frame, and closes cleanly, as a WHATWG socket does', async () => {
    const server = createFakeServer({ turns: ['Hi.'] });
    const socket = new server.WebSocket(url);
    expect(socket.readyState).toBe(0);
    expect(() => socket.send('{}')).toThrow(/connecting/);
    await new Promise((open) => {
      socket.onopen = open;
    });
    const frames: string[] = [];
    const done = new Promise<void>((resolve) => {
      socket.onmessage = (event) => {
        frames.push(event.data);
        if (event.data.includes('"response.completed"')) resolve();
      };
    });
    socket.send(
      JSON.stringify({ type: 'response.create', model, input: 'hi', stream_id: 'lane_1' }),
    );
    await done;
    const events = frames.map((frame) => JSON.parse(frame) as { type: string; stream_id?: string });
    expect(events[0]?.type).toBe('response.created');
    expect(events.every((event) => event.stream_id === 'lane_1')).toBe(true);
    expect(() => socket.close(1001)).toThrow(/close code/);
    const closed = new Promise<{ code: number; wasClean: boolean }>((resolve) => {
      socket.onclose = resolve;
    });
    socket.close(1000, 'bye');
    expect(await closed).toMatchObject({ code: 1000, wasClean: true });
  });

  it('answers a message that is not a response.create with an error message', async () => {
    const server = createFakeServer({ turns: [] });
    const socket = new server.WebSocket(url);
    await new Promise((open) => socket.addEventListener('open', open));
    const reply = new Promise<string>((resolve) => {
      socket.onmessage = (event) => resolve(event.data);
    });
    socket.send(JSON.stringify({ type: 'response.cancel' }));
    expect(JSON.parse(await reply)).toMatchObject({ type: 'error', status: 400 });
    socket.close();
  });
});
