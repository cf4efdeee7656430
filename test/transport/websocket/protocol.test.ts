import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ResponsesClient } from '../../../src/client.js';
import { ResponseStream } from '../../../src/stream/response-stream.js';
import { type Json, type Loopback, loopback, send, textEvents } from './loopback.js';

let server: Loopback | undefined;
let client: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

/** A server that answers every request with the text of its input. */
async function echo() {
  server = await loopback((message, socket, index) =>
    send(socket, textEvents(`resp_${index}`, `echo: ${String(message.input)}`)),
  );
  return server;
}

function clientOf(baseURL: string, options: Json = {}) {
  const made = new ResponsesClient({
    baseURL,
    apiKey: 'sk-test',
    transport: 'websocket',
    WebSocket,
    ...options,
  });
  client = made;
  return made;
}

describe('WebSocket transport: the protocol', () => {
  it('sends one response.create message per request, without stream or background, on /responses with the key in the upgrade', async () => {
    const { baseURL, received, authorizations } = await echo();
    const responses = clientOf(baseURL).responses;
    const response = await responses.create({
      model: 'gpt-5',
      input: 'hi',
      stream: false,
      stream_options: { include_obfuscation: false },
      background: false,
    });
    expect(response.output_text).toBe('echo: hi');
    expect(received).toEqual([{ type: 'response.create', model: 'gpt-5', input: 'hi' }]);
    expect(authorizations).toEqual(['Bearer sk-test']);
  });

  it('turns the base URL into ws:// and keeps its path', async () => {
    let path: string | undefined;
    const server = await loopback((_message, socket) => send(socket, textEvents('resp_1', 'ok')), {
      refuse: (request) => {
        path = request.url;
        return undefined;
      },
    });
    await clientOf(server.baseURL).responses.create({ model: 'gpt-5', input: 'x' });
    expect(path).toBe('/v1/responses');
    await server.close();
  });

  it('gives a ResponseStream of typed events with stream: true, ending at the terminal event', async () => {
    const { baseURL } = await echo();
    const stream = await clientOf(baseURL).responses.create({
      model: 'gpt-5',
      input: 'abc',
      stream: true,
    });
    expect(stream).toBeInstanceOf(ResponseStream);
    const types: unknown[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual([
      'response.created',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.completed',
    ]);
    expect((await stream.finalResponse()).output_text).toBe('echo: abc');
  });

  it('keeps stream_id on the message and on the events that echo it', async () => {
    const server = await loopback((message, socket) =>
      send(
        socket,
        textEvents('resp_1', 'ok').map((event) => ({ ...event, stream_id: message.stream_id })),
      ),
    );
    const stream = await clientOf(server.baseURL).responses.create({
      model: 'gpt-5',
      input: 'x',
      stream: true,
      stream_id: 'agent_1',
    });
    const lanes: unknown[] = [];
    for await (const event of stream) lanes.push((event as { stream_id?: unknown }).stream_id);
    expect(server.received[0]?.stream_id).toBe('agent_1');
    expect(lanes).toEqual(['agent_1', 'agent_1', 'agent_1', 'agent_1']);
    await server.close();
  });
});
