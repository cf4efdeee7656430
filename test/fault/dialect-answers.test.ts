/**
 * What two dialects' servers do that the client must take as it is, or refuse before sending:
 * OpenRouter answers a chat tool call to a function with no parameters with no `arguments` at
 * all (read as `"{}"`, unary and streamed); Kawai keeps no state, so its types and checks close
 * `previous_response_id`, `conversation`, `store: true` and `background: true`.
 */
import { describe, expect, it } from 'vitest';
import { RequestValidationError, ResponsesClient } from '../../src/index.js';
import { caught, drain, openEventStream, sendJSON, useFaultServer } from './fault-server.js';

const server = useFaultServer();

const messages = [{ role: 'user' as const, content: 'What time is it?' }];
const tools = [
  { type: 'function' as const, function: { name: 'get_time', parameters: { type: 'object' } } },
];
/** OpenRouter's tool call to a function with no parameters: no `arguments` field at all. */
const call = { id: 'call_1', type: 'function', function: { name: 'get_time' } };

describe('OpenRouter: a chat tool call without arguments', () => {
  const openrouter = () =>
    new ResponsesClient({ dialect: 'openrouter', baseURL: server.baseURL, maxRetries: 0 });

  it('reads as "{}" in a unary completion', async () => {
    server.handle((_request, res) =>
      sendJSON(res, 200, {
        id: 'gen-1',
        object: 'chat.completion',
        created: 1,
        model: 'openai/gpt-5',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, tool_calls: [call] },
            finish_reason: 'tool_calls',
          },
        ],
      }),
    );
    const completion = await openrouter().chat.completions.create({ model: 'm', messages, tools });
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: 'call_1',
      function: { name: 'get_time', arguments: '{}' },
    });
  });

  it('reads as "{}" in the completion rebuilt from streamed chunks', async () => {
    const chunk = (delta: object, finish_reason: string | null = null) =>
      `data: ${JSON.stringify({ id: 'gen-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason }] })}\n\n`;
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(
        `${chunk({ role: 'assistant', tool_calls: [{ index: 0, ...call }] })}${chunk({}, 'tool_calls')}data: [DONE]\n\n`,
      );
    });
    const stream = await openrouter().chat.completions.create({
      model: 'm',
      messages,
      tools,
      stream: true,
    });
    const { error } = await drain(stream);
    expect(error).toBeUndefined();
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      id: 'call_1',
      function: { name: 'get_time', arguments: '{}' },
    });
  });
});

describe('Kawai keeps no state', () => {
  const kawai = () => new ResponsesClient({ dialect: 'kawai', baseURL: server.baseURL });

  it('refuses previous_response_id, conversation, store: true and background: true before sending', async () => {
    server.handle((_request, res) => res.writeHead(500).end());
    const client = kawai();
    const refused = [
      // @ts-expect-error Kawai keeps no responses
      () => client.responses.create({ model: 'm', input: 'hi', previous_response_id: 'resp_1' }),
      // @ts-expect-error Kawai keeps no conversations
      () => client.responses.create({ model: 'm', input: 'hi', conversation: 'conv_1' }),
      // @ts-expect-error Kawai stores nothing
      () => client.responses.create({ model: 'm', input: 'hi', store: true }),
      // @ts-expect-error a background response could never be retrieved
      () => client.responses.create({ model: 'm', input: 'hi', background: true }),
    ];
    for (const [index, create] of refused.entries()) {
      const error = await caught(create);
      expect(error, `case ${index}`).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues[0]?.path).toEqual([
        ['previous_response_id', 'conversation', 'store', 'background'][index],
      ]);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('takes store: false and background: false, the defaults', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(
        `data: ${JSON.stringify({ type: 'response.completed', response: { id: 'r', object: 'response', created_at: 1, status: 'completed', model: 'm', output: [] } })}\n\n`,
      );
    });
    const stream = await kawai().responses.create({
      model: 'm',
      input: 'hi',
      store: false,
      background: false,
      stream: true,
    });
    expect((await drain(stream)).error).toBeUndefined();
  });
});
