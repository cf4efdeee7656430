import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { withTelemetry } from '../../src/otel/index.js';
import type { Turn } from '../../src/testing/index.js';
import { drain, setUp } from '../testing/setup.js';
import { memoryTracer, parentOf, SpanKind, SpanStatusCode } from './setup.js';

/** A round of two calls to get_weather, then text. */
const turns: Turn[] = [
  {
    type: 'function_call',
    calls: [
      { name: 'get_weather', arguments: { city: 'Oslo' }, callId: 'call_a' },
      { name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_b' },
    ],
  },
  'Wear a coat in Oslo.',
];

const tools = {
  get_weather: {
    parameters: z.object({ city: z.string() }),
    execute: ({ city }: { city: string }) => {
      if (city === 'Paris') throw new Error('no station in Paris');
      return { city, temperature: '-3°C' };
    },
  },
};

describe('withTelemetry and conversations', () => {
  it.each([false, true])(
    'makes an invoke_agent span per turn, with its chat and execute_tool spans as children (streamed: %s)',
    async (streamed) => {
      const memory = memoryTracer();
      const { client } = setUp('openai', { turns });
      const chat = withTelemetry(client, {
        tracer: memory.tracer,
        captureContent: true,
      }).conversation({
        model: 'gpt-test',
        tools,
      });
      if (streamed) expect((await drain(chat.stream('Coat?'))).error).toBeUndefined();
      else await chat.send('Coat?');
      const spans = memory.spans();
      expect(memory.open()).toBe(0);
      const agent = spans.find((span) => span.name === 'invoke_agent');
      expect(agent?.kind).toBe(SpanKind.INTERNAL);
      expect(agent?.attributes).toMatchObject({
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-test',
      });
      const id = agent?.spanContext().spanId;
      const chats = spans.filter((span) => span.name === 'chat gpt-test');
      expect(chats).toHaveLength(2);
      for (const span of chats) expect(parentOf(span)).toBe(id);
      expect(chats.map((span) => span.attributes['gen_ai.response.finish_reasons'])).toEqual([
        ['tool_calls'],
        ['stop'],
      ]);
      const toolSpans = spans.filter((span) => span.name === 'execute_tool get_weather');
      expect(toolSpans).toHaveLength(2);
      for (const span of toolSpans) {
        expect(parentOf(span)).toBe(id);
        expect(span.kind).toBe(SpanKind.INTERNAL);
      }
      const oslo = toolSpans.find((span) => span.attributes['gen_ai.tool.call.id'] === 'call_a');
      expect(oslo?.attributes).toMatchObject({
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'get_weather',
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.arguments': '{"city":"Oslo"}',
        'gen_ai.tool.call.result': '{"city":"Oslo","temperature":"-3°C"}',
      });
      const paris = toolSpans.find((span) => span.attributes['gen_ai.tool.call.id'] === 'call_b');
      expect(paris?.attributes['error.type']).toBe('ToolCallError');
      expect(paris?.status.code).toBe(SpanStatusCode.ERROR);
      // The turn itself went on: the failure was reported to the model.
      expect(agent?.status.code).toBe(SpanStatusCode.UNSET);
    },
  );

  it('ends the turn span when the stream of a turn is left by break', async () => {
    const memory = memoryTracer();
    const { client } = setUp('openai', { turns: ['Hello there, how are you?'] });
    const chat = withTelemetry(client, { tracer: memory.tracer }).conversation({ model: 'm' });
    for await (const _ of chat.stream('Hi')) break;
    await expect.poll(() => memory.open()).toBe(0);
    expect(
      memory
        .spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(['chat m', 'invoke_agent']);
  });

  it('ends the turn span with error.type when the turn fails', async () => {
    const memory = memoryTracer();
    const { client } = setUp('openai', { turns: [] });
    const chat = withTelemetry(client, { tracer: memory.tracer }).conversation({ model: 'm' });
    await expect(chat.send('Hi')).rejects.toThrow();
    await expect.poll(() => memory.open()).toBe(0);
    const agent = memory.spans().find((span) => span.name === 'invoke_agent');
    expect(agent?.status.code).toBe(SpanStatusCode.ERROR);
    // The server's error code, when it gives one (the fake server's, once its script ran out).
    expect(agent?.attributes['error.type']).toBe('script_exhausted');
  });

  it('sets gen_ai.conversation.id for a conversation kept by the server', async () => {
    const memory = memoryTracer();
    const { client } = setUp('openai', { turns: ['Hello'] });
    const { id } = await client.conversations.create();
    const chat = withTelemetry(client, { tracer: memory.tracer }).conversation({
      model: 'm',
      conversation: id,
    });
    await chat.send('Hi');
    expect(memory.spans()).toHaveLength(2);
    for (const span of memory.spans()) expect(span.attributes['gen_ai.conversation.id']).toBe(id);
  });
});
