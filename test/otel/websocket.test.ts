import { describe, expect, it, vi } from 'vitest';
import type { RequestHookInfo } from '../../src/index.js';
import { withTelemetry } from '../../src/otel/index.js';
import { errorMessage, send, textEvents } from '../transport/websocket/loopback.js';
import { clientOf, echo, serve } from '../transport/websocket/setup.js';
import { memoryTracer, SpanStatusCode } from './setup.js';

describe('withTelemetry over the WebSocket transport', () => {
  it('makes a chat span per streamed and unary response', async () => {
    const memory = memoryTracer();
    const server = await echo();
    const client = withTelemetry(clientOf(server), { tracer: memory.tracer });
    const stream = await client.responses.create({ model: 'gpt-test', input: 'one', stream: true });
    for await (const _ of stream);
    await client.responses.create({ model: 'gpt-test', input: 'two' });
    await vi.waitFor(() => expect(memory.spans()).toHaveLength(2));
    expect(memory.open()).toBe(0);
    const [streamed, unary] = memory.spans();
    expect(streamed?.name).toBe('chat gpt-test');
    expect(streamed?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'resp_0',
      'server.address': '127.0.0.1',
    });
    expect(streamed?.attributes['gen_ai.response.time_to_first_chunk']).toBeTypeOf('number');
    expect(unary?.attributes).toMatchObject({
      'gen_ai.request.stream': false,
      'gen_ai.response.id': 'resp_1',
    });
  });

  it('ends the span when the stream is left by break', async () => {
    const memory = memoryTracer();
    const server = await serve((_, socket, index) =>
      send(socket, textEvents(`resp_${index}`, 'a long answer', 6)),
    );
    const client = withTelemetry(clientOf(server), { tracer: memory.tracer });
    const stream = await client.responses.create({ model: 'm', input: 'x', stream: true });
    for await (const _ of stream) break;
    await vi.waitFor(() => expect(memory.spans()).toHaveLength(1));
    expect(memory.open()).toBe(0);
  });

  it('sets error.type on a refused request', async () => {
    const memory = memoryTracer();
    const server = await serve((_, socket) =>
      send(socket, [errorMessage(400, 'invalid_value', 'Bad input.')]),
    );
    const client = withTelemetry(clientOf(server), { tracer: memory.tracer });
    await expect(client.responses.create({ model: 'm', input: 'x' })).rejects.toThrow('Bad input.');
    const span = memory.spans()[0];
    expect(span?.attributes['error.type']).toBe('invalid_value');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('hooks over the WebSocket transport', () => {
  it('calls onRequest with the message and redacted upgrade headers, and onResponse', async () => {
    const server = await echo();
    const requests: RequestHookInfo[] = [];
    const statuses: number[] = [];
    const client = clientOf(server, {
      hooks: {
        onRequest: (info) => requests.push(info),
        onResponse: (info) => statuses.push(info.status),
      },
    });
    await client.responses.create({ model: 'm', input: 'hi' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'WEBSOCKET', attempt: 1 });
    expect(requests[0]?.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/responses$/);
    expect(requests[0]?.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ type: 'response.create' });
    expect(JSON.stringify(requests)).not.toContain('sk-test-key');
    expect(statuses).toEqual([200]);
  });
});
