import { describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  PaymentRequiredError,
  RateLimitError,
  RequestValidationError,
  ResponsesClient,
} from '../../src/index.js';
import { failureOf } from '../helpers/msw.js';
import { start, weather } from './openrouter-setup.js';

describe('the openrouter dialect’s own fields', () => {
  it('sends every field of its own, typed, unchanged', async () => {
    const { server, openrouter } = start();
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
    expect(server.requests[0]?.body).toEqual({ ...weather, ...fields });
    expect(server.requests[0]?.status).toBe(200);
  });

  it('accepts the edges of every documented range', async () => {
    const { server, openrouter } = start();
    const edges = [
      { temperature: 0, top_logprobs: 0, presence_penalty: -2, frequency_penalty: -2 },
      { temperature: 2, top_logprobs: 20, presence_penalty: 2, frequency_penalty: 2 },
      { user: 'u'.repeat(128), session_id: 's'.repeat(128), max_tool_calls: 1 },
      { previous_response_id: null, conversation: null },
    ];
    for (const fields of edges) await openrouter.responses.create({ ...weather, ...fields });
    expect(server.requests.map((request) => request.status)).toEqual(edges.map(() => 200));
  });

  it('leaves out a null OpenRouter does not take where the canonical params allow it', async () => {
    const { server, openrouter } = start();
    const nulls = { tools: null, tool_choice: null, text: null, store: null, stream: null };
    await openrouter.responses.create({ ...weather, ...nulls });
    expect(server.requests[0]?.body).toEqual(weather);
    expect(server.requests[0]?.status).toBe(200);
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
    ['models', 'expected an array, got "openai/gpt-4o"', { models: 'openai/gpt-4o' }],
    ['provider.sort', 'price', { provider: { sort: 'cheapest' } }],
    ['provider.data_collection', 'deny', { provider: { data_collection: 'maybe' } }],
    ['plugins.0.id', 'web-fetch', { plugins: [{ id: 'teleport' }] }],
    [
      'plugins.0.max_results',
      'expected a number, got "many"',
      { plugins: [{ id: 'web', max_results: 'many' }] },
    ],
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
    const { server, openrouter } = start();
    const failure = await failureOf(
      openrouter.responses.create({ ...weather, ...fields } as never),
    );
    expect(failure).toBeInstanceOf(RequestValidationError);
    const issues = (failure as RequestValidationError).issues;
    expect(issues.map((issue) => issue.path.join('.'))).toContain(path);
    expect((failure as Error).message).toContain(rule);
    expect(server.requests).toHaveLength(0);
  });

  // Called through a client typed with every endpoint, as JavaScript would: an OpenRouter
  // client's type has none of these.
  it.each<[string, (openrouter: ResponsesClient) => PromiseLike<unknown>]>([
    ['retrieve', (c) => c.responses.retrieve('gen-1')],
    ['delete', (c) => c.responses.delete('gen-1')],
    ['cancel', (c) => c.responses.cancel('gen-1')],
    ['input items', (c) => c.responses.inputItems.list('gen-1')],
    ['compact', (c) => c.responses.compact({ model: 'm' })],
    ['input tokens', (c) => c.responses.inputTokens.count({})],
  ])('refuses %s, which the server does not have, before sending anything', async (_, call) => {
    const { server, openrouter } = start();
    const failure = await failureOf(call(openrouter as unknown as ResponsesClient));
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect((failure as Error).message).toMatch(/the openrouter dialect has no/);
    expect(server.requests).toHaveLength(0);
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
      const { openrouter } = start([{ type: 'error', status, message }]);
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
    const { server } = start();
    const anonymous = new ResponsesClient({
      dialect: 'openrouter',
      baseURL: server.baseURL,
      fetch: server.fetch,
    });
    const failure = await failureOf(anonymous.responses.create(weather));
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ code: '401', message: '401 Missing Authentication header' });
  });
});

describe('the openrouter dialect and the canonical limits', () => {
  it('sends what OpenRouter accepts though OpenAI would not: a long safety_identifier, few output tokens', async () => {
    const { openrouter, server } = start();
    const safety = `user-${'x'.repeat(90)}`;
    await openrouter.responses.create({
      ...weather,
      safety_identifier: safety,
      max_output_tokens: 8,
    });
    expect(server.requests[0]?.body).toMatchObject({
      safety_identifier: safety,
      max_output_tokens: 8,
    });
  });

  it('still refuses what OpenRouter refuses too, before sending', async () => {
    const { openrouter, server } = start();
    await expect(openrouter.responses.create({ ...weather, max_output_tokens: 0 })).rejects.toThrow(
      /max_output_tokens/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
