import { describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/index.js';
import { createFakeServer, type FakeServerOptions } from '../../src/testing/index.js';

const json = { 'content-type': 'application/json' };

/** A raw request to a fake server of `dialect`: its status and JSON body. */
async function send(
  dialect: DialectName,
  path: string,
  body: unknown,
  options: FakeServerOptions<DialectName> & { headers?: Record<string, string> } = {},
) {
  const { headers = { ...json, authorization: 'Bearer sk-test' }, ...serverOptions } = options;
  const server = createFakeServer({ ...serverOptions, dialect, turns: () => 'ok' });
  const answer = await server.fetch(`${server.baseURL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return {
    status: answer.status,
    body: (await answer.json()) as { error: Record<string, unknown> },
  };
}

const ask = { model: 'gpt-4.1', input: 'Hi' };
const messages = [{ role: 'user', content: 'Hi' }];
const chat = { model: 'gpt-4.1', messages };
const kartaAsk = { input: 'What roasts do you have?' };
const hello = { model: 'qwen3-8b-q8_0', input: messages };
const weather = { model: 'openai/gpt-oss-20b', input: messages };
const fileInput = [{ role: 'user', content: [{ type: 'input_file', file_id: 'file_123' }] }];

/** Each server's rules: what a request breaks, and the status and `param` it answers. */
const refusals: [DialectName, string, string, unknown, number, string | null][] = [
  ['openai', 'a missing model', '/responses', { input: 'Hi' }, 400, 'model'],
  ['openai', 'an input of another type', '/responses', { ...ask, input: 42 }, 400, 'input'],
  ['openai', 'temperature above 2', '/responses', { ...ask, temperature: 2.5 }, 400, 'temperature'],
  ['openai', 'top_p above 1', '/responses', { ...ask, top_p: 1.5 }, 400, 'top_p'],
  [
    'openai',
    'top_logprobs above 20',
    '/responses',
    { ...ask, top_logprobs: 21 },
    400,
    'top_logprobs',
  ],
  [
    'openai',
    'max_output_tokens below 16',
    '/responses',
    { ...ask, max_output_tokens: 8 },
    400,
    'max_output_tokens',
  ],
  [
    'openai',
    'an unknown truncation',
    '/responses',
    { ...ask, truncation: 'middle' },
    400,
    'truncation',
  ],
  [
    'openai',
    'a function tool nested as in chat',
    '/responses',
    { ...ask, tools: [{ type: 'function', function: { name: 'f' } }] },
    400,
    'tools[0].name',
  ],
  [
    'openai',
    'both conversation and previous_response_id',
    '/responses',
    { ...ask, conversation: 'conv_1', previous_response_id: 'resp_1' },
    400,
    null,
  ],
  [
    'openai',
    'background without store',
    '/responses',
    { ...ask, background: true, store: false },
    400,
    'background',
  ],
  [
    'openai',
    'an unknown previous_response_id',
    '/responses',
    { ...ask, previous_response_id: 'resp_unknown' },
    400,
    'previous_response_id',
  ],
  [
    'openai',
    'an orphan function_call_output',
    '/responses',
    { ...ask, input: [{ type: 'function_call_output', call_id: 'call_nowhere', output: '12C' }] },
    400,
    'input',
  ],
  ['openai', 'a chat request without model', '/chat/completions', { messages }, 400, 'model'],
  [
    'openai',
    'a chat request without messages',
    '/chat/completions',
    { model: 'gpt-4.1' },
    400,
    'messages',
  ],
  ['openai', 'empty messages', '/chat/completions', { ...chat, messages: [] }, 400, 'messages'],
  [
    'openai',
    'an unknown role',
    '/chat/completions',
    { ...chat, messages: [{ role: 'robot', content: 'beep' }] },
    400,
    'messages[0].role',
  ],
  [
    'openai',
    'a tool message without tool_call_id',
    '/chat/completions',
    { ...chat, messages: [{ role: 'tool', content: '12C' }] },
    400,
    'messages[0].tool_call_id',
  ],
  [
    'openai',
    'a chat temperature above 2',
    '/chat/completions',
    { ...chat, temperature: 3 },
    400,
    'temperature',
  ],
  [
    'openai',
    'a flat chat tool',
    '/chat/completions',
    { ...chat, tools: [{ type: 'function', name: 'f' }] },
    400,
    'tools[0].function',
  ],
  ['openai', 'a compact without model', '/responses/compact', { input: 'Hi' }, 400, 'model'],
  ['karta', 'a missing input', '/projects/my-app/responses', {}, 422, 'input'],
  ['karta', 'an input of another type', '/projects/my-app/responses', { input: 42 }, 422, 'input'],
  [
    'karta',
    'an input item that is no object',
    '/projects/my-app/responses',
    { input: ['not an item'] },
    422,
    'input[0]',
  ],
  [
    'karta',
    'a stream that is no boolean',
    '/projects/my-app/responses',
    { ...kartaAsk, stream: 'yes' },
    422,
    'stream',
  ],
  [
    'karta',
    'a store that is no boolean',
    '/projects/my-app/responses',
    { ...kartaAsk, store: 'pin' },
    422,
    'store',
  ],
  [
    'karta',
    'a model that is no string',
    '/projects/my-app/responses',
    { ...kartaAsk, model: 7 },
    422,
    'model',
  ],
  [
    'karta',
    'a chat request without messages',
    '/projects/my-app/chat/completions',
    {},
    422,
    'messages',
  ],
  [
    'karta',
    'content parts in a chat message',
    '/projects/my-app/chat/completions',
    { messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] },
    422,
    'messages[0]',
  ],
  [
    'karta',
    'a chat stream that is no boolean',
    '/projects/my-app/chat/completions',
    { messages, stream: 1 },
    422,
    'stream',
  ],
  ['kawai', 'a missing model', '/responses', { input: messages }, 400, 'model'],
  ['kawai', 'a missing input', '/responses', { model: 'm' }, 400, 'input'],
  ['kawai', 'a text input', '/responses', { model: 'm', input: 'Hello' }, 400, 'input'],
  [
    'kawai',
    'an unknown role',
    '/responses',
    { model: 'm', input: [{ role: 'robot', content: 'beep' }] },
    400,
    'input[0]',
  ],
  [
    'kawai',
    'top_logprobs above 5',
    '/responses',
    { ...hello, top_logprobs: 6 },
    400,
    'top_logprobs',
  ],
  [
    'kawai',
    'top_logprobs below 0',
    '/responses',
    { ...hello, top_logprobs: -1 },
    400,
    'top_logprobs',
  ],
  [
    'kawai',
    'a fractional top_logprobs',
    '/responses',
    { ...hello, top_logprobs: 2.5 },
    400,
    'top_logprobs',
  ],
  [
    'kawai',
    'an unknown reasoning_effort',
    '/responses',
    { ...hello, reasoning_effort: 'extreme' },
    400,
    'reasoning_effort',
  ],
  [
    'kawai',
    'an unknown tool_choice',
    '/responses',
    { ...hello, tool_choice: 'sometimes' },
    400,
    'tool_choice',
  ],
  [
    'kawai',
    'a tool_choice object',
    '/responses',
    { ...hello, tool_choice: { type: 'function', name: 'f' } },
    400,
    'tool_choice',
  ],
  [
    'kawai',
    'an unknown truncation',
    '/responses',
    { ...hello, truncation: 'middle' },
    400,
    'truncation',
  ],
  [
    'kawai',
    'a negative xtc_min_keep',
    '/responses',
    { ...hello, xtc_min_keep: -1 },
    400,
    'xtc_min_keep',
  ],
  [
    'kawai',
    'a string temperature',
    '/responses',
    { ...hello, temperature: 'hot' },
    400,
    'temperature',
  ],
  ['kawai', 'a fractional top_k', '/responses', { ...hello, top_k: 0.5 }, 400, 'top_k'],
  ['kawai', 'a string stream', '/responses', { ...hello, stream: 'true' }, 400, 'stream'],
  [
    'kawai',
    'a web_search tool',
    '/responses',
    { ...hello, tools: [{ type: 'web_search' }] },
    400,
    'tools[0]',
  ],
  [
    'kawai',
    'a flat function tool',
    '/responses',
    { ...hello, tools: [{ type: 'function', name: 'f' }] },
    400,
    'tools[0].function',
  ],
  [
    'openrouter',
    'a previous_response_id',
    '/responses',
    { ...weather, previous_response_id: 'resp_1' },
    400,
    null,
  ],
  ['openrouter', 'temperature above 2', '/responses', { ...weather, temperature: 2.1 }, 400, null],
  [
    'openrouter',
    'top_logprobs above 20',
    '/responses',
    { ...weather, top_logprobs: 21 },
    400,
    null,
  ],
  [
    'openrouter',
    'a fractional top_logprobs',
    '/responses',
    { ...weather, top_logprobs: 1.5 },
    400,
    null,
  ],
  [
    'openrouter',
    'presence_penalty below -2',
    '/responses',
    { ...weather, presence_penalty: -2.5 },
    400,
    null,
  ],
  [
    'openrouter',
    'presence_penalty above 2',
    '/responses',
    { ...weather, presence_penalty: 2.5 },
    400,
    null,
  ],
  [
    'openrouter',
    'frequency_penalty below -2',
    '/responses',
    { ...weather, frequency_penalty: -3 },
    400,
    null,
  ],
  [
    'openrouter',
    'frequency_penalty above 2',
    '/responses',
    { ...weather, frequency_penalty: 3 },
    400,
    null,
  ],
  [
    'openrouter',
    'a user of 129 characters',
    '/responses',
    { ...weather, user: 'u'.repeat(129) },
    400,
    null,
  ],
  [
    'openrouter',
    'a session_id of 129 characters',
    '/responses',
    { ...weather, session_id: 's'.repeat(129) },
    400,
    null,
  ],
  ['openrouter', 'an input of another type', '/responses', { ...weather, input: 42 }, 400, null],
  [
    'openrouter',
    'models as a string',
    '/responses',
    { ...weather, models: 'openai/gpt-4o' },
    400,
    null,
  ],
  [
    'openrouter',
    'a function tool nested as in chat',
    '/responses',
    { ...weather, tools: [{ type: 'function', function: { name: 'f' } }] },
    400,
    null,
  ],
  [
    'openrouter',
    'empty chat messages',
    '/chat/completions',
    { model: 'openai/gpt-4o-mini', messages: [] },
    400,
    null,
  ],
  ['gateway', 'a missing model', '/responses', { input: 'Hi' }, 400, 'model'],
  ['gateway', 'a model it does not serve', '/responses', { ...ask, model: 'gpt-3' }, 400, 'model'],
  ['gateway', 'both input and messages', '/responses', { ...ask, messages }, 400, 'messages'],
  ['gateway', 'neither input nor messages', '/responses', { model: 'gpt-4.1' }, 400, 'input'],
  ['gateway', 'an input of another type', '/responses', { ...ask, input: 42 }, 400, 'input'],
  [
    'gateway',
    'a system message in input',
    '/responses',
    { ...ask, input: [{ role: 'system', content: 'Be brief.' }] },
    400,
    'input[0].role',
  ],
  [
    'gateway',
    'an input file by id',
    '/responses',
    { ...ask, input: fileInput },
    400,
    'input[0].file_id',
  ],
  [
    'gateway',
    'a message of an unknown role',
    '/responses',
    { model: 'gpt-4.1', messages: [{ role: 'robot', content: 'beep' }] },
    400,
    'messages[0]',
  ],
  ...[
    'file_search',
    'code_interpreter',
    'computer_use',
    'computer_use_preview',
    'image_generation',
  ].map((type): [DialectName, string, string, unknown, number, string | null] => [
    'gateway',
    `a ${type} tool`,
    '/responses',
    { ...ask, tools: [{ type }] },
    400,
    'tools[0]',
  ]),
  ['gateway', 'an mcp tool', '/responses', { ...ask, tools: [{ type: 'mcp' }] }, 400, 'tools[0]'],
  [
    'gateway',
    'a function tool nested as in chat',
    '/responses',
    { ...ask, tools: [{ type: 'function', function: { name: 'f' } }] },
    400,
    'tools[0].name',
  ],
  [
    'gateway',
    'an unknown tool_choice',
    '/responses',
    { ...ask, tool_choice: 'sometimes' },
    400,
    'tool_choice',
  ],
  [
    'gateway',
    'an unknown text format',
    '/responses',
    { ...ask, text: { format: { type: 'yaml' } } },
    400,
    'text.format.type',
  ],
  [
    'gateway',
    'both conversation and previous_response_id',
    '/responses',
    { ...ask, conversation: 'conv_1', previous_response_id: 'resp_1' },
    400,
    'previous_response_id',
  ],
  [
    'gateway',
    'a previous_response_id',
    '/responses',
    { ...ask, previous_response_id: 'resp_1' },
    400,
    'previous_response_id',
  ],
  ['gateway', 'store: true', '/responses', { ...ask, store: true }, 400, 'store'],
  [
    'gateway',
    'truncation: disabled',
    '/responses',
    { ...ask, truncation: 'disabled' },
    400,
    'truncation',
  ],
  ['gateway', 'truncation: auto', '/responses', { ...ask, truncation: 'auto' }, 400, 'truncation'],
];

describe('createFakeServer: the rules each server enforces', () => {
  it.each(refusals)('%s refuses %s', async (dialect, _, path, body, status, param) => {
    const models = dialect === 'gateway' ? ['gpt-4.1', 'gpt-5.2'] : undefined;
    const answer = await send(dialect, path, body, { models });
    expect(answer.status).toBe(status);
    // OpenRouter's error body is `{ error: { code: <status>, message } }`; the others name the field.
    if (dialect === 'openrouter')
      expect(answer.body).toEqual({ error: { code: status, message: expect.any(String) } });
    else expect(answer.body.error).toMatchObject({ param, message: expect.any(String) });
  });

  it.each<[DialectName, string, Record<string, unknown>]>([
    ['kawai', 'top_logprobs at 0', { ...hello, logprobs: true, top_logprobs: 0 }],
    ['kawai', 'top_logprobs at 5', { ...hello, logprobs: true, top_logprobs: 5 }],
    ...['none', 'minimal', 'low', 'medium', 'high'].map(
      (effort): [DialectName, string, Record<string, unknown>] => [
        'kawai',
        `reasoning_effort ${effort}`,
        { ...hello, reasoning_effort: effort },
      ],
    ),
    [
      'openrouter',
      'the edges of every range, and a null previous_response_id',
      {
        ...weather,
        temperature: 2,
        top_logprobs: 20,
        presence_penalty: -2,
        frequency_penalty: 2,
        user: 'u'.repeat(128),
        session_id: 's'.repeat(128),
        previous_response_id: null,
      },
    ],
    [
      'gateway',
      'every allowlisted include value, store: false and web_search_preview',
      {
        ...ask,
        include: ['reasoning.encrypted_content', 'web_search_call.action.sources'],
        store: false,
        tools: [{ type: 'web_search_preview' }],
      },
    ],
  ])('%s takes %s', async (dialect, _, body) => {
    expect((await send(dialect, '/responses', body)).status).toBe(200);
  });

  it('answers 400 on Kawai when the Content-Type is not application/json', async () => {
    const headers = { 'content-type': 'text/plain' };
    const answer = await send('kawai', '/responses', hello, { headers });
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_content_type' } },
    });
  });
});

describe('createFakeServer({ apiKey }): the 401 each server answers without its key', () => {
  it.each<[DialectName, string, unknown, Record<string, unknown>]>([
    ['openai', '/responses', ask, { error: { type: 'invalid_request_error', code: null } }],
    ['openai', '/models', undefined, { error: { type: 'invalid_request_error', code: null } }],
    [
      'openrouter',
      '/responses',
      weather,
      { error: { code: 401, message: 'Missing Authentication header' } },
    ],
    ['karta', '/projects/my-app/responses', kartaAsk, { error: { code: 'unauthorized' } }],
    [
      'karta',
      '/projects/my-app/chat/completions',
      { messages },
      { error: { code: 'unauthorized' } },
    ],
    ['kawai', '/responses', hello, { error: { type: 'authentication_error' } }],
    ['gateway', '/responses', ask, { error: { code: 'invalid_api_key' } }],
    ['gateway', '/models', undefined, { error: { code: 'invalid_api_key' } }],
  ])('%s answers %s', async (dialect, path, body, expected) => {
    const answer = await send(dialect, path, body, { apiKey: 'sk-right', headers: json });
    expect(answer).toMatchObject({ status: 401, body: expected });
  });

  it("answers another key 401 too, in the server's words (OpenAI shows it masked)", async () => {
    const headers = { ...json, authorization: 'Bearer sk-wrong-1234' };
    const answer = await send('openai', '/responses', ask, { apiKey: 'sk-right', headers });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'invalid_api_key' } } });
    expect(answer.body.error.message).toContain('sk-*****1234');
    const karta = await send('karta', '/projects/p/responses', kartaAsk, { apiKey: 'k', headers });
    expect(karta).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('takes any request, with a key or without, when it is given none', async () => {
    expect((await send('openai', '/responses', ask, { headers: json })).status).toBe(200);
  });
});
