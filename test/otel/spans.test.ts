import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { withTelemetry } from '../../src/otel/index.js';
import { responseObject } from '../helpers/msw.js';
import { frame, textStreamFrames } from '../helpers/streams.js';
import { clientWith, errorAnswer, jsonAnswer, sseAnswer } from '../observe/setup.js';
import { memoryTracer, SpanKind, SpanStatusCode } from './setup.js';

describe('withTelemetry', () => {
  it('makes a chat span per unary response: model, provider, usage, id, finish reasons', async () => {
    const memory = memoryTracer();
    const { client } = clientWith(() => jsonAnswer());
    const traced = withTelemetry(client, { tracer: memory.tracer });
    await traced.responses.create({ model: 'gpt-test', input: 'Hello', temperature: 0.5 });
    const [span, ...others] = memory.spans();
    expect(others).toEqual([]);
    expect(span?.name).toBe('chat gpt-test');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-test',
      'gen_ai.request.stream': false,
      'gen_ai.request.temperature': 0.5,
      'gen_ai.response.id': 'resp_1',
      'gen_ai.response.model': 'gpt-test',
      'gen_ai.usage.input_tokens': 11,
      'gen_ai.usage.output_tokens': 7,
      'gen_ai.response.finish_reasons': ['stop'],
      'server.address': 'api.test',
      'server.port': 443,
    });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    // No content unless asked for.
    expect(span?.attributes['gen_ai.input.messages']).toBeUndefined();
    expect(span?.attributes['gen_ai.output.messages']).toBeUndefined();
  });

  it('keeps the client it was given as it was, and its other options', async () => {
    const memory = memoryTracer();
    const { client } = clientWith(() => jsonAnswer(), { dialect: 'openrouter' });
    const traced = withTelemetry(client, { tracer: memory.tracer });
    expect(traced.dialect).toBe('openrouter');
    await client.responses.create({ model: 'm', input: 'Hi' });
    expect(memory.spans()).toEqual([]);
    await traced.responses.create({ model: 'm', input: 'Hi' });
    expect(memory.spans()[0]?.attributes['gen_ai.provider.name']).toBe('openrouter');
  });

  it('records content only with captureContent, without the key', async () => {
    const memory = memoryTracer();
    const apiKey = 'sk-0123456789abcdef';
    const { client } = clientWith(() => jsonAnswer(), { apiKey });
    const traced = withTelemetry(client, { tracer: memory.tracer, captureContent: true });
    await traced.responses.create({
      model: 'm',
      input: `Hello ${apiKey}`,
      instructions: 'Be brief',
    });
    const attributes = memory.spans()[0]?.attributes ?? {};
    expect(attributes['gen_ai.input.messages']).toBe('"Hello [redacted]"');
    expect(attributes['gen_ai.system_instructions']).toBe('Be brief');
    expect(JSON.parse(String(attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hi' }], finish_reason: 'stop' },
    ]);
  });

  it('keeps the key out of every attribute and name, where the request or the server echoes it', async () => {
    const memory = memoryTracer();
    const apiKey = 'sk-0123456789abcdef';
    const echoed = HttpResponse.json({
      ...responseObject(`resp_${apiKey}`),
      model: `m-${apiKey}`,
      conversation: { id: `conv_${apiKey}` },
    });
    const failing = HttpResponse.json(
      { error: { message: `no ${apiKey}`, type: 'x', code: `bad_${apiKey}`, param: null } },
      { status: 400 },
    );
    const answers = [echoed, failing];
    const { client } = clientWith(() => answers.shift() as Response, { apiKey });
    const traced = withTelemetry(client, { tracer: memory.tracer });
    await traced.responses.create({ model: `m-${apiKey}`, input: 'Hi', conversation: apiKey });
    await expect(traced.responses.create({ model: 'm', input: 'Hi' })).rejects.toThrow();
    const [first, second] = memory.spans();
    expect(first?.name).toBe('chat m-[redacted]');
    expect(first?.attributes).toMatchObject({
      'gen_ai.request.model': 'm-[redacted]',
      'gen_ai.conversation.id': 'conv_[redacted]',
      'gen_ai.response.id': 'resp_[redacted]',
      'gen_ai.response.model': 'm-[redacted]',
    });
    expect(second?.attributes['error.type']).toBe('bad_[redacted]');
    const everything = JSON.stringify(
      memory
        .spans()
        .map(({ name, attributes, status, events }) => ({ name, attributes, status, events })),
    );
    expect(everything).not.toContain(apiKey);
  });

  it('makes a chat span per streamed response, with its time to first chunk', async () => {
    const memory = memoryTracer();
    const usage = { input_tokens: 3, output_tokens: 2, total_tokens: 5 };
    const frames = textStreamFrames(['Hi', ' there']);
    // The terminal event with usage.
    frames[frames.length - 1] = frame(
      {
        type: 'response.completed',
        sequence_number: 3,
        response: { id: 'resp_s', object: 'response', status: 'completed', output: [], usage },
      },
      'response.completed',
    );
    const { client } = clientWith(() => sseAnswer(frames));
    const traced = withTelemetry(client, { tracer: memory.tracer });
    const stream = await traced.responses.create({ model: 'm', input: 'Hi', stream: true });
    expect(memory.spans()).toEqual([]);
    for await (const _ of stream);
    await vi.waitFor(() => expect(memory.spans()).toHaveLength(1));
    const attributes = memory.spans()[0]?.attributes ?? {};
    expect(attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'resp_s',
      'gen_ai.usage.input_tokens': 3,
      'gen_ai.usage.output_tokens': 2,
    });
    expect(attributes['gen_ai.response.time_to_first_chunk']).toBeTypeOf('number');
    expect(memory.open()).toBe(0);
  });

  it('sets error.type and an ERROR status when a request fails', async () => {
    const memory = memoryTracer();
    const { client } = clientWith(() => errorAnswer(400));
    const traced = withTelemetry(client, { tracer: memory.tracer });
    await traced.responses.create({ model: 'm', input: 'Hi' }).catch(() => undefined);
    const span = memory.spans()[0];
    expect(span?.attributes['error.type']).toBe('BadRequestError');
    expect(span?.status).toMatchObject({
      code: SpanStatusCode.ERROR,
      message: '400 failed with 400',
    });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('notes each retry on the span', async () => {
    const memory = memoryTracer();
    const { client } = clientWith((_, index) =>
      index === 0 ? errorAnswer(429, { 'retry-after-ms': '0' }) : jsonAnswer(),
    );
    const traced = withTelemetry(client, { tracer: memory.tracer });
    await traced.responses.create({ model: 'm', input: 'Hi' });
    expect(memory.spans()[0]?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['retry', { attempt: 2, 'delay.ms': 0 }],
    ]);
  });

  it('makes no span for requests that create no response', async () => {
    const memory = memoryTracer();
    const { client } = clientWith(() => Response.json({ object: 'list', data: [] }));
    await withTelemetry(client, { tracer: memory.tracer }).models.list();
    expect(memory.spans()).toEqual([]);
  });

  it('keeps the request going when the tracer throws', async () => {
    const memory = memoryTracer();
    const tracer = {
      ...memory.tracer,
      startSpan: () => {
        throw new Error('tracer broke');
      },
    } as unknown as typeof memory.tracer;
    const error = vi.fn();
    const { client } = clientWith(() => jsonAnswer(), {
      logger: { error, warn: () => {}, info: () => {}, debug: () => {} },
    });
    const response = await withTelemetry(client, { tracer }).responses.create({
      model: 'm',
      input: 'Hi',
    });
    expect(response.id).toBe('resp_1');
    expect(String(error.mock.calls[0]?.[0])).toContain('tracer broke');
  });
});
