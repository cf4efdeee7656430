import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  type ChatCompletionChunk,
  type Model,
  RequestValidationError,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
import { createFakeServer, type Turn } from '../../src/testing/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { failureOf } from '../helpers/msw.js';

const messages = [{ role: 'user' as const, content: 'What roasts do you have?' }];
const ask = { model: 'gpt-4.1', messages };
/** A fake OpenAI playing `turns` (the reply by default) and listing `models`, and a client of it. */
const start = (turns: Turn[] = [DEFAULT_REPLY], models?: string[]) => {
  const server = createFakeServer({ turns, models });
  return {
    server,
    openai: new ResponsesClient({
      apiKey: 'sk-test',
      baseURL: server.baseURL,
      fetch: server.fetch,
      maxRetries: 0,
    }),
  };
};
const weather = { name: 'weather', arguments: '{"location":"Paris"}', callId: 'call_9' };
const calling: Turn = { type: 'function_call', ...weather };
const tools = [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }];

describe('the openai dialect: chat completions', () => {
  it('creates a unary completion at POST /chat/completions', async () => {
    const { server, openai } = start();
    const completion = await openai.chat.completions.create(ask);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: ['chat', 'completions'],
      endpoint: 'chat_completions',
      body: ask,
    });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4.1',
      choices: [
        { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: DEFAULT_REPLY } },
      ],
      usage: { completion_tokens: 8 },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
  });

  it('streams chunks to [DONE], with usage when asked, and rebuilds the completion', async () => {
    const { openai } = start();
    const stream = await openai.chat.completions.create({
      ...ask,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: ChatCompletionChunk[] = [];
    let text = '';
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe(DEFAULT_REPLY);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 8 } });
    const completion = await stream.finalChatCompletion();
    expect(completion).toMatchObject({
      id: chunks[0]?.id,
      choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: DEFAULT_REPLY } }],
      usage: { completion_tokens: 8 },
    });
  });

  it('answers with the tool call of a nested function tool', async () => {
    const { openai } = start([calling]);
    const completion = await openai.chat.completions.create({ ...ask, tools });
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: null,
        tool_calls: [
          {
            id: 'call_9',
            type: 'function',
            function: { name: 'weather', arguments: weather.arguments },
          },
        ],
      },
    });
  });

  it('joins the tool call deltas of a stream in finalChatCompletion()', async () => {
    const { openai } = start([calling]);
    const stream = await openai.chat.completions.create({ ...ask, tools, stream: true });
    let fragments = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments) fragments++;
    }
    expect(fragments).toBeGreaterThan(1);
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        tool_calls: [
          {
            id: 'call_9',
            type: 'function',
            function: { name: 'weather', arguments: weather.arguments },
          },
        ],
      },
    });
  });

  it('throws StreamError for an error chunk mid-stream', async () => {
    // Its role chunk, then two deltas.
    const { openai } = start([
      { type: 'stream_error', after: 3, message: 'The server had an error.', reply: DEFAULT_REPLY },
    ]);
    const stream = await openai.chat.completions.create({ ...ask, stream: true });
    let text = '';
    const failure = await failureOf(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      })(),
    );
    expect(text).toBe("We've got ");
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'The server had an error.', type: 'server_error' });
  });

  it('refuses empty messages before sending anything', async () => {
    const { server, openai } = start();
    const failure = await failureOf(openai.chat.completions.create({ ...ask, messages: [] }));
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('maps the server’s 400 for a tool message without tool_call_id, with code and param', async () => {
    const { openai } = start();
    const failure = await failureOf(
      openai.chat.completions.create({ ...ask, messages: [{ role: 'tool', content: '12C' }] }),
    );
    expect(failure).toBeInstanceOf(BadRequestError);
    expect(failure).toMatchObject({
      status: 400,
      code: 'missing_required_parameter',
      param: 'messages[0].tool_call_id',
      message: "400 Missing required parameter: 'messages[0].tool_call_id'.",
    });
  });
});

describe('the openai dialect: models', () => {
  it('lists the models at GET /models when awaited', async () => {
    const { server, openai } = start([], ['gpt-4.1', 'gpt-5']);
    const page = await openai.models.list();
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: ['models'] });
    expect(page.data).toEqual([
      { id: 'gpt-4.1', object: 'model', created: expect.any(Number), owned_by: 'system' },
      { id: 'gpt-5', object: 'model', created: expect.any(Number), owned_by: 'system' },
    ]);
  });

  it('gives each model with for await', async () => {
    const { server, openai } = start([], ['gpt-4.1', 'gpt-4o', 'gpt-5']);
    const models: Model[] = [];
    for await (const model of openai.models.list()) models.push(model);
    expect(models.map((model) => model.id)).toEqual(['gpt-4.1', 'gpt-4o', 'gpt-5']);
    expect(server.requests).toHaveLength(1);
  });
});
