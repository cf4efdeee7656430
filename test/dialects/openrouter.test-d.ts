import { describe, expectTypeOf, it } from 'vitest';
import {
  type OpenRouterCreateParams,
  type Response,
  type ResponseStream,
  ResponsesClient,
} from '../../src/index.js';

const openrouter = new ResponsesClient({ dialect: 'openrouter', apiKey: 'sk-or-v1-test' });
const ask = { model: 'openai/gpt-4o', input: 'What is the weather today?' };

describe('a client of the openrouter dialect', () => {
  it('accepts OpenRouter’s own fields with their types', () => {
    expectTypeOf(
      openrouter.responses.create({
        ...ask,
        models: ['anthropic/claude-3.5-sonnet'],
        provider: {
          order: ['openai'],
          allow_fallbacks: false,
          data_collection: 'deny',
          quantizations: ['fp8', 'bf16'],
          sort: { by: 'throughput', partition: 'model' },
          max_price: { prompt: 1, completion: '2' },
          preferred_min_throughput: 100,
        },
        plugins: [
          { id: 'web', max_results: 3, engine: 'exa' },
          { id: 'auto-router', allowed_models: ['anthropic/*'], cost_tier: 'low' },
          { id: 'pareto-router', min_coding_score: 0.8 },
        ],
        session_id: 'conv-1',
        route: 'sort',
        user: 'user-123',
        top_k: 40,
        max_tool_calls: 5,
        background: true,
        safety_identifier: 'user-123',
        service_tier: 'fast',
        store: false,
        previous_response_id: null,
        reasoning: { effort: 'high', enabled: true, max_tokens: 2048 },
        modalities: ['text', 'image'],
        cache_control: { type: 'ephemeral', ttl: '1h' },
        stop_server_tools_when: [{ type: 'max_cost', max_cost_in_dollars: 0.5 }],
        tools: [
          { type: 'openrouter:web_search' },
          { type: 'function', name: 'get_weather', parameters: { type: 'object' } },
        ],
      }),
    ).resolves.toEqualTypeOf<Response>();
  });

  it('resolves a streamed create to a ResponseStream', () => {
    expectTypeOf(
      openrouter.responses.create({ ...ask, stream: true }),
    ).resolves.toEqualTypeOf<ResponseStream>();
  });

  it('keeps the canonical fields typed', () => {
    expectTypeOf<OpenRouterCreateParams['model']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<OpenRouterCreateParams['instructions']>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it('refuses a wrong type, a value out of its enum, and what OpenRouter does not keep', () => {
    // @ts-expect-error OpenRouter keeps no responses
    openrouter.responses.create({ ...ask, previous_response_id: 'resp_1' });
    // @ts-expect-error OpenRouter keeps no conversations
    openrouter.responses.create({ ...ask, conversation: 'conv_1' });
    // @ts-expect-error store may only be false
    openrouter.responses.create({ ...ask, store: true });
    // @ts-expect-error top_k is a number
    openrouter.responses.create({ ...ask, top_k: '40' });
    // @ts-expect-error session_id is a string
    openrouter.responses.create({ ...ask, session_id: 42 });
    // @ts-expect-error models is an array of slugs
    openrouter.responses.create({ ...ask, models: 'openai/gpt-4o' });
    // @ts-expect-error route is `fallback` or `sort`
    openrouter.responses.create({ ...ask, route: 'fastest' });
    // @ts-expect-error sort is price, throughput, latency or exacto
    openrouter.responses.create({ ...ask, provider: { sort: 'cheapest' } });
    // @ts-expect-error no such plugin
    openrouter.responses.create({ ...ask, plugins: [{ id: 'teleport' }] });
    // @ts-expect-error service_tier has no `ultrafast` on OpenRouter
    openrouter.responses.create({ ...ask, service_tier: 'ultrafast' });
    // @ts-expect-error model is a string
    openrouter.responses.create({ ...ask, model: 42 });
  });
});
