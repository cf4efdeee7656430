import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../../../src/errors.js';
import { drainMs } from '../../../src/transport/websocket/connection.js';
import { send, textEvents } from './loopback.js';
import { clientOf, echo, serve, sleep, until } from './setup.js';

const params = { model: 'gpt-5', input: 'hi' };

/** A server that sends a response's first events, then the rest only when told. */
async function slow() {
  const release: (() => void)[] = [];
  const server = await serve((message, socket, index) => {
    const events = textEvents(`resp_${index}`, `echo: ${String(message.input)}`, 4);
    send(socket, events.slice(0, 2));
    release.push(() => send(socket, events.slice(2)));
  });
  return { server, release };
}

describe('WebSocket transport: aborts', () => {
  it('sends nothing for a signal aborted before the request', async () => {
    const server = await echo();
    const error = await clientOf(server)
      .responses.create(params, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.connections).toBe(0);
  });

  it('aborts during the upgrade', async () => {
    const server = await echo({ upgradeDelay: 200 });
    const controller = new AbortController();
    const pending = clientOf(server).responses.create(params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.received).toHaveLength(0);
  });

  it('aborts a request waiting for a connection, and the others go on', async () => {
    const { server, release } = await slow();
    const client = clientOf(server, { maxSockets: 1 });
    const first = client.responses.create({ ...params, input: 'one' });
    await until(() => server.received.length === 1);
    const controller = new AbortController();
    const waiting = client.responses.create(
      { ...params, input: 'two' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
    release[0]?.();
    expect((await first).output_text).toBe('echo: one');
    expect(server.received.map((m) => m.input)).toEqual(['one']);
  });

  it('aborts while waiting for the first event; the connection serves the next request', async () => {
    const answers: (() => void)[] = [];
    const server = await serve((message, socket, index) => {
      const events = textEvents(`resp_${index}`, `echo: ${String(message.input)}`);
      if (index === 0) answers.push(() => send(socket, events));
      else send(socket, events);
    });
    const client = clientOf(server, { maxSockets: 1 });
    const controller = new AbortController();
    const pending = client.responses.create(params, { signal: controller.signal });
    await until(() => server.received.length === 1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    const next = client.responses.create({ ...params, input: 'next' });
    answers[0]?.();
    expect((await next).output_text).toBe('echo: next');
    expect(server.connections).toBe(1);
  });

  it('ends a stream at once on its signal, with APIUserAbortError; its socket serves the next request', async () => {
    const { server, release } = await slow();
    const client = clientOf(server, { maxSockets: 1 });
    const controller = new AbortController();
    const stream = await client.responses.create(
      { ...params, stream: true },
      { signal: controller.signal },
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) {
        seen.push(event.type);
        if (seen.length === 2) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(2);
    // The next request waits while the aborted response ends on the socket (its events dropped).
    const next = client.responses.create({ ...params, input: 'next' });
    await sleep(20);
    expect(server.received).toHaveLength(1);
    release[0]?.();
    await until(() => server.received.length === 2);
    release[1]?.();
    expect((await next).output_text).toBe('echo: next');
    expect(server.connections).toBe(1);
    expect(server.sockets[0]?.readyState).toBe(1);
  });

  it('closes the socket of an aborted response that does not end within drainMs, and opens another', async () => {
    const { server, release } = await slow();
    const client = clientOf(server, { maxSockets: 1 });
    const stream = await client.responses.create({ ...params, stream: true });
    for await (const _ of stream) break;
    const next = client.responses.create({ ...params, input: 'next' });
    // The first response never ends: after drainMs its socket is closed, which tells the server.
    await until(() => server.sockets[0]?.readyState === 3, drainMs + 2_000);
    await until(() => server.received.length === 2);
    release[1]?.();
    expect((await next).output_text).toBe('echo: next');
    expect(server.connections).toBe(2);
  });

  it('ends a for await quietly on abort(), and on break; one socket serves all three', async () => {
    const { server, release } = await slow();
    const client = clientOf(server, { maxSockets: 1 });
    const aborted = await client.responses.create({ ...params, stream: true });
    let count = 0;
    for await (const _ of aborted) if (++count === 1) aborted.abort();
    expect(count).toBe(1);
    await expect(aborted.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
    release[0]?.();
    const broken = await client.responses.create({ ...params, input: 'two', stream: true });
    for await (const _ of broken) break;
    release[1]?.();
    const third = client.responses.create({ ...params, input: 'three' });
    await until(() => server.received.length === 3);
    release[2]?.();
    expect((await third).output_text).toBe('echo: three');
    expect(release).toHaveLength(3);
    expect(server.connections).toBe(1);
  });

  it('keeps the socket when a stream is left after its terminal event', async () => {
    const server = await echo();
    const client = clientOf(server);
    const stream = await client.responses.create({ ...params, stream: true });
    for await (const event of stream) if (event.type === 'response.completed') break;
    await sleep(20);
    await client.responses.create(params);
    expect(server.connections).toBe(1);
  });

  it('drops nothing of the next response after an aborted one (no cross-talk)', async () => {
    const server = await serve((message, socket, index) => {
      const events = textEvents(`resp_${index}`, `echo: ${String(message.input)}`, 4);
      // The aborted response keeps sending for a while, as a server that has not noticed yet.
      for (const [at, event] of events.entries())
        setTimeout(() => socket.readyState === 1 && socket.send(JSON.stringify(event)), at * 15);
    });
    const client = clientOf(server);
    const first = await client.responses.create({ ...params, input: 'first', stream: true });
    for await (const _ of first) break;
    const second = await client.responses.create({ ...params, input: 'second', stream: true });
    let text = '';
    for await (const event of second)
      if (event.type === 'response.output_text.delta') text += event.delta;
    expect(text).toBe('echo: second');
  });
});
