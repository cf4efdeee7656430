import { describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/index.js';
import { createFakeServer, type ScriptedTurn } from '../../src/testing/index.js';

const messages = [{ role: 'user', content: 'What roasts do you have?' }];
const paths = {
  openai: '/chat/completions',
  openrouter: '/chat/completions',
  karta: '/projects/my-app/chat/completions',
};

/** The raw answer of a fake server of `dialect` to a chat completion, playing `turn`. */
async function complete(
  dialect: keyof typeof paths,
  body: object,
  turn: ScriptedTurn = 'Sunrise and Midnight.',
) {
  const server = createFakeServer({ dialect, turns: [turn] });
  const answer = await server.fetch(`${server.baseURL}${paths[dialect]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4.1', messages, ...body }),
  });
  return { server, answer, text: await answer.text() };
}

/** The data of each `data:` line of an SSE body. */
const dataOf = (text: string) =>
  [...text.matchAll(/^data: (.*)$/gm)].map(([, data]) =>
    data === '[DONE]' ? data : JSON.parse(data ?? ''),
  );

describe('createFakeServer: chat completions in each server’s form', () => {
  it('answers OpenAI’s unary chat.completion with usage counting its deltas', async () => {
    const { server, text } = await complete('openai', {});
    expect(JSON.parse(text)).toMatchObject({
      id: 'chatcmpl-fake-1',
      object: 'chat.completion',
      model: 'gpt-4.1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Sunrise and Midnight.' },
          finish_reason: 'stop',
        },
      ],
      usage: { completion_tokens: 3 },
    });
    expect(server.requests[0]).toMatchObject({ endpoint: 'chat_completions', status: 200 });
    expect(server.requests[0]?.context).toMatchObject([{ type: 'message', role: 'user' }]);
  });

  it('streams OpenAI’s data-only chunks to [DONE], with the usage chunk only when asked', async () => {
    const plain = dataOf((await complete('openai', { stream: true })).text);
    expect(plain.at(-1)).toBe('[DONE]');
    expect(plain.some((chunk) => chunk.usage)).toBe(false);
    const counted = (
      await complete('openai', { stream: true, stream_options: { include_usage: true } })
    ).text;
    expect(counted).not.toContain('event:');
    expect(dataOf(counted).at(-2)).toMatchObject({ choices: [], usage: { completion_tokens: 3 } });
  });

  it('streams a tool call as OpenAI does: opened with its id and name, then argument fragments', async () => {
    const call: ScriptedTurn = {
      type: 'function_call',
      name: 'weather',
      arguments: { city: 'Oslo' },
      callId: 'call_9',
    };
    const chunks = dataOf((await complete('openai', { stream: true }, call)).text);
    expect(chunks[1]).toMatchObject({
      choices: [
        {
          delta: {
            tool_calls: [{ index: 0, id: 'call_9', function: { name: 'weather', arguments: '' } }],
          },
        },
      ],
    });
    const args = chunks.flatMap(
      (chunk) => chunk.choices?.[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? [],
    );
    expect(args.join('')).toBe('{"city":"Oslo"}');
    expect(chunks.at(-2)).toMatchObject({ choices: [{ finish_reason: 'tool_calls' }] });
  });

  it('ends a failing OpenAI stream with an error chunk and no [DONE]', async () => {
    const turn: ScriptedTurn = {
      type: 'stream_error',
      after: 2,
      message: 'The server had an error.',
    };
    const { text } = await complete('openai', { stream: true }, turn);
    expect(dataOf(text).at(-1)).toEqual({
      error: {
        message: 'The server had an error.',
        type: 'server_error',
        param: null,
        code: 'server_error',
      },
    });
    expect(text).not.toContain('[DONE]');
  });

  it('answers a cut-short reply with finish_reason length', async () => {
    const { text } = await complete('openai', {}, { type: 'incomplete', reply: 'Sunrise and' });
    expect(JSON.parse(text)).toMatchObject({ choices: [{ finish_reason: 'length' }] });
  });

  it('answers OpenRouter’s completion with its provider, native finish reason and cost', async () => {
    const { text } = await complete('openrouter', {});
    expect(JSON.parse(text)).toMatchObject({
      id: 'gen-fake-chat-1',
      provider: 'OpenAI',
      choices: [{ finish_reason: 'stop', native_finish_reason: 'stop' }],
      usage: { cost: expect.any(Number), is_byok: false },
    });
  });

  it('streams OpenRouter’s chunks between PROCESSING comments and [DONE], usage always last', async () => {
    const { text } = await complete('openrouter', { stream: true });
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n')).toBe(true);
    const chunks = dataOf(text);
    expect(chunks.at(-1)).toBe('[DONE]');
    expect(chunks.at(-2)).toMatchObject({ choices: [], usage: { cost: expect.any(Number) } });
    expect(chunks[1]).toMatchObject({
      provider: 'OpenAI',
      choices: [{ native_finish_reason: null }],
    });
  });

  it('fails an OpenRouter stream midway with a chunk that carries error, then [DONE]', async () => {
    const turn: ScriptedTurn = { type: 'stream_error', after: 2, message: 'Provider disconnected' };
    const chunks = dataOf((await complete('openrouter', { stream: true }, turn)).text);
    expect(chunks.at(-2)).toMatchObject({
      error: { code: 502, message: 'Provider disconnected' },
      choices: [{ finish_reason: 'error' }],
    });
    expect(chunks.at(-1)).toBe('[DONE]');
  });

  it('answers Karta’s text_completion with input and output tokens', async () => {
    const { text } = await complete('karta', { model: 'default' });
    expect(JSON.parse(text)).toEqual({
      id: 'chatcmpl_fake_1',
      object: 'text_completion',
      created: expect.any(Number),
      model: 'default',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Sunrise and Midnight.' },
          finish_reason: 'stop',
        },
      ],
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 3,
        total_tokens: expect.any(Number),
      },
    });
  });

  it('streams Karta’s event: chunk frames, ending with event: [DONE]; a failure just ends', async () => {
    const turn: ScriptedTurn = { text: "We've got Sunrise", chunks: ["We've got ", 'Sunrise'] };
    const { text } = await complete('karta', { stream: true }, turn);
    expect(text).toBe(
      'event: chunk\ndata: {"choices":[{"delta":{"content":"We\'ve got "}}]}\n\n' +
        'event: chunk\ndata: {"choices":[{"delta":{"content":"Sunrise"}}]}\n\n' +
        'event: [DONE]\ndata: [DONE]\n\n',
    );
    const failing = await complete(
      'karta',
      { stream: true },
      { type: 'stream_error', after: 1, message: 'x', reply: turn },
    );
    expect(failing.text).toBe(
      'event: chunk\ndata: {"choices":[{"delta":{"content":"We\'ve got "}}]}\n\n',
    );
  });
});

describe('createFakeServer: model lists', () => {
  it.each<[DialectName, Record<string, unknown>]>([
    ['openai', { object: 'list', data: [{ id: 'm1', object: 'model', owned_by: 'system' }] }],
    ['gateway', { object: 'list', data: [{ id: 'm1', object: 'model', owned_by: 'gateway' }] }],
    [
      'openrouter',
      {
        data: [
          {
            id: 'm1',
            canonical_slug: 'm1',
            context_length: 128000,
            pricing: { prompt: expect.any(String) },
          },
        ],
      },
    ],
  ])('lists the models it is given, as %s does', async (dialect, expected) => {
    const server = createFakeServer({ dialect, models: ['m1'] });
    const answer = await server.fetch(`${server.baseURL}/models`);
    expect(await answer.json()).toMatchObject(expected);
    expect(server.requests[0]?.endpoint).toBe('models');
  });

  it('has no model list on Karta or Kawai: 404', async () => {
    for (const dialect of ['karta', 'kawai'] as const) {
      const server = createFakeServer({ dialect });
      expect((await server.fetch(`${server.baseURL}/models`)).status).toBe(404);
    }
  });
});
