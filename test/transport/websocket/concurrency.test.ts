import { describe, expect, it } from 'vitest';
import { type Json, send, textEvents } from './loopback.js';
import { clientOf, serve, sleep } from './setup.js';

describe('WebSocket transport: one response at a time per connection', () => {
  it('reuses one connection for requests made one after another', async () => {
    const server = await serve((message, socket, index) =>
      send(socket, textEvents(`resp_${index}`, `echo: ${String(message.input)}`)),
    );
    const client = clientOf(server);
    for (const input of ['a', 'b', 'c'])
      expect((await client.responses.create({ model: 'm', input })).output_text).toBe(
        `echo: ${input}`,
      );
    expect(server.connections).toBe(1);
  });

  it('delivers every event of a stream in order', async () => {
    const server = await serve((_m, socket) =>
      send(socket, textEvents('resp_1', 'abcdefghij', 10)),
    );
    const stream = await clientOf(server).responses.create({
      model: 'm',
      input: 'x',
      stream: true,
    });
    const sequence: unknown[] = [];
    let text = '';
    for await (const event of stream) {
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(sequence).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(text).toBe('abcdefghij');
  });

  it('runs concurrent requests on at most maxSockets connections, each getting its own events', async () => {
    let inFlight = 0;
    let most = 0;
    const perSocket = new Map<object, number>();
    const server = await serve(async (message, socket, index) => {
      const busy = (perSocket.get(socket) ?? 0) + 1;
      perSocket.set(socket, busy);
      // No socket ever carries two responses at once.
      expect(busy).toBe(1);
      inFlight += 1;
      most = Math.max(most, inFlight);
      const events = textEvents(`resp_${index}`, `echo: ${String(message.input)}`, 5);
      for (const [at, event] of events.entries()) {
        if (at === events.length - 1) {
          // The terminal event ends the response: the socket may carry the next one at once.
          inFlight -= 1;
          perSocket.set(socket, busy - 1);
        } else await sleep(1 + (index % 3));
        socket.send(JSON.stringify(event));
      }
    });
    const client = clientOf(server, { maxSockets: 2 });
    const inputs = Array.from({ length: 8 }, (_, i) => `request ${i}`);
    const texts = await Promise.all(
      inputs.map(async (input) => {
        const stream = await client.responses.create({ model: 'm', input, stream: true });
        let text = '';
        for await (const event of stream)
          if (event.type === 'response.output_text.delta') text += event.delta;
        return text;
      }),
    );
    expect(texts).toEqual(inputs.map((input) => `echo: ${input}`));
    expect(server.connections).toBe(2);
    expect(most).toBe(2);
  });

  it('keeps a conversation on its own connection while others use theirs', async () => {
    const bySocket = new Map<object, string[]>();
    const server = await serve((message, socket, index) => {
      const seen = bySocket.get(socket) ?? [];
      seen.push(String((message.metadata as Json | undefined)?.who));
      bySocket.set(socket, seen);
      send(socket, textEvents(`resp_${index}`, 'ok'));
    });
    const client = clientOf(server, { maxSockets: 3 });
    const a = client.conversation({ model: 'm', metadata: { who: 'a' } });
    const b = client.conversation({ model: 'm', metadata: { who: 'b' } });
    for (let turn = 0; turn < 3; turn++) await Promise.all([a.send('hi'), b.send('hi')]);
    const lanes = [...bySocket.values()].map((seen) => [...new Set(seen)]);
    expect(lanes.sort()).toEqual([['a'], ['b']]);
  });
});
