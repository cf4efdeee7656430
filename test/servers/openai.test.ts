import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedDir } from '../fixtures/recorded.js';
import { events, joined, send, useSimulations } from './harness.js';
import { OPENAI_BASE_URL, openAIServer } from './openai.js';
import { DEFAULT_REPLY } from './shared.js';
import { dataOf, parseSse } from './sse.js';

const serve = useSimulations();
const url = `${OPENAI_BASE_URL}/responses`;
const ask = { model: 'gpt-4.1', input: 'What roasts do you have?' };
const weatherTool = { type: 'function', name: 'weather', parameters: { type: 'object' } };
const call = { name: 'weather', arguments: '{"location":"San Francisco"}', callId: 'call_1' };

function recording(file: string): Record<string, unknown>[] {
  const text = readFileSync(join(recordedDir, file), 'utf8');
  if (file.endsWith('.sse')) return dataOf(parseSse(text));
  if (file.endsWith('.json')) return [JSON.parse(text) as Record<string, unknown>];
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
/** Event types, with runs of the same type collapsed to one. */
function typesOf(list: Record<string, unknown>[]): unknown[] {
  return list.map((event) => event.type).filter((type, index, all) => type !== all[index - 1]);
}
const keysOf = (value: unknown) => Object.keys(value as object).sort();

describe('openai', () => {
  it('answers a unary create with the fields of a recorded response', async () => {
    serve(openAIServer());
    const { status, json } = await send(url, ask);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      object: 'response',
      status: 'completed',
      output: [{ type: 'message', content: [{ type: 'output_text', text: DEFAULT_REPLY }] }],
    });
    const real = recording('test_background_mode_streaming_starting_after_vcr.1.sse').at(-1);
    expect(keysOf(json)).toEqual(keysOf(real?.response));
  });

  it('streams the recorded event sequence with event: lines and consecutive sequence numbers', async () => {
    serve(openAIServer());
    const answer = await send(url, { ...ask, stream: true });
    const list = events(answer);
    for (const { event, data } of list) expect(event).toBe(data.type);
    expect(list.map(({ data }) => data.sequence_number)).toEqual(list.map((_, index) => index));
    const data = list.map((entry) => entry.data);
    const real = recording('azure-text.1.chunks.txt');
    expect(typesOf(data)).toEqual(typesOf(real));
    for (const event of real) {
      const ours = data.find((entry) => entry.type === event.type);
      const { obfuscation: _, ...fields } = event;
      expect(keysOf(ours), String(event.type)).toEqual(keysOf(fields));
    }
    expect(joined(list.filter(({ event }) => event === 'response.output_text.delta'))).toBe(
      DEFAULT_REPLY,
    );
    expect(answer.text).not.toContain('[DONE]');
  });

  it('streams a tool call like the recorded one', async () => {
    serve(openAIServer({ toolCall: call }));
    const list = events(await send(url, { ...ask, tools: [weatherTool], stream: true })).map(
      ({ data }) => data,
    );
    expect(typesOf(list)).toEqual(typesOf(recording('azure-tool-call.1.chunks.txt')));
    const deltas = list.filter((event) => event.type === 'response.function_call_arguments.delta');
    expect(deltas.map((event) => event.delta).join('')).toBe(call.arguments);
    expect(list.at(-1)?.response).toMatchObject({
      output: [
        { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: call.arguments },
      ],
    });
  });

  it('answers with text when the function tool is not offered', async () => {
    serve(openAIServer({ toolCall: call }));
    const { json } = await send(url, ask);
    expect(json.output).toMatchObject([{ type: 'message' }]);
  });

  it('replays the recorded openai-error form for an immediate error', async () => {
    serve(
      openAIServer({
        immediateError: { message: 'You exceeded your current quota.', code: 'insufficient_quota' },
      }),
    );
    const list = events(await send(url, { ...ask, stream: true })).map(({ data }) => data);
    const real = recording('openai-error.1.chunks.txt');
    expect(typesOf(list)).toEqual(typesOf(real));
    expect(keysOf(list[2]?.error)).toEqual(keysOf(real[2]?.error));
    expect(list[2]?.error).toMatchObject({
      code: 'insufficient_quota',
      message: 'You exceeded your current quota.',
    });
  });

  it('ends a mid-stream failure with response.failed and ends incomplete with response.incomplete', async () => {
    serve(openAIServer({ failMidStream: { message: 'The server had an error.' } }));
    const failed = events(await send(url, { ...ask, stream: true })).at(-1)?.data;
    expect(failed).toMatchObject({
      type: 'response.failed',
      response: { error: { code: 'server_error' } },
    });
    serve(openAIServer({ incomplete: { reason: 'max_output_tokens' } }));
    const incomplete = events(await send(url, { ...ask, stream: true })).at(-1)?.data;
    expect(incomplete).toMatchObject({
      type: 'response.incomplete',
      response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
    });
  });

  it('answers a negative temperature with the recorded error body, word for word', async () => {
    const sim = serve(openAIServer());
    const { status, json } = await send(url, { ...ask, temperature: -1 });
    expect(status).toBe(400);
    expect(json).toEqual(recording('test_openai_responses_model_http_error.1.json')[0]);
    expect(sim.violations[0]?.rule).toBe('temperature.range');
  });

  it.each([
    ['model.required', { input: 'Hi' }],
    ['input.type', { ...ask, input: 42 }],
    ['temperature.range', { ...ask, temperature: 2.5 }],
    ['top_p.range', { ...ask, top_p: 1.5 }],
    ['top_logprobs.range', { ...ask, top_logprobs: 21 }],
    ['max_output_tokens.range', { ...ask, max_output_tokens: 8 }],
    ['truncation.enum', { ...ask, truncation: 'middle' }],
    ['include.enum', { ...ask, include: ['everything'] }],
    ['tools.type', { ...ask, tools: [{ type: 'teleport' }] }],
    [
      'tools.function_name',
      { ...ask, tools: [{ type: 'function', function: { name: 'weather' } }] },
    ],
    [
      'conversation.previous_response_id',
      { ...ask, conversation: 'conv_1', previous_response_id: 'resp_1' },
    ],
    ['background.store', { ...ask, background: true, store: false }],
    ['previous_response_id.not_found', { ...ask, previous_response_id: 'resp_unknown' }],
    [
      'input.function_call_output',
      { ...ask, input: [{ type: 'function_call_output', call_id: 'call_nowhere', output: '12C' }] },
    ],
  ])('answers 400 to a request breaking %s', async (rule, body) => {
    const sim = serve(openAIServer());
    const { status, json } = await send(url, body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.any(String),
    });
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it('accepts a function_call_output that answers a call of the previous response', async () => {
    serve(openAIServer({ toolCall: call }));
    const first = await send(url, { ...ask, tools: [weatherTool] });
    const output = [{ type: 'function_call_output', call_id: 'call_1', output: '12C' }];
    const next = await send(url, {
      ...ask,
      tools: [weatherTool],
      input: output,
      previous_response_id: first.json.id,
    });
    expect(next.status).toBe(200);
    expect(next.json.output).toMatchObject([{ type: 'message' }]);
  });

  it('answers 401 without a key and with a wrong one', async () => {
    const sim = serve(openAIServer({}, { apiKey: 'sk-right' }));
    expect((await send(url, ask, { headers: { 'Content-Type': 'application/json' } })).status).toBe(
      401,
    );
    const wrong = await send(url, ask);
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'auth.missing',
      'auth.invalid',
    ]);
  });

  it('answers a scripted 429 with the quota error of the recording', async () => {
    serve(openAIServer({ status: 429, errorCode: 'insufficient_quota' }));
    const { status, json } = await send(url, ask);
    expect(status).toBe(429);
    expect(keysOf(json.error)).toEqual(keysOf(recording('openai-error.1.json')[0]?.error));
    expect(json.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
  });

  it('lists models at GET /models', async () => {
    serve(openAIServer({}, { models: ['gpt-4.1'] }));
    const { json } = await send(`${OPENAI_BASE_URL}/models`);
    expect(json).toEqual({
      object: 'list',
      data: [{ id: 'gpt-4.1', object: 'model', created: expect.any(Number), owned_by: 'system' }],
    });
  });
});
