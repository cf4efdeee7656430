import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusCases, sseData } from '../corpus/corpus.js';
import { recordedDir } from '../fixtures/recorded.js';
import { events, joined, send, useSimulations } from './harness.js';
import { OPENROUTER_BASE_URL, openRouterServer } from './openrouter.js';
import { DEFAULT_REPLY } from './shared.js';
import { dataOf, parseSse } from './sse.js';

const serve = useSimulations();
const url = `${OPENROUTER_BASE_URL}/responses`;
/** Seed 004 line 24: the input example. */
const weather = {
  model: 'openai/gpt-oss-20b',
  input: [{ role: 'user', content: 'What is the weather today?' }],
};
const recorded = dataOf(
  parseSse(
    readFileSync(
      join(recordedDir, 'test_openai_responses_raw_cot_stream_openrouter.1.sse'),
      'utf8',
    ),
  ),
);
const keysOf = (value: unknown) => Object.keys(value as object).sort();

describe('openrouter', () => {
  it('answers a unary request with an OpenResponses object, gen- id and cost in usage', async () => {
    serve(openRouterServer());
    const { status, json } = await send(url, weather);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: expect.stringMatching(/^gen-\d+-/),
      object: 'response',
      status: 'completed',
      model: 'openai/gpt-oss-20b',
      output_text: '',
      output: [
        {
          type: 'message',
          id: expect.stringMatching(/^msg_tmp_/),
          content: [{ text: DEFAULT_REPLY }],
        },
      ],
    });
    const recordedResponse = recorded.at(-1)?.response as Record<string, unknown>;
    expect(keysOf(json)).toEqual(keysOf(recordedResponse));
    expect(keysOf(json.usage)).toEqual(keysOf(recordedResponse.usage));
    expect(json.usage).toMatchObject({ cost: expect.any(Number), is_byok: false });
  });

  it('streams data-only SSE: no event: lines, PROCESSING comments, and a final [DONE]', async () => {
    serve(openRouterServer());
    const answer = await send(url, { ...weather, stream: true });
    expect(answer.contentType).toMatch(/^text\/event-stream/);
    expect(answer.text).not.toMatch(/^event:/m);
    expect(answer.frames.every((value) => value.event === undefined)).toBe(true);
    expect(answer.frames[0]?.comments).toEqual(['OPENROUTER PROCESSING']);
    expect(answer.frames.at(-1)?.data).toBe('[DONE]');
    const list = events(answer);
    expect(list.map(({ data }) => data.sequence_number)).toEqual(list.map((_, index) => index));
    expect(joined(list.filter(({ data }) => data.type === 'response.output_text.delta'))).toBe(
      DEFAULT_REPLY,
    );
  });

  it('sends every event type it shares with the recording with the recorded fields', async () => {
    serve(openRouterServer());
    const list = events(await send(url, { ...weather, stream: true }));
    const types = new Set(list.map(({ data }) => data.type));
    const shared = recorded.filter((event) => types.has(event.type));
    expect(new Set(shared.map((event) => event.type)).size).toBe(9);
    for (const event of shared) {
      const ours = list.find(({ data }) => data.type === event.type)?.data ?? {};
      expect(keysOf(ours), String(event.type)).toEqual(keysOf(event));
      for (const key of ['item', 'part']) {
        const theirs = event[key] as Record<string, unknown> | undefined;
        const mine = ours[key] as Record<string, unknown> | undefined;
        if (theirs?.type !== mine?.type || theirs?.type === undefined) continue;
        expect(keysOf(mine), `${event.type} ${key}`).toEqual(keysOf(theirs));
      }
    }
  });

  it('streams a tool call with the canonical function_call_arguments events', async () => {
    const call = { name: 'get_weather', arguments: '{"location":"Paris"}' };
    serve(openRouterServer({ toolCall: call }));
    const tools = [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }];
    const list = events(await send(url, { ...weather, tools, stream: true }));
    const deltas = list.filter(
      ({ data }) => data.type === 'response.function_call_arguments.delta',
    );
    expect(joined(deltas)).toBe(call.arguments);
    expect(list.at(-1)?.data.response).toMatchObject({
      output: [{ type: 'function_call', name: 'get_weather' }],
    });
  });

  it('ends a mid-stream failure with response.failed, then [DONE]', async () => {
    serve(openRouterServer({ failMidStream: { message: 'Provider disconnected' } }));
    const answer = await send(url, { ...weather, stream: true });
    expect(answer.frames.at(-1)?.data).toBe('[DONE]');
    expect(events(answer).at(-1)?.data).toMatchObject({
      type: 'response.failed',
      response: {
        status: 'failed',
        error: { code: 'server_error', message: 'Provider disconnected' },
      },
    });
  });

  it('sends an immediate error as the flat error event', async () => {
    serve(
      openRouterServer({
        immediateError: { message: 'Rate limit exceeded', code: 'rate_limit_exceeded' },
      }),
    );
    const list = events(await send(url, { ...weather, stream: true }));
    expect(list.map(({ data }) => data.type)).toEqual([
      'response.created',
      'response.in_progress',
      'error',
      'response.failed',
    ]);
    expect(list[2]?.data).toEqual({
      type: 'error',
      sequence_number: 2,
      code: 'rate_limit_exceeded',
      message: 'Rate limit exceeded',
      param: null,
    });
  });

  it("answers 401 without a key, in OpenRouter's error shape", async () => {
    const sim = serve(openRouterServer());
    const answer = await send(url, weather, { headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { code: 401, message: 'Missing Authentication header' } });
    expect(sim.violations[0]?.rule).toBe('auth.missing');
  });

  it.each([
    ['previous_response_id.unsupported', { previous_response_id: 'resp_1' }],
    ['temperature.range', { temperature: 2.1 }],
    ['top_logprobs.range', { top_logprobs: 21 }],
    ['top_logprobs.type', { top_logprobs: 1.5 }],
    ['presence_penalty.range', { presence_penalty: -2.5 }],
    ['presence_penalty.range', { presence_penalty: 2.5 }],
    ['frequency_penalty.range', { frequency_penalty: -3 }],
    ['frequency_penalty.range', { frequency_penalty: 3 }],
    ['user.max_length', { user: 'u'.repeat(129) }],
    ['session_id.max_length', { session_id: 's'.repeat(129) }],
    ['input.type', { input: 42 }],
    ['models.type', { models: 'openai/gpt-4o' }],
    ['tools.function_name', { tools: [{ type: 'function', function: { name: 'get_weather' } }] }],
  ])('answers 400 to a request breaking %s', async (rule, fields) => {
    const sim = serve(openRouterServer());
    const { status, json } = await send(url, { ...weather, ...fields });
    expect(status).toBe(400);
    expect(json).toEqual({ error: { code: 400, message: expect.any(String) } });
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it('accepts the edges of every documented range, and a null previous_response_id', async () => {
    const sim = serve(openRouterServer());
    const edges = {
      temperature: 2,
      top_logprobs: 20,
      presence_penalty: -2,
      frequency_penalty: 2,
      user: 'u'.repeat(128),
      session_id: 's'.repeat(128),
      previous_response_id: null,
    };
    expect((await send(url, { ...weather, ...edges })).status).toBe(200);
    expect(sim.violations).toEqual([]);
  });

  it("answers a scripted status with the spec's example message", async () => {
    serve(openRouterServer({ status: 402 }));
    const { status, json } = await send(url, weather);
    expect(status).toBe(402);
    expect(json).toEqual({
      error: {
        code: 402,
        message: 'Insufficient credits. Add more using https://openrouter.ai/credits',
      },
    });
  });

  it('refuses a string errorCode, since its error code is the HTTP status', () => {
    expect(() => openRouterServer({ status: 429, errorCode: 'rate_limited' })).toThrow(/errorCode/);
  });
});

describe('openrouter: chat completions and models (its OpenAPI document)', () => {
  const chatURL = `${OPENROUTER_BASE_URL}/chat/completions`;
  const hello = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };
  const recordedChat = corpusCases().find(
    (c) => c.id === 'pydantic-ai/openrouter-chat-cache-streaming-e2e',
  )!;
  const recordedChunks = sseData(recordedChat.response.sse ?? '').map(
    (data) => JSON.parse(data) as Record<string, unknown>,
  );

  it('answers a unary completion as ChatResult: gen- id, provider, cost in usage', async () => {
    serve(openRouterServer());
    const { status, json } = await send(chatURL, hello);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: expect.stringMatching(/^gen-/),
      object: 'chat.completion',
      provider: expect.any(String),
      model: 'openai/gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: DEFAULT_REPLY } }],
      usage: { cost: expect.any(Number), is_byok: false },
    });
  });

  it('streams chunks with the recorded fields, PROCESSING comments, usage last and [DONE]', async () => {
    serve(openRouterServer());
    const answer = await send(chatURL, { ...hello, stream: true });
    expect(answer.frames[0]?.comments).toEqual(['OPENROUTER PROCESSING']);
    expect(answer.frames.at(-1)?.data).toBe('[DONE]');
    const chunks = dataOf(answer.frames);
    expect(keysOf(chunks[0])).toEqual(keysOf(recordedChunks[0]));
    expect(keysOf(chunks.at(-1))).toEqual(keysOf(recordedChunks.at(-1)));
    const text = chunks
      .flatMap((chunk) => chunk.choices as { delta: { content?: string } }[])
      .map((choice) => choice.delta.content ?? '')
      .join('');
    expect(text).toBe(DEFAULT_REPLY);
  });

  it('fails midway with a chunk that carries error, then [DONE]', async () => {
    serve(openRouterServer({ failMidStream: { message: 'Provider disconnected', after: 2 } }));
    const answer = await send(chatURL, { ...hello, stream: true });
    const chunks = dataOf(answer.frames);
    expect(chunks.at(-1)).toMatchObject({
      error: { code: 502, message: 'Provider disconnected' },
      choices: [{ finish_reason: 'error' }],
    });
    expect(answer.frames.at(-1)?.data).toBe('[DONE]');
  });

  it('refuses empty messages with its error body', async () => {
    const sim = serve(openRouterServer());
    const { status, json } = await send(chatURL, { ...hello, messages: [] });
    expect(status).toBe(400);
    expect(json).toEqual({ error: { code: 400, message: expect.stringMatching(/messages/) } });
    expect(sim.violations[0]?.rule).toBe('messages.empty');
  });

  it('lists its models with slug, pricing and context length', async () => {
    serve(openRouterServer({}, { models: ['openai/gpt-4o-mini'] }));
    const { status, json } = await send(`${OPENROUTER_BASE_URL}/models`);
    const data = json.data as Record<string, unknown>[];
    expect(status).toBe(200);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      id: 'openai/gpt-4o-mini',
      canonical_slug: 'openai/gpt-4o-mini',
      context_length: expect.any(Number),
      pricing: { prompt: expect.any(String), completion: expect.any(String) },
    });
  });
});
