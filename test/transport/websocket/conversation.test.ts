import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { callEvents, errorMessage, type Json, send, textEvents } from './loopback.js';
import { clientOf, serve } from './setup.js';

const tools = {
  get_weather: {
    parameters: z.object({ city: z.string() }),
    execute: ({ city }: { city: string }) => ({ city, temperature: '-3°C' }),
  },
};

const items = (message: Json) => (Array.isArray(message.input) ? (message.input as Json[]) : []);

/**
 * A server that answers each turn with two rounds of calls to get_weather, then text, and keeps
 * responses only on the socket that made them (as `store: false` does): an unknown
 * `previous_response_id` is `previous_response_not_found`.
 */
async function toolServer() {
  const known = new Map<object, Set<string>>();
  let round = 0;
  let made = 0;
  return serve((message, socket) => {
    const mine = known.get(socket) ?? new Set<string>();
    known.set(socket, mine);
    const previous = message.previous_response_id;
    if (typeof previous === 'string' && !mine.has(previous)) {
      send(socket, [
        errorMessage(
          400,
          'previous_response_not_found',
          `Previous response with id '${previous}' not found.`,
          {
            param: 'previous_response_id',
          },
        ),
      ]);
      return;
    }
    const id = `resp_${++made}`;
    mine.add(id);
    // The round: outputs after the turn's user message (the whole turn when replayed), or one
    // more than the last when only the new outputs came (chained by id).
    const input = items(message);
    let user = -1;
    input.forEach((item, at) => {
      if (item.role === 'user') user = at;
    });
    round =
      user >= 0
        ? input.slice(user).filter((item) => item.type === 'function_call_output').length
        : round + 1;
    send(
      socket,
      round < 2
        ? callEvents(id, 'get_weather', { city: 'Oslo' }, `call_${id}`)
        : textEvents(id, `done after ${round} rounds`),
    );
  });
}

describe('WebSocket transport: a conversation', () => {
  it('runs 3 turns of a 2-round tool loop over one connection and no HTTP request', async () => {
    const server = await toolServer();
    const client = clientOf(server);
    const chat = client.conversation({ model: 'm', tools, store: false, transport: 'websocket' });
    for (const turn of ['one', 'two', 'three'])
      expect((await chat.send(turn)).output_text).toBe('done after 2 rounds');
    expect(server.received).toHaveLength(9);
    expect(server.connections).toBe(1);
    expect(server.httpRequests).toBe(0);
    // store: false, and yet every request after the first chains by id (the socket's cache).
    expect(server.received.slice(1).every((m) => typeof m.previous_response_id === 'string')).toBe(
      true,
    );
    expect(chat.items).toHaveLength(3 * (1 + 2 * 2 + 1));
  });

  it('streams a turn over the socket, every round', async () => {
    const server = await toolServer();
    const chat = clientOf(server).conversation({ model: 'm', tools, store: false });
    const types = new Set<unknown>();
    for await (const event of chat.stream('hi')) types.add(event.type);
    expect(types.has('response.output_item.done')).toBe(true);
    expect(types.has('response.output_text.delta')).toBe(true);
    expect(server.connections).toBe(1);
  });

  it('replays the history when a new socket no longer knows the last response', async () => {
    const server = await toolServer();
    const chat = clientOf(server).conversation({ model: 'm', tools, store: false });
    await chat.send('one');
    // The server drops the socket between turns (its age limit, a restart): the cache goes with it.
    server.sockets[0]?.close(1001, 'going away');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await chat.send('two')).output_text).toBe('done after 2 rounds');
    expect(server.connections).toBe(2);
    // One request replayed; the rounds after it chain again on the new socket.
    expect(chat.strategy).toBe('previous_response_id');
    const at = server.received.findIndex((m, i) => i > 3 && m.previous_response_id === undefined);
    const replayed = server.received[at];
    expect(
      server.received.slice(at + 1).every((m) => typeof m.previous_response_id === 'string'),
    ).toBe(true);
    expect(
      items(replayed ?? {}).some((item) => item.role === 'user' && item.content === 'one'),
    ).toBe(true);
  });

  it("sends a conversation's turns over HTTP when it says transport: 'http'", async () => {
    const server = await toolServer();
    const chat = clientOf(server, { maxRetries: 0 }).conversation({
      model: 'm',
      transport: 'http',
    });
    await chat.send('hi').catch(() => {});
    expect(server.httpRequests).toBe(1);
    expect(server.connections).toBe(0);
  });
});
