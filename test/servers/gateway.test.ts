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

  it('answers 401 without a bearer token, on both endpoints', async () => {
    const sim = serve(gatewayServer());
    const headers = { 'Content-Type': 'application/json' };
    expect((await send(url, basic, { headers })).status).toBe(401);
    expect((await send(`${GATEWAY_BASE_URL}/models`, undefined, { headers })).status).toBe(401);
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'auth.missing',
      'auth.missing',
    ]);
  });

  const fileInput = [{ role: 'user', content: [{ type: 'input_file', file_id: 'file_123' }] }];
  it.each([
    ['model.required', { input: 'Hi' }],
    ['model.unknown', { ...basic, model: 'gpt-3' }],
    ['input.messages_exclusive', { ...basic, messages: [{ role: 'user', content: 'Hi' }] }],
    ['input.required', { model: 'gpt-4.1' }],
    ['input.type', { model: 'gpt-4.1', input: 42 }],
    ['input.role', { model: 'gpt-4.1', input: [{ role: 'system', content: 'Be brief.' }] }],
    ['input.file_id', { model: 'gpt-4.1', input: fileInput }],
    ['messages.item', { model: 'gpt-4.1', messages: [{ role: 'robot', content: 'beep' }] }],
    ['tools.unsupported', { ...basic, tools: [{ type: 'file_search' }] }],
    ['tools.unsupported', { ...basic, tools: [{ type: 'code_interpreter' }] }],
    ['tools.unsupported', { ...basic, tools: [{ type: 'computer_use' }] }],
    ['tools.unsupported', { ...basic, tools: [{ type: 'computer_use_preview' }] }],
    ['tools.unsupported', { ...basic, tools: [{ type: 'image_generation' }] }],
    ['tools.unknown', { ...basic, tools: [{ type: 'mcp' }] }],
    [
      'tools.function_name',
      { ...basic, tools: [{ type: 'function', function: { name: 'get_time' } }] },
    ],
    ['tool_choice.invalid', { ...basic, tool_choice: 'sometimes' }],
    ['text.format.type', { ...basic, text: { format: { type: 'yaml' } } }],
    ['include.unknown', { ...basic, include: ['reasoning.raw_thoughts'] }],
    [
      'conversation.previous_response_id',
      { ...basic, conversation: 'conv_1', previous_response_id: 'resp_1' },
    ],
    ['previous_response_id.unsupported', { ...basic, previous_response_id: 'resp_1' }],
    ['store.true', { ...basic, store: true }],
    ['truncation.unsupported', { ...basic, truncation: 'disabled' }],
    ['truncation.unsupported', { ...basic, truncation: 'auto' }],
  ])('answers 400 to a request breaking %s', async (rule, body) => {
    const sim = serve(gatewayServer());
    const { status, json } = await send(url, body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({
      message: expect.any(String),
      type: 'invalid_request_error',
    });
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it('accepts every allowlisted include value, store false, and web_search_preview', async () => {
    const sim = serve(gatewayServer());
    const include = [
      'code_interpreter_call.outputs',
      'computer_call_output.output.image_url',
      'file_search_call.results',
      'message.input_image.image_url',
      'message.output_text.logprobs',
      'reasoning.encrypted_content',
      'web_search_call.action.sources',
    ];
    const body = { ...basic, include, store: false, tools: [{ type: 'web_search_preview' }] };
    expect((await send(url, body)).status).toBe(200);
    expect(sim.violations).toEqual([]);
  });

  it("answers 400 model_not_allowed for a model outside the key's allowed_models", async () => {
    serve(gatewayServer({}, { allowedModels: ['gpt-4.1'] }));
    const { status, json } = await send(url, { ...basic, model: 'gpt-5.2' });
    expect(status).toBe(400);
    expect(json).toEqual({
      error: {
        message: "This API key does not have access to model 'gpt-5.2'",
        type: 'invalid_request_error',
        code: 'model_not_allowed',
        param: null,
      },
    });
  });

  it.each([
    ['no_accounts', 503],
    ['upstream_error', 502],
    ['not_implemented', 501],
  ])('answers the %s error code with status %i', async (errorCode, status) => {
    serve(gatewayServer({ errorCode }));
    const answer = await send(url, basic);
    expect(answer.status).toBe(status);
    expect(answer.json.error).toMatchObject({ code: errorCode, type: 'server_error' });
  });
});
