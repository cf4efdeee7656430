import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponsesClient, StreamError } from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';
import { recordedDir } from '../fixtures/recorded.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { failureOf, useMswServer } from '../helpers/msw.js';
import { collect } from '../helpers/streams.js';
import { client, key, OPENROUTER_BASE_URL, start, weather } from './openrouter-setup.js';

const msw = useMswServer();

describe('the openrouter dialect', () => {
  it('posts the seed’s example to https://openrouter.ai/api/v1/responses and keeps usage costs', async () => {
    const server = createFakeServer({
      dialect: 'openrouter',
      baseURL: OPENROUTER_BASE_URL,
      apiKey: key,
      turns: [DEFAULT_REPLY],
    });
    msw.use(...handlersFor(server));
    const openrouter = new ResponsesClient({ dialect: 'openrouter', apiKey: key, maxRetries: 0 });
    expect(openrouter.baseURL).toBe(OPENROUTER_BASE_URL);
    const response = await openrouter.responses.create(weather);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: `${OPENROUTER_BASE_URL}/responses`,
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(server.requests[0]?.body).toEqual(weather);
    expect(response).toMatchObject({ object: 'response', status: 'completed', store: false });
    expect(response.id).toMatch(/^gen-/);
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(response.usage).toMatchObject({
      cost: expect.any(Number),
      is_byok: false,
      cost_details: {},
    });
  });

  it('sends the spec’s request examples unchanged', async () => {
    const { server, openrouter } = start();
    const joke = { input: 'Tell me a joke', model: 'openai/gpt-4o' };
    const example = {
      input: [{ content: 'Hello, how are you?', role: 'user' as const, type: 'message' as const }],
      model: 'anthropic/claude-4.5-sonnet-20250929',
      temperature: 0.7,
      tools: [
        {
          description: 'Get the current weather in a given location',
          name: 'get_current_weather',
          parameters: { properties: { location: { type: 'string' } }, type: 'object' },
          type: 'function' as const,
        },
      ],
      top_p: 0.9,
    };
    await openrouter.responses.create(joke);
    await openrouter.responses.create(example);
    expect(server.requests.map((request) => request.body)).toEqual([joke, example]);
    expect(server.requests.map((request) => request.status)).toEqual([200, 200]);
  });

  it('streams data-only SSE with comments and [DONE] as the canonical event sequence', async () => {
    const { openrouter } = start();
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const { events, text, types } = await collect(stream);
    const deltas = types.filter((type) => type === 'response.output_text.delta').length;
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...Array(deltas).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, index) => index));
    const delta = events.find((e) => e.type === 'response.output_text.delta');
    expect(delta).toMatchObject({
      item_id: expect.stringMatching(/^msg_/),
      output_index: 0,
      content_index: 0,
    });
    expect(text).toBe(DEFAULT_REPLY);
    expect(stream.lastSequenceNumber).toBe(events.length - 1);
  });

  it('keeps the usage cost fields after finalResponse()', async () => {
    const { openrouter } = start();
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const response = await stream.finalResponse();
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(response.usage).toMatchObject({
      cost: expect.any(Number),
      is_byok: false,
      cost_details: {},
    });
  });

  it('streams a function call offered as a flat canonical tool', async () => {
    const call = { name: 'get_weather', arguments: '{"location":"Paris"}' };
    const { server, openrouter } = start([{ type: 'function_call', ...call }]);
    const tools = [
      { type: 'function' as const, name: 'get_weather', parameters: { type: 'object' } },
    ];
    const stream = await openrouter.responses.create({ ...weather, tools, stream: true });
    const { events } = await collect(stream);
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta');
    expect(deltas.map((e) => e.delta).join('')).toBe(call.arguments);
    const response = await stream.finalResponse();
    expect(response.output).toMatchObject([
      { type: 'function_call', ...call, call_id: 'call_fake_1_0' },
    ]);
    expect(server.requests[0]?.body).toMatchObject({ tools });
  });

  it('yields response.failed mid-stream, after the text sent, and finalResponse() throws StreamError', async () => {
    // created, in_progress, the message and its part, then two deltas.
    const { openrouter } = start([
      {
        type: 'stream_error',
        after: 6,
        message: 'Provider disconnected',
        as: 'response.failed',
        reply: DEFAULT_REPLY,
      },
    ]);
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const { text, types } = await collect(stream);
    expect(types.at(-1)).toBe('response.failed');
    expect(text).toBe("We've got ");
    const failure = await failureOf(stream.finalResponse());
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Provider disconnected', code: 'server_error' });
  });

  it('throws StreamError with the code and message of an immediate flat error event', async () => {
    const { openrouter } = start([
      {
        type: 'stream_error',
        after: 2,
        message: 'Rate limit exceeded',
        code: 'rate_limit_exceeded',
      },
    ]);
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const failure = await failureOf(collect(stream));
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Rate limit exceeded', code: 'rate_limit_exceeded' });
  });

  it('resolves finalResponse() with status incomplete after response.incomplete', async () => {
    const { openrouter } = start([{ type: 'incomplete', reason: 'max_output_tokens' }]);
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const response = await stream.finalResponse();
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
    });
  });

  it('passes a recorded OpenRouter stream (reasoning, then text) through unchanged', async () => {
    const text = readFileSync(
      join(recordedDir, 'test_openai_responses_raw_cot_stream_openrouter.1.sse'),
      'utf8',
    );
    const recorded = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
    const body = () => new HttpResponse(text, { headers: { 'content-type': 'text/event-stream' } });
    msw.use(http.post(`${OPENROUTER_BASE_URL}/responses`, body));
    const stream = await client({ baseURL: OPENROUTER_BASE_URL }).responses.create({
      ...weather,
      stream: true,
    });
    const { events } = await collect(stream);
    expect(events).toEqual(recorded);
    const response = await stream.finalResponse();
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output_text).toBe('4');
    expect(response.usage).toMatchObject({ cost: 0.0000113, is_byok: false });
  });

  it('sends session_id in the body and as the x-session-id header', async () => {
    const { server, openrouter } = start();
    await openrouter.responses.create({ ...weather, session_id: 'conv-42' });
    await openrouter.responses.create(weather);
    expect(server.requests[0]?.headers['x-session-id']).toBe('conv-42');
    expect(server.requests[0]?.body).toMatchObject({ session_id: 'conv-42' });
    expect(server.requests[1]?.headers).not.toHaveProperty('x-session-id');
  });

  it('continues a conversation by replaying its history in input', async () => {
    const { server, openrouter } = start();
    const first = await openrouter.responses.create(weather);
    const input = [
      ...weather.input,
      ...first.output,
      { role: 'user' as const, content: 'And tomorrow?' },
    ];
    const second = await openrouter.responses.create({ model: weather.model, input });
    expect(second.output_text).toBe(DEFAULT_REPLY);
    expect(server.requests[1]?.body).toMatchObject({
      input: [
        { role: 'user' },
        { type: 'message', role: 'assistant' },
        { content: 'And tomorrow?' },
      ],
    });
    expect(server.requests.map((request) => request.status)).toEqual([200, 200]);
  });
});
