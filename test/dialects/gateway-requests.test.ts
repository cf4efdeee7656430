import { describe, expect, it } from 'vitest';
import { type GatewayCreateParams, RequestValidationError } from '../../src/index.js';
import { basic, setup, timeTool, tokyo } from './gateway-setup.js';

describe('the gateway dialect: requests', () => {
  it('sends web_search_preview as web_search, in tools and in tool_choice', async () => {
    const { server, client } = setup();
    await client.responses.create({
      ...basic,
      tools: [{ type: 'web_search_preview', search_context_size: 'low' }, timeTool],
      tool_choice: { type: 'web_search_preview' },
    });
    expect(server.requests[0]?.body).toMatchObject({
      tools: [{ type: 'web_search', search_context_size: 'low' }, timeTool],
      tool_choice: { type: 'web_search' },
    });
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('sends its other documented fields unchanged', async () => {
    const { server, client } = setup();
    const fields = {
      include: [
        'code_interpreter_call.outputs',
        'computer_call_output.output.image_url',
        'file_search_call.results',
        'message.input_image.image_url',
        'message.output_text.logprobs',
        'reasoning.encrypted_content',
        'web_search_call.action.sources',
      ] as const,
      store: false as const,
      prompt_cache_key: 'user-42',
      parallel_tool_calls: true,
      tool_choice: { type: 'function' as const, name: 'get_time' },
      text: { verbosity: 'low' as const, format: { type: 'text' as const } },
    };
    await client.responses.create({ ...tokyo, ...fields, include: [...fields.include] });
    expect(server.requests[0]?.body).toEqual({ ...tokyo, ...fields });
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('leaves out fields given as null (the default), which the gateway would refuse', async () => {
    const { server, client } = setup();
    await client.responses.create({
      ...basic,
      previous_response_id: null,
      truncation: null,
      store: null,
      instructions: null,
    });
    expect(server.requests[0]?.body).toEqual(basic);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  const fileInput = [
    { role: 'user' as const, content: [{ type: 'input_file' as const, file_id: 'file_123' }] },
  ];
  const refused: [string, Record<string, unknown>, (string | number)[]][] = [
    ['a missing model', { model: undefined }, ['model']],
    ['input with messages', { messages: [{ role: 'user', content: 'Hi' }] }, ['messages']],
    ['neither input nor messages', { input: undefined }, ['input']],
    [
      'a system message in input',
      { input: [{ role: 'system', content: 'Be brief.' }] },
      ['input', 0, 'role'],
    ],
    ['input_file.file_id', { input: fileInput }, ['input', 0, 'content', 0, 'file_id']],
    [
      'a function message',
      { input: undefined, messages: [{ role: 'function', content: 'x' }] },
      ['messages', 0, 'role'],
    ],
    ['an mcp tool', { tools: [timeTool, { type: 'mcp', server_label: 's' }] }, ['tools', 1]],
    ['an unknown include', { include: ['web_search_call.results'] }, ['include', 0]],
    [
      'conversation with previous_response_id',
      { conversation: 'conv_1', previous_response_id: 'resp_1' },
      ['previous_response_id'],
    ],
    ['previous_response_id', { previous_response_id: 'resp_1' }, ['previous_response_id']],
    ['a conversation object', { conversation: { id: 'conv_1' } }, ['conversation']],
    ['store: true', { store: true }, ['store']],
    ['truncation: auto', { truncation: 'auto' }, ['truncation']],
    ['truncation: disabled', { truncation: 'disabled' }, ['truncation']],
  ];
  it.each(refused)('refuses %s before sending, naming the field', async (_, fields, path) => {
    const { server, client } = setup();
    const params = { ...basic, ...fields } as GatewayCreateParams;
    const error = await client.responses.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContainEqual(
      path,
    );
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [{ type: 'file_search', vector_store_ids: ['vs_1'] }],
    [{ type: 'code_interpreter', container: { type: 'auto' } }],
    [{ type: 'computer_use', display_width: 1024, display_height: 768, environment: 'linux' }],
    [
      {
        type: 'computer_use_preview',
        display_width: 1024,
        display_height: 768,
        environment: 'linux',
      },
    ],
    [{ type: 'image_generation' }],
  ])('refuses a $type tool before sending, naming its index and type', async (tool) => {
    const { server, client } = setup();
    const params = { ...basic, tools: [timeTool, tool] } as GatewayCreateParams;
    await expect(client.responses.create(params)).rejects.toThrow(
      `tools.1: the gateway takes function and web_search tools only, not "${tool.type}"`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses endpoints the seed does not document, before sending', async () => {
    const { server, client } = setup();
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    await expect(
      // @ts-expect-error a gateway client's type has no chat; called as JavaScript would
      client.chat.completions.create({ model: 'gpt-4.1', messages }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    // @ts-expect-error a gateway client's type has no responses.retrieve
    await expect(client.responses.retrieve('resp_1')).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(server.requests).toHaveLength(0);
  });
});
