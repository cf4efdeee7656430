import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  FunctionTool,
  GatewayCreateParams,
  KartaCreateParams,
  KawaiCreateParams,
  OpenRouterCreateParams,
  Response,
  ResponseCreateParams,
  ResponseFunctionToolCall,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseStreamEvent,
  ResponseTextDeltaEventSchema,
  ResponseUnknownEvent,
  Tool,
  UnknownType,
  WebSearchTool,
} from '../../src/schemas/public.js';

type ResponseTextDeltaEvent = z.infer<typeof ResponseTextDeltaEventSchema>;

describe('ResponseStreamEvent', () => {
  it('narrows on event.type to exactly one known event', () => {
    const event = {} as ResponseStreamEvent;
    if (event.type === 'response.output_text.delta') {
      expectTypeOf(event).toEqualTypeOf<ResponseTextDeltaEvent>();
      expectTypeOf(event.delta).toEqualTypeOf<string>();
    }
    if (event.type === 'response.reasoning.delta') expectTypeOf(event.delta).toBeString();
    if (event.type === 'response.completed') expectTypeOf(event.response.id).toBeString();
  });

  it('leaves only the catch-all once every known type is excluded', () => {
    const event = {} as ResponseStreamEvent;
    type Known = Exclude<ResponseStreamEvent, ResponseUnknownEvent>['type'];
    const isKnown = (t: unknown): t is Known => typeof t === 'string';
    if (!isKnown(event.type)) {
      expectTypeOf(event.type).toEqualTypeOf<UnknownType>();
      expectTypeOf(String(event.type)).toBeString();
    }
  });
});

describe('ResponseOutputItem', () => {
  it('narrows messages and function calls on item.type', () => {
    const item = {} as ResponseOutputItem;
    if (item.type === 'message') expectTypeOf(item).toEqualTypeOf<ResponseOutputMessage>();
    if (item.type === 'function_call') {
      expectTypeOf(item).toEqualTypeOf<ResponseFunctionToolCall>();
      expectTypeOf(item.arguments).toEqualTypeOf<string>();
    }
    if (item.type === 'reasoning')
      expectTypeOf(item.status).toEqualTypeOf<
        'in_progress' | 'completed' | 'incomplete' | undefined
      >();
  });
});

describe('Tool', () => {
  it('narrows function and web search tools on tool.type', () => {
    const tool = {} as Tool;
    if (tool.type === 'function') expectTypeOf(tool).toEqualTypeOf<FunctionTool>();
    if (tool.type === 'web_search') expectTypeOf(tool).toEqualTypeOf<WebSearchTool>();
  });
});

describe('Response', () => {
  it('always has output_text as a string', () => {
    expectTypeOf<Response['output_text']>().toEqualTypeOf<string>();
  });
});

describe('dialect params', () => {
  it('accept each seed server’s own fields', () => {
    expectTypeOf({
      model: 'qwen3-8b-q8_0',
      input: [{ role: 'user' as const, content: 'Hi' }],
      top_k: 40,
      min_p: 0.05,
      repeat_penalty: 1.1,
      dry_multiplier: 0.8,
      xtc_probability: 0.5,
      reasoning_effort: 'low' as const,
      tools: [{ type: 'function' as const, name: 'get_weather' }],
    }).toExtend<KawaiCreateParams>();
    expectTypeOf({
      model: 'openai/gpt-4o',
      models: ['anthropic/claude-3.5-sonnet'],
      provider: { order: ['openai'], allow_fallbacks: false },
      plugins: [{ id: 'web' as const }],
      session_id: 'conv-1',
      route: 'fallback' as const,
      tools: [{ type: 'openrouter:web_search' as const }],
    }).toExtend<OpenRouterCreateParams>();
    expectTypeOf({
      model: 'gpt-4.1',
      messages: [{ role: 'user' as const, content: 'Hi' }],
      conversation: 'conv_abc123',
    }).toExtend<GatewayCreateParams>();
    expectTypeOf({ input: 'What roasts do you have?', store: true }).toExtend<KartaCreateParams>();
  });

  it('reject fields a server refuses, by type', () => {
    expectTypeOf({
      input: 'x',
      previous_response_id: 'resp_1',
    }).not.toExtend<OpenRouterCreateParams>();
    expectTypeOf({ input: 'x', store: true }).not.toExtend<GatewayCreateParams>();
    expectTypeOf({ input: 'x', stream: true }).toExtend<ResponseCreateParams>();
  });
});

describe('dialect params keep the canonical fields typed', () => {
  it('refuse a canonical field of the wrong type on every dialect', () => {
    expectTypeOf({ model: 42, input: 'x' }).not.toExtend<KawaiCreateParams>();
    expectTypeOf({ model: 42, input: 'x' }).not.toExtend<GatewayCreateParams>();
    expectTypeOf({ model: 42, input: 'x' }).not.toExtend<OpenRouterCreateParams>();
    expectTypeOf({ model: 42, input: 'x' }).not.toExtend<KartaCreateParams>();
    expectTypeOf({ input: 'x', temperature: 'hot' }).not.toExtend<OpenRouterCreateParams>();
    expectTypeOf({ model: 'm', input: 'x', instructions: 7 }).not.toExtend<GatewayCreateParams>();
  });
});
