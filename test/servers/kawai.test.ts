import { describe, expect, it } from 'vitest';
import { events, joined, send, useSimulations } from './harness.js';
import { KAWAI_BASE_URL, kawaiServer } from './kawai.js';
import { DEFAULT_REPLY } from './shared.js';

const serve = useSimulations();
const url = `${KAWAI_BASE_URL}/responses`;
const model = 'qwen3-8b-q8_0';
const hello = { model, input: [{ role: 'user', content: 'Hello, how are you?' }] };
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a location',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string', description: 'City name' } },
      required: ['location'],
    },
  },
};
const weather = {
  model,
  input: [{ role: 'user', content: 'What is the weather in London?' }],
  tools: [weatherTool],
};
const call = { name: 'get_weather', arguments: '{"location":"London"}', callId: 'call_xyz789' };

describe('kawai', () => {
  it('answers the basic curl example with the seed response object', async () => {
    serve(kawaiServer());
    const { status, json } = await send(url, hello);
    expect(status).toBe(200);
    expect(json).toEqual({
      id: expect.stringMatching(/^resp_/),
      object: 'response',
      created_at: expect.any(Number),
      status: 'completed',
      model,
      output: [
        {
          type: 'message',
          id: expect.stringMatching(/^msg_/),
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: DEFAULT_REPLY, annotations: [] }],
        },
      ],
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 8,
        total_tokens: expect.any(Number),
      },
    });
  });

  it('streams the seed events, with sparse deltas that carry only type and delta', async () => {
    serve(kawaiServer({ reply: 'Code flows like verse' }));
    const input = [{ role: 'user', content: 'Write a short poem about coding' }];
    const answer = await send(url, { model, input, stream: true });
    const list = events(answer);
    expect(list.map(({ data }) => data.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      ...Array(4).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.completed',
    ]);
    for (const { event, data } of list) expect(event).toBe(data.type);
    const deltas = list.filter(({ data }) => data.type === 'response.output_text.delta');
    for (const { data } of deltas) expect(Object.keys(data)).toEqual(['type', 'delta']);
    expect(joined(deltas)).toBe('Code flows like verse');
    expect(list[7]?.data).toEqual({
      type: 'response.output_text.done',
      text: 'Code flows like verse',
    });
    expect(list[8]?.data.response).toMatchObject({
      status: 'completed',
      usage: expect.any(Object),
    });
  });

  it('answers the tools curl example with a function_call output item', async () => {
    serve(kawaiServer({ toolCall: call }));
    const { json } = await send(url, weather);
    expect(json.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: 'call_xyz789',
        name: 'get_weather',
        arguments: '{"location":"London"}',
        status: 'completed',
      },
    ]);
  });

  it('streams a tool call as one output_item.added carrying the whole call', async () => {
    serve(kawaiServer({ toolCall: call }));
    const list = events(await send(url, { ...weather, stream: true }));
    expect(list.map(({ data }) => data.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.completed',
    ]);
    expect(list[2]?.data.item).toMatchObject({ type: 'function_call', name: 'get_weather' });
  });

  it('answers with text once the input carries the tool result', async () => {
    serve(kawaiServer({ toolCall: call, reply: '12C and rain.' }));
    const input = [
      ...weather.input,
      { type: 'function_call', call_id: 'call_xyz789', name: 'get_weather', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_xyz789', output: '12C' },
    ];
    const { json } = await send(url, { ...weather, input });
    expect(json.output).toMatchObject([{ type: 'message' }]);
  });

  it('leaves usage out of the stream when include_usage is false', async () => {
    serve(kawaiServer());
    const list = events(await send(url, { ...hello, stream: true, include_usage: false }));
    expect(list.at(-1)?.data.response).not.toHaveProperty('usage');
  });

  it('accepts a request without Authorization while auth is disabled', async () => {
    serve(kawaiServer());
    const answer = await send(url, hello, { headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(200);
  });

  it('answers 401 without the token once auth is enabled', async () => {
    const sim = serve(kawaiServer({}, { apiKey: 'secret' }));
    const answer = await send(url, hello, { headers: { 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(401);
    expect(sim.violations[0]?.rule).toBe('auth.missing');
    const headers = { Authorization: 'Bearer secret', 'Content-Type': 'application/json' };
    expect((await send(url, hello, { headers })).status).toBe(200);
  });

  it('answers 400 when the Content-Type is not application/json', async () => {
    const sim = serve(kawaiServer());
    const headers = { 'Content-Type': 'text/plain' };
    expect((await send(url, JSON.stringify(hello), { headers })).status).toBe(400);
    expect(sim.violations[0]?.rule).toBe('content_type');
  });

  it.each([
    ['model.required', { input: hello.input }],
    ['input.required', { model }],
    ['input.type', { model, input: 'Hello, how are you?' }],
    ['input.item', { model, input: [{ role: 'robot', content: 'beep' }] }],
    ['top_logprobs.range', { ...hello, top_logprobs: 6 }],
    ['top_logprobs.range', { ...hello, top_logprobs: -1 }],
    ['top_logprobs.type', { ...hello, top_logprobs: 2.5 }],
    ['reasoning_effort.enum', { ...hello, reasoning_effort: 'extreme' }],
    ['tool_choice.enum', { ...hello, tool_choice: 'sometimes' }],
    ['tool_choice.type', { ...hello, tool_choice: { type: 'function', name: 'get_weather' } }],
    ['truncation.enum', { ...hello, truncation: 'middle' }],
    ['xtc_min_keep.range', { ...hello, xtc_min_keep: -1 }],
    ['temperature.type', { ...hello, temperature: 'hot' }],
    ['top_k.type', { ...hello, top_k: 0.5 }],
    ['stream.type', { ...hello, stream: 'true' }],
    ['tools.type', { ...hello, tools: [{ type: 'web_search' }] }],
  ])('answers 400 to a body breaking %s', async (rule, body) => {
    const sim = serve(kawaiServer());
    const { status, json } = await send(url, body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.any(String),
    });
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it('rejects a flat canonical function tool: the client must nest it under function', async () => {
    const sim = serve(kawaiServer({ toolCall: call }));
    const flat = {
      type: 'function',
      name: 'get_weather',
      parameters: weatherTool.function.parameters,
    };
    const { status, json } = await send(url, { ...weather, tools: [flat] });
    expect(status).toBe(400);
    expect(json.error?.param).toBe('tools[0].function');
    expect(sim.violations[0]?.rule).toBe('tools.nested_function');
  });

  it('accepts top_logprobs at the edges of 0-5 and every reasoning_effort', async () => {
    const sim = serve(kawaiServer());
    for (const top_logprobs of [0, 5]) {
      expect((await send(url, { ...hello, logprobs: true, top_logprobs })).status).toBe(200);
    }
    for (const effort of ['none', 'minimal', 'low', 'medium', 'high']) {
      expect((await send(url, { ...hello, reasoning_effort: effort })).status).toBe(200);
    }
    expect(sim.violations).toEqual([]);
  });

  it('answers a scripted status with the error envelope and code', async () => {
    serve(kawaiServer({ status: 503, errorCode: 'model_loading' }));
    const { status, json } = await send(url, hello);
    expect(status).toBe(503);
    expect(json.error).toMatchObject({ type: 'server_error', code: 'model_loading' });
  });

  it('refuses to script a failure form the Kawai seed does not document', () => {
    expect(() => kawaiServer({ failMidStream: { message: 'x' } })).toThrow(/failMidStream/);
  });
});
