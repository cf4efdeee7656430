import { describe, expect, it } from 'vitest';
import { GATEWAY_BASE_URL, gatewayServer } from './gateway.js';
import { send, useSimulations } from './harness.js';

const serve = useSimulations();
const url = `${GATEWAY_BASE_URL}/responses`;
const basic = { model: 'gpt-4.1', input: 'Explain quantum entanglement in simple terms' };

describe('gateway rules', () => {
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
