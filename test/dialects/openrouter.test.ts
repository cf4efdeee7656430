import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  PaymentRequiredError,
  RateLimitError,
  RequestValidationError,
  type ResponseStreamEvent,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
import { recordedDir } from '../fixtures/recorded.js';
import { useSimulations } from '../servers/harness.js';
import { OPENROUTER_BASE_URL, openRouterServer } from '../servers/openrouter.js';
import { DEFAULT_REPLY, type Scenario, type SimulatedServer } from '../servers/shared.js';

const serve = useSimulations();
const key = 'sk-or-v1-test';
const client = (sim: SimulatedServer) =>
  new ResponsesClient({ dialect: 'openrouter', apiKey: key, baseURL: sim.baseURL, maxRetries: 0 });
/** Seed 004, `input`: "Example: [{"role":"user","content":"What is the weather today?"}]". */
const weather = {
  model: 'openai/gpt-oss-20b',
  input: [{ role: 'user' as const, content: 'What is the weather today?' }],
};
const start = (scenario: Scenario = {}) => {
  const sim = serve(openRouterServer(scenario));
  return { sim, openrouter: client(sim) };
};

/** What a call rejected with (`undefined` when it resolved). */
const failureOf = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    () => undefined,
    (error: unknown) => error,
  );

/** The events as they were when yielded, the types, and the text a UI loop renders. */
async function collect(stream: AsyncIterable<ResponseStreamEvent>) {
  const events: Record<string, unknown>[] = [];
  let text = '';
  for await (const e of stream) {
    events.push(structuredClone(e) as Record<string, unknown>);
    if (e.type === 'response.output_text.delta') text += e.delta;
  }
  return { events, text, types: events.map((e) => e.type) };
}

describe('the openrouter dialect', () => {
  it('posts the seed’s example to https://openrouter.ai/api/v1/responses and keeps usage costs', async () => {
    const { sim } = start();
    const openrouter = new ResponsesClient({ dialect: 'openrouter', apiKey: key, maxRetries: 0 });
    expect(openrouter.baseURL).toBe(OPENROUTER_BASE_URL);
    const response = await openrouter.responses.create(weather);
    expect(sim.received).toHaveLength(1);
    expect(sim.received[0]).toMatchObject({ method: 'POST', path: '/api/v1/responses' });
    expect(sim.received[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(sim.received[0]?.body).toEqual(weather);
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
    const { sim, openrouter } = start();
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
    expect(sim.received.map((request) => request.body)).toEqual([joke, example]);
    expect(sim.violations).toEqual([]);
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
    const { sim, openrouter } = start({ toolCall: call });
    const tools = [
      { type: 'function' as const, name: 'get_weather', parameters: { type: 'object' } },
    ];
    const stream = await openrouter.responses.create({ ...weather, tools, stream: true });
    const { events } = await collect(stream);
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta');
    expect(deltas.map((e) => e.delta).join('')).toBe(call.arguments);
    const response = await stream.finalResponse();
    expect(response.output).toMatchObject([
      { type: 'function_call', ...call, call_id: 'call_sim_1' },
    ]);
    expect(sim.received[0]?.body).toMatchObject({ tools });
  });

  it('yields response.failed mid-stream, after the text sent, and finalResponse() throws StreamError', async () => {
    const { openrouter } = start({ failMidStream: { message: 'Provider disconnected', after: 2 } });
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const { text, types } = await collect(stream);
    expect(types.at(-1)).toBe('response.failed');
    expect(text).toBe("We've got ");
    const failure = await failureOf(stream.finalResponse());
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Provider disconnected', code: 'server_error' });
  });

  it('throws StreamError with the code and message of an immediate flat error event', async () => {
    const { openrouter } = start({
      immediateError: { message: 'Rate limit exceeded', code: 'rate_limit_exceeded' },
    });
    const stream = await openrouter.responses.create({ ...weather, stream: true });
    const failure = await failureOf(collect(stream));
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Rate limit exceeded', code: 'rate_limit_exceeded' });
  });

  it('resolves finalResponse() with status incomplete after response.incomplete', async () => {
    const { openrouter } = start({ incomplete: { reason: 'max_output_tokens' } });
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
    const sim = openRouterServer();
    serve({ ...sim, handlers: [http.post(`${OPENROUTER_BASE_URL}/responses`, body)] });
    const stream = await client(sim).responses.create({ ...weather, stream: true });
    const { events } = await collect(stream);
    expect(events).toEqual(recorded);
    const response = await stream.finalResponse();
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output_text).toBe('4');
    expect(response.usage).toMatchObject({ cost: 0.0000113, is_byok: false });
  });

  it('sends session_id in the body and as the x-session-id header', async () => {
    const { sim, openrouter } = start();
    await openrouter.responses.create({ ...weather, session_id: 'conv-42' });
    await openrouter.responses.create(weather);
    expect(sim.received[0]?.headers['x-session-id']).toBe('conv-42');
    expect(sim.received[0]?.body).toMatchObject({ session_id: 'conv-42' });
    expect(sim.received[1]?.headers).not.toHaveProperty('x-session-id');
  });

  it('continues a conversation by replaying its history in input', async () => {
    const { sim, openrouter } = start();
    const first = await openrouter.responses.create(weather);
    const input = [
      ...weather.input,
      ...first.output,
      { role: 'user' as const, content: 'And tomorrow?' },
    ];
    const second = await openrouter.responses.create({ model: weather.model, input });
    expect(second.output_text).toBe(DEFAULT_REPLY);
    expect(sim.received[1]?.body).toMatchObject({
      input: [
        { role: 'user' },
        { type: 'message', role: 'assistant' },
        { content: 'And tomorrow?' },
      ],
    });
    expect(sim.violations).toEqual([]);
  });
});

describe('the openrouter dialect’s own fields', () => {
  it('sends every field of its own, typed, unchanged', async () => {
    const { sim, openrouter } = start();
    const fields = {
      models: ['anthropic/claude-3.5-sonnet', 'openai/gpt-4o'],
      provider: {
        order: ['openai', 'together'],
        allow_fallbacks: false,
        data_collection: 'deny' as const,
        quantizations: ['fp8' as const],
        sort: { by: 'price' as const, partition: 'none' as const },
        max_price: { prompt: 1, completion: '2' },
        preferred_max_latency: { p90: 3 },
        zdr: true,
      },
      plugins: [
        { id: 'web' as const, max_results: 3, engine: 'exa' as const },
        { id: 'file-parser' as const, pdf: { engine: 'pdf-text' as const } },
        { id: 'response-healing' as const },
      ],
      session_id: 'conv-1',
      route: 'fallback' as const,
      user: 'user-123',
      top_k: 40,
      max_tool_calls: 30,
      background: false,
      safety_identifier: 'user-123',
      service_tier: 'flex' as const,
      store: false as const,
      modalities: ['text' as const],
      reasoning: { effort: 'low' as const, enabled: true, max_tokens: 512 },
      include: ['reasoning.encrypted_content' as const],
      trace: { trace_id: 'trace-abc123' },
      stop_server_tools_when: [{ type: 'step_count_is' as const, step_count: 5 }],
      tools: [{ type: 'openrouter:web_search' as const }],
    };
    await openrouter.responses.create({ ...weather, ...fields });
    expect(sim.received[0]?.body).toEqual({ ...weather, ...fields });
    expect(sim.violations).toEqual([]);
  });

  it('accepts the edges of every documented range', async () => {
    const { sim, openrouter } = start();
    const edges = [
      { temperature: 0, top_logprobs: 0, presence_penalty: -2, frequency_penalty: -2 },
      { temperature: 2, top_logprobs: 20, presence_penalty: 2, frequency_penalty: 2 },
      { user: 'u'.repeat(128), session_id: 's'.repeat(128), max_tool_calls: 1 },
      { previous_response_id: null, conversation: null },
    ];
    for (const fields of edges) await openrouter.responses.create({ ...weather, ...fields });
    expect(sim.received).toHaveLength(edges.length);
    expect(sim.violations).toEqual([]);
  });

  it('leaves out a null OpenRouter does not take where the canonical params allow it', async () => {
    const { sim, openrouter } = start();
    const nulls = { tools: null, tool_choice: null, text: null, store: null, stream: null };
    await openrouter.responses.create({ ...weather, ...nulls });
    expect(sim.received[0]?.body).toEqual(weather);
    expect(sim.violations).toEqual([]);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['previous_response_id', 'keeps no responses', { previous_response_id: 'resp_1' }],
    ['conversation', 'keeps no responses', { conversation: 'conv_1' }],
    ['store', 'store may only be false', { store: true }],
    ['temperature', 'from 0 to 2', { temperature: 2.1 }],
    ['temperature', 'from 0 to 2', { temperature: -0.1 }],
    ['top_logprobs', 'from 0 to 20', { top_logprobs: 21 }],
    ['top_logprobs', 'integer', { top_logprobs: 1.5 }],
    ['presence_penalty', 'from -2 to 2', { presence_penalty: -2.5 }],
    ['presence_penalty', 'from -2 to 2', { presence_penalty: 2.5 }],
    ['frequency_penalty', 'from -2 to 2', { frequency_penalty: -3 }],
    ['frequency_penalty', 'from -2 to 2', { frequency_penalty: 3 }],
    ['user', 'at most 128', { user: 'u'.repeat(129) }],
    ['session_id', 'at most 128', { session_id: 's'.repeat(129) }],
    ['max_tool_calls', '<= 30', { max_tool_calls: 31 }],
    ['max_tool_calls', '>= 1', { max_tool_calls: 0 }],
    ['top_k', 'integer', { top_k: 1.5 }],
    ['service_tier', 'fast', { service_tier: 'ultrafast' }],
    ['route', 'fallback', { route: 'fastest' }],
    ['models', 'array of model slugs', { models: 'openai/gpt-4o' }],
    ['provider.sort', 'price', { provider: { sort: 'cheapest' } }],
    ['provider.data_collection', 'deny', { provider: { data_collection: 'maybe' } }],
    ['plugins.0.id', 'web-fetch', { plugins: [{ id: 'teleport' }] }],
    ['plugins.0.max_results', 'Invalid input', { plugins: [{ id: 'web', max_results: 'many' }] }],
    [
      'plugins.0.analysis_models',
      'at least 1',
      { plugins: [{ id: 'fusion', analysis_models: [] }] },
    ],
    ['include.0', 'reasoning.encrypted_content', { include: ['web_search_call.results'] }],
    ['stop_server_tools_when', 'at least 1', { stop_server_tools_when: [] }],
    ['modalities.0', 'image', { modalities: ['audio'] }],
    ['input', '', { input: 42 }],
  ])('refuses %s (%s) before sending anything', async (path, rule, fields) => {
    const { sim, openrouter } = start();
    const failure = await failureOf(
      openrouter.responses.create({ ...weather, ...fields } as never),
    );
    expect(failure).toBeInstanceOf(RequestValidationError);
    const issues = (failure as RequestValidationError).issues;
    expect(issues.map((issue) => issue.path.join('.'))).toContain(path);
    expect((failure as Error).message).toContain(rule);
    expect(sim.received).toHaveLength(0);
  });

  it.each<[string, (openrouter: ResponsesClient<'openrouter'>) => PromiseLike<unknown>]>([
    ['retrieve', (c) => c.responses.retrieve('gen-1')],
    ['delete', (c) => c.responses.delete('gen-1')],
    ['cancel', (c) => c.responses.cancel('gen-1')],
    ['input items', (c) => c.responses.inputItems.list('gen-1')],
    ['compact', (c) => c.responses.compact({ model: 'm' })],
    ['input tokens', (c) => c.responses.inputTokens.count({})],
    ['models', (c) => c.models.list()],
    ['chat completions', (c) => c.chat.completions.create({ model: 'm', messages: [] })],
  ])('refuses %s, which the server does not have, before sending anything', async (_, call) => {
    const { sim, openrouter } = start();
    const failure = await failureOf(call(openrouter));
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect((failure as Error).message).toMatch(/the openrouter dialect has no/);
    expect(sim.received).toHaveLength(0);
  });
});

const credits = 'Insufficient credits. Add more using https://openrouter.ai/credits';

describe('the openrouter dialect’s errors', () => {
  it.each([
    [400, BadRequestError, 'Invalid request parameters'],
    [402, PaymentRequiredError, credits],
    [429, RateLimitError, 'Rate limit exceeded'],
    [502, BadGatewayError, 'Provider returned error'],
  ])(
    'maps %i to its class, with the message and the numeric code as a string',
    async (status, ErrorClass, message) => {
      const { openrouter } = start({ status });
      const failure = await failureOf(openrouter.responses.create(weather));
      expect(failure).toBeInstanceOf(ErrorClass);
      expect(failure).toMatchObject({
        status,
        code: String(status),
        message: `${status} ${message}`,
      });
      expect((failure as APIError).error).toEqual({ error: { code: status, message } });
    },
  );

  it('answers a missing key with AuthenticationError carrying code 401', async () => {
    const sim = serve(openRouterServer());
    const anonymous = new ResponsesClient({ dialect: 'openrouter', baseURL: sim.baseURL });
    const failure = await failureOf(anonymous.responses.create(weather));
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ code: '401', message: '401 Missing Authentication header' });
  });
});
