import { describe, expect, it } from 'vitest';
import { GATEWAY_BASE_URL, gatewayServer } from './gateway.js';
import { events, joined, send, useSimulations } from './harness.js';
import { DEFAULT_REPLY } from './shared.js';

const serve = useSimulations();
const url = `${GATEWAY_BASE_URL}/responses`;
const basic = { model: 'gpt-4.1', input: 'Explain quantum entanglement in simple terms' };
const timeTool = {
  type: 'function',
  name: 'get_time',
  description: 'Get current time for a timezone',
  parameters: {
    type: 'object',
    properties: { timezone: { type: 'string', description: 'IANA timezone name' } },
    required: ['timezone'],
  },
};
const tokyo = { model: 'gpt-4.1', input: 'What is the current time in Tokyo?', tools: [timeTool] };
const call = { name: 'get_time', arguments: '{"timezone":"Asia/Tokyo"}', callId: 'call_1' };

/** Seed 003 lines 240-379: every curl example but streaming and tool calling. */
const examples: [string, Record<string, unknown>][] = [
  ['basic text', basic],
  [
    'with instructions',
    {
      model: 'gpt-4.1',
      instructions:
        'You are a helpful coding assistant. Provide concise answers with code examples.',
      input: 'How do I sort a list in Python?',
    },
  ],
  [
    'structured input with messages',
    {
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'You are a math tutor.' },
        { role: 'user', content: 'What is 15 * 23?' },
      ],
    },
  ],
  [
    'web search tool',
    {
      model: 'gpt-4.1',
      input: 'What are the latest developments in fusion energy?',
      tools: [{ type: 'web_search' }],
    },
  ],
  [
    'reasoning with summary',
    {
      model: 'gpt-5.2',
      input: 'Solve this complex math problem: ...',
      reasoning: { effort: 'high', summary: 'concise' },
    },
  ],
  [
    'JSON output format',
    {
      model: 'gpt-4.1',
      input: 'List 3 programming languages with their use cases',
      text: {
        format: {
          type: 'json_schema',
          name: 'languages',
          schema: { type: 'object' },
          strict: true,
        },
      },
    },
  ],
  [
    'conversation context',
    { model: 'gpt-4.1', input: 'Tell me more about that', conversation: 'conv_abc123' },
  ],
];

describe('gateway', () => {
  it.each(examples)('answers the %s curl example with a canonical response', async (_, body) => {
    const sim = serve(gatewayServer());
    const { status, json } = await send(url, body);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: expect.stringMatching(/^resp_/),
      object: 'response',
      status: 'completed',
      output: [
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: DEFAULT_REPLY }],
        },
      ],
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 8,
        total_tokens: expect.any(Number),
      },
    });
    expect(sim.violations).toEqual([]);
  });

  it('answers the tool calling curl example with a function_call item', async () => {
    serve(gatewayServer({ toolCall: call }));
    const { json } = await send(url, { ...tokyo, tool_choice: 'auto' });
    expect(json.output).toMatchObject([
      { type: 'function_call', call_id: 'call_1', name: 'get_time' },
    ]);
  });

  it('streams the documented events with event: lines and sparse data', async () => {
    serve(gatewayServer());
    const list = events(
      await send(url, {
        model: 'gpt-4.1',
        input: 'Write a short story about a robot',
        stream: true,
      }),
    );
    expect(list.map(({ event }) => event)).toEqual([
      'response.created',
      'response.in_progress',
      ...Array(8).fill('response.output_text.delta'),
      'response.completed',
    ]);
    for (const { event, data } of list) expect(data.type).toBe(event);
    const deltas = list.slice(2, -1);
    for (const { data } of deltas) expect(Object.keys(data)).toEqual(['type', 'delta']);
    expect(joined(deltas)).toBe(DEFAULT_REPLY);
    expect(list.at(-1)?.data.response).toMatchObject({
      status: 'completed',
      output: [{ type: 'message' }],
    });
  });

  it('streams a tool call as response.function_call.delta fragments with call_id and name', async () => {
    serve(gatewayServer({ toolCall: call }));
    const list = events(await send(url, { ...tokyo, stream: true }));
    const deltas = list.filter(({ event }) => event === 'response.function_call.delta');
    expect(deltas.length).toBeGreaterThan(1);
    for (const { data } of deltas)
      expect(data).toMatchObject({ call_id: 'call_1', name: 'get_time' });
    expect(joined(deltas, 'arguments')).toBe(call.arguments);
    expect(list.at(-1)?.event).toBe('response.completed');
  });

  it('ends with response.incomplete and its reason when stopped early', async () => {
    serve(gatewayServer({ incomplete: { reason: 'max_output_tokens' } }));
    const list = events(await send(url, { ...basic, stream: true }));
    expect(list.at(-1)).toMatchObject({
      event: 'response.incomplete',
      data: {
        response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
      },
    });
  });

  it('ends with response.failed carrying the error object when it fails mid-stream', async () => {
    serve(gatewayServer({ failMidStream: { message: 'Upstream reset', code: 'upstream_error' } }));
    const list = events(await send(url, { ...basic, stream: true }));
    expect(list.filter(({ event }) => event === 'response.output_text.delta')).toHaveLength(4);
    expect(list.at(-1)).toMatchObject({
      event: 'response.failed',
      data: {
        response: {
          status: 'failed',
          error: { message: 'Upstream reset', code: 'upstream_error' },
        },
      },
    });
  });

  it('emits an immediate error as an error event', async () => {
    serve(
      gatewayServer({
        immediateError: { message: 'No upstream accounts available', code: 'no_accounts' },
      }),
    );
    const list = events(await send(url, { ...basic, stream: true }));
    expect(list.at(-1)).toEqual({
      event: 'error',
      data: {
        type: 'error',
        error: {
          message: 'No upstream accounts available',
          type: 'server_error',
          code: 'no_accounts',
        },
      },
    });
  });

  it('answers a unary failure with status failed and the error object', async () => {
    serve(gatewayServer({ failMidStream: { message: 'Upstream reset' } }));
    const { json } = await send(url, basic);
    expect(json).toMatchObject({ status: 'failed', error: { message: 'Upstream reset' } });
  });

  it('lists its models at GET /v1/models in the OpenAI list shape', async () => {
    serve(gatewayServer({}, { models: ['gpt-4.1', 'gpt-5.2'] }));
    const { json } = await send(`${GATEWAY_BASE_URL}/models`);
    expect(json).toEqual({
      object: 'list',
      data: [
        { id: 'gpt-4.1', object: 'model', created: expect.any(Number), owned_by: 'gateway' },
        { id: 'gpt-5.2', object: 'model', created: expect.any(Number), owned_by: 'gateway' },
      ],
    });
  });
});
