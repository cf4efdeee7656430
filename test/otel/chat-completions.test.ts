import { describe, expect, it } from 'vitest';
import { errorAnswer, sseAnswer } from '../observe/setup.js';
import { ask, chatFrames, chatUsage, completionAnswer } from './chat-answers.js';
import { SpanKind, SpanStatusCode, theSpan, traced } from './setup.js';

describe('withTelemetry: chat.completions.create', () => {
  it('makes a chat span per unary completion: model, provider, settings, server, id', async () => {
    const { memory, client } = traced(() => completionAnswer());
    await client.chat.completions.create({ ...ask, temperature: 0.5, top_p: 0.9, max_tokens: 64 });
    const span = await theSpan(memory);
    expect(span?.name).toBe('chat gpt-test');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-test',
      'gen_ai.request.stream': false,
      'gen_ai.request.temperature': 0.5,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.max_tokens': 64,
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.model': 'gpt-test-2026',
      'server.address': 'api.test',
      'server.port': 443,
    });
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('reads max_completion_tokens as the max tokens, over max_tokens', async () => {
    const { memory, client } = traced(() => completionAnswer());
    await client.chat.completions.create({ ...ask, max_tokens: 64, max_completion_tokens: 32 });
    expect((await theSpan(memory))?.attributes['gen_ai.request.max_tokens']).toBe(32);
  });

  it('reads usage from the chat shape: prompt, completion, cached and reasoning tokens', async () => {
    const { memory, client } = traced(() => completionAnswer());
    await client.chat.completions.create(ask);
    expect((await theSpan(memory))?.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 13,
      'gen_ai.usage.output_tokens': 5,
      'gen_ai.usage.cache_read.input_tokens': 4,
      'gen_ai.usage.reasoning.output_tokens': 2,
    });
  });

  it("gives each choice's finish reason", async () => {
    const choices = [
      { index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' },
      { index: 1, message: { role: 'assistant', content: 'Hel' }, finish_reason: 'length' },
    ];
    const { memory, client } = traced(() => completionAnswer({ choices }));
    await client.chat.completions.create({ ...ask, n: 2 });
    expect((await theSpan(memory))?.attributes['gen_ai.response.finish_reasons']).toEqual([
      'stop',
      'length',
    ]);
  });

  it('makes a chat span per streamed completion, read from the chunks', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames()));
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    expect(memory.spans()).toEqual([]);
    for await (const _ of stream);
    const span = await theSpan(memory);
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'chatcmpl-s',
      'gen_ai.response.model': 'gpt-test-2026',
      'gen_ai.response.finish_reasons': ['stop'],
    });
    expect(span?.attributes['gen_ai.response.time_to_first_chunk']).toBeTypeOf('number');
    // No usage chunk was sent: no usage is made up.
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('reads the usage chunk of a stream that asked for one', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames({ usage: true })));
    const stream = await client.chat.completions.create({
      ...ask,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _ of stream);
    expect((await theSpan(memory))?.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': chatUsage.prompt_tokens,
      'gen_ai.usage.output_tokens': chatUsage.completion_tokens,
    });
  });

  it('records no content unless asked to', async () => {
    const { memory, client } = traced(() => completionAnswer());
    await client.chat.completions.create(ask);
    const attributes = (await theSpan(memory))?.attributes ?? {};
    expect(attributes['gen_ai.input.messages']).toBeUndefined();
    expect(attributes['gen_ai.output.messages']).toBeUndefined();
  });

  it('records the messages and the choices with captureContent, without the key', async () => {
    const apiKey = 'sk-0123456789abcdef';
    const call = { id: 'call_1', type: 'function', function: { name: 'now', arguments: '{}' } };
    const choices = [
      {
        index: 0,
        message: { role: 'assistant', content: null, tool_calls: [call] },
        finish_reason: 'tool_calls',
      },
    ];
    const { memory, client } = traced(() => completionAnswer({ choices }), {
      apiKey,
      captureContent: true,
    });
    const messages = [
      { role: 'system' as const, content: 'Be brief' },
      { role: 'user' as const, content: `Hello ${apiKey}` },
    ];
    await client.chat.completions.create({ model: 'm', messages });
    const attributes = (await theSpan(memory))?.attributes ?? {};
    expect(JSON.parse(String(attributes['gen_ai.input.messages']))).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'user', content: 'Hello [redacted]' },
    ]);
    expect(JSON.parse(String(attributes['gen_ai.output.messages']))).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'now', arguments: '{}' }],
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('records the output of a streamed completion as rebuilt from its chunks', async () => {
    const { memory, client } = traced(() => sseAnswer(chatFrames()), {
      captureContent: true,
    });
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    for await (const _ of stream);
    const attributes = (await theSpan(memory))?.attributes ?? {};
    expect(JSON.parse(String(attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hi there' }], finish_reason: 'stop' },
    ]);
  });

  it('sets error.type and an ERROR status when a request fails', async () => {
    const { memory, client } = traced(() => errorAnswer(400));
    await expect(client.chat.completions.create(ask)).rejects.toThrow();
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('BadRequestError');
    expect(span?.attributes['http.response.status_code']).toBe(400);
    expect(span?.status).toMatchObject({
      code: SpanStatusCode.ERROR,
      message: '400 failed with 400',
    });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });
});
