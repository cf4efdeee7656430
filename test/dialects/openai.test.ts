import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  RateLimitError,
  RequestValidationError,
  ResponsesClient,
  StreamError,
} from '../../src/index.js';
import { createFakeServer, type Turn } from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { failureOf, useMswServer } from '../helpers/msw.js';
import { collect } from '../helpers/streams.js';

const msw = useMswServer();
const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const ask = { model: 'gpt-4.1', input: 'What roasts do you have?' };
/** A fake OpenAI that takes only the key `sk-test`, and a client of it with `apiKey`. */
const start = (turns: Turn[] = [DEFAULT_REPLY], apiKey = 'sk-test') => {
  const server = createFakeServer({ apiKey: 'sk-test', turns });
  const openai = new ResponsesClient({
    apiKey,
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
  });
  return { server, openai };
};

/** The canonical sequence of one streamed text answer of `deltas` deltas. */
const textSequence = (deltas: number, first = 'response.created') => [
  first,
  'response.in_progress',
  'response.output_item.added',
  'response.content_part.added',
  ...Array<string>(deltas).fill('response.output_text.delta'),
  'response.output_text.done',
  'response.content_part.done',
  'response.output_item.done',
  'response.completed',
];

describe('the openai dialect: create', () => {
  it('is the default dialect, at https://api.openai.com/v1', async () => {
    const server = createFakeServer({ baseURL: OPENAI_BASE_URL, turns: [DEFAULT_REPLY] });
    msw.use(...handlersFor(server));
    const openai = new ResponsesClient({ apiKey: 'sk-test', maxRetries: 0 });
    expect([openai.dialect, openai.baseURL]).toEqual(['openai', OPENAI_BASE_URL]);
    const response = await openai.responses.create(ask);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: `${OPENAI_BASE_URL}/responses`,
      body: ask,
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
    expect(response).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-4.1' });
    expect(response.id).toMatch(/^resp_/);
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(response.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 8 });
  });

  it('streams the canonical event sequence, numbered from 0, with ids and indexes', async () => {
    const { openai } = start();
    const stream = await openai.responses.create({ ...ask, stream: true });
    const { events, text, types } = await collect(stream);
    expect(types).toEqual(textSequence(8));
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, index) => index));
    const deltas = events.filter((e) => e.type === 'response.output_text.delta');
    const itemId = (events[2] as { item: { id: string } }).item.id;
    for (const delta of deltas) {
      expect(delta).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0 });
    }
    expect(text).toBe(DEFAULT_REPLY);
    expect(stream.lastSequenceNumber).toBe(events.length - 1);
    const response = await stream.finalResponse();
    expect(response).toMatchObject({ status: 'completed', output_text: DEFAULT_REPLY });
    expect(response.output).toMatchObject([{ type: 'message', id: itemId }]);
  });

  it('gives only the text deltas through textDeltas()', async () => {
    const { openai } = start([{ text: 'Sunrise', chunks: ['Sun', 'rise'] }]);
    const stream = await openai.responses.create({ ...ask, stream: true });
    const deltas: string[] = [];
    for await (const delta of stream.textDeltas()) deltas.push(delta);
    expect(deltas).toEqual(['Sun', 'rise']);
  });

  it('streams a function call, its arguments joined in the final response', async () => {
    const call = { name: 'weather', arguments: '{"location":"San Francisco"}', callId: 'call_1' };
    const { openai } = start([{ type: 'function_call', ...call }]);
    const tools = [{ type: 'function' as const, name: 'weather', parameters: { type: 'object' } }];
    const stream = await openai.responses.create({ ...ask, tools, stream: true });
    const { events } = await collect(stream);
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta');
    expect(deltas.map((e) => e.delta).join('')).toBe(call.arguments);
    const response = await stream.finalResponse();
    expect(response.output).toMatchObject([
      { type: 'function_call', name: 'weather', call_id: 'call_1', arguments: call.arguments },
    ]);
  });

  it('yields response.failed mid-stream, and finalResponse() throws StreamError', async () => {
    const { openai } = start([
      {
        type: 'stream_error',
        after: 6,
        message: 'The server had an error.',
        as: 'response.failed',
      },
    ]);
    const stream = await openai.responses.create({ ...ask, stream: true });
    const { types } = await collect(stream);
    expect(types.at(-1)).toBe('response.failed');
    const failure = await failureOf(stream.finalResponse());
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'The server had an error.', code: 'server_error' });
  });

  it('throws StreamError with the code of a nested error event', async () => {
    const { openai } = start([
      {
        type: 'stream_error',
        after: 2,
        message: 'You exceeded your current quota.',
        code: 'insufficient_quota',
      },
    ]);
    const stream = await openai.responses.create({ ...ask, stream: true });
    const failure = await failureOf(collect(stream));
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({
      message: 'You exceeded your current quota.',
      code: 'insufficient_quota',
      type: 'insufficient_quota',
    });
  });

  it('resolves finalResponse() with status incomplete after response.incomplete', async () => {
    const { openai } = start([{ type: 'incomplete', reason: 'max_output_tokens' }]);
    const stream = await openai.responses.create({ ...ask, stream: true });
    await expect(stream.finalResponse()).resolves.toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
    });
  });
});

describe('the openai dialect: errors', () => {
  it('refuses temperature -1 before sending anything', async () => {
    const { server, openai } = start();
    const failure = await failureOf(openai.responses.create({ ...ask, temperature: -1 }));
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect((failure as RequestValidationError).issues[0]?.path).toEqual(['temperature']);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [
      'a previous_response_id it never stored',
      { previous_response_id: 'resp_unknown' },
      { code: 'previous_response_not_found', param: 'previous_response_id' },
      "Previous response with id 'resp_unknown' not found.",
    ],
    [
      'a background response that is not stored',
      { background: true, store: false },
      { code: 'invalid_value', param: 'background' },
      'Background mode requires store=true.',
    ],
    [
      'both conversation and previous_response_id',
      { conversation: 'conv_1', previous_response_id: 'resp_1' },
      { code: 'mutually_exclusive_parameters', param: undefined },
      "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
    ],
  ])(
    'maps the server’s 400 for %s to BadRequestError with code and param',
    async (_, fields, expected, message) => {
      const { server, openai } = start();
      const failure = await failureOf(openai.responses.create({ ...ask, ...fields }));
      expect(failure).toBeInstanceOf(BadRequestError);
      expect(failure).toMatchObject({ status: 400, type: 'invalid_request_error', ...expected });
      expect((failure as Error).message).toBe(`400 ${message}`);
      expect(server.requests.map((request) => request.status)).toEqual([400]);
    },
  );

  it('maps a wrong key to AuthenticationError, without the key in the error', async () => {
    const { openai } = start(undefined, 'sk-wrong-key-1234');
    const failure = await failureOf(openai.responses.create(ask));
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(JSON.stringify(failure)).not.toContain('sk-wrong-key-1234');
  });

  it('maps 429 insufficient_quota to RateLimitError with its type and code', async () => {
    const { openai } = start([
      { type: 'error', status: 429, code: 'insufficient_quota', errorType: 'insufficient_quota' },
    ]);
    const failure = await failureOf(openai.responses.create(ask));
    expect(failure).toBeInstanceOf(RateLimitError);
    expect(failure).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
  });
});
