import { describe, expect, it } from 'vitest';
import {
  ChatCompletionStream,
  PaymentRequiredError,
  RequestValidationError,
  StreamError,
} from '../../src/index.js';
import { REPLY as DEFAULT_REPLY, REPLY_WORDS } from '../helpers/fake.js';
import { failureOf } from '../helpers/msw.js';
import { start } from './openrouter-setup.js';

const hello = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };
const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
};

describe('the openrouter dialect: chat completions', () => {
  it('creates a unary completion at POST /api/v1/chat/completions, keeping provider and cost', async () => {
    const { server, openrouter } = start();
    const completion = await openrouter.chat.completions.create(hello);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: ['chat', 'completions'] });
    expect(server.requests[0]?.body).toEqual(hello);
    expect(completion.id).toMatch(/^gen-/);
    expect(completion.choices[0]?.message.content).toBe(DEFAULT_REPLY);
    expect(completion).toMatchObject({ provider: 'OpenAI', usage: { cost: expect.any(Number) } });
  });

  it('streams past the PROCESSING comments to [DONE] and rebuilds the completion', async () => {
    const { openrouter } = start();
    const stream = await openrouter.chat.completions.create({ ...hello, stream: true });
    expect(stream).toBeInstanceOf(ChatCompletionStream);
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(DEFAULT_REPLY);
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(DEFAULT_REPLY);
    expect(final.usage).toMatchObject({ total_tokens: expect.any(Number) });
  });

  it('joins the tool call deltas of a stream in finalChatCompletion()', async () => {
    const { openrouter } = start([
      { type: 'function_call', name: 'get_weather', arguments: '{"city":"Oslo"}' },
    ]);
    const stream = await openrouter.chat.completions.create({
      ...hello,
      tools: [weatherTool],
      stream: true,
    });
    for await (const _chunk of stream);
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(final.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
    });
  });

  it('throws StreamError with the message and code of a chunk that carries an error midway', async () => {
    // Its role chunk, then two deltas.
    const { openrouter } = start([
      { type: 'stream_error', after: 3, message: 'Provider disconnected', reply: DEFAULT_REPLY },
    ]);
    const stream = await openrouter.chat.completions.create({ ...hello, stream: true });
    const seen: string[] = [];
    const failure = await failureOf(
      (async () => {
        for await (const chunk of stream) seen.push(String(chunk.choices[0]?.delta.content ?? ''));
      })(),
    );
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Provider disconnected', code: '502' });
    expect(seen.join('')).toBe(REPLY_WORDS.slice(0, 2).join(''));
  });

  it('refuses its own fields out of their range before sending anything', async () => {
    const { server, openrouter } = start();
    const failure = await failureOf(
      openrouter.chat.completions.create({ ...hello, session_id: 'x'.repeat(257) } as never),
    );
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect((failure as Error).message).toMatch(/session_id/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends its routing fields (provider, fallback models) as given', async () => {
    const { server, openrouter } = start();
    const routed = { ...hello, models: ['x-ai/grok-4'], provider: { only: ['xai'] } };
    await openrouter.chat.completions.create(routed as never);
    expect(server.requests[0]?.body).toEqual(routed);
  });

  it('maps a 402 to PaymentRequiredError with the server’s words', async () => {
    const message = 'Insufficient credits. Add more using https://openrouter.ai/credits';
    const { openrouter } = start([{ type: 'error', status: 402, message }]);
    const failure = await failureOf(openrouter.chat.completions.create(hello));
    expect(failure).toBeInstanceOf(PaymentRequiredError);
    expect((failure as Error).message).toMatch(/Insufficient credits/);
  });
});

describe('the openrouter dialect: models', () => {
  it('lists the models at GET /api/v1/models when awaited, each with for await', async () => {
    const { server, openrouter } = start([], { models: ['openai/gpt-4o-mini', 'x-ai/grok-4'] });
    const page = await openrouter.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['openai/gpt-4o-mini', 'x-ai/grok-4']);
    expect(page.data[0]).toMatchObject({ context_length: expect.any(Number) });
    const ids: string[] = [];
    for await (const model of openrouter.models.list()) ids.push(model.id);
    expect(ids).toEqual(['openai/gpt-4o-mini', 'x-ai/grok-4']);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: ['models'] });
  });
});
