import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  type GatewayCreateParams,
  NotImplementedError,
  ResponsesClient,
  ServiceUnavailableError,
  StreamError,
} from '../../src/index.js';
import type { Turn } from '../../src/testing/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { eventsOf, itemIdOf, sseFetch } from '../helpers/streams.js';
import { basic, call, examples, setup, tokyo, types } from './gateway-setup.js';

const calling: Turn = { type: 'function_call', ...call };

describe('the gateway dialect', () => {
  it.each(examples)(
    'sends the %s curl example as written and returns the response',
    async (_, params) => {
      const { server, client } = setup();
      const response = await client.responses.create(params);
      expect(response.output_text).toBe(DEFAULT_REPLY);
      expect(response.status).toBe('completed');
      const [request] = server.requests;
      expect(request?.url).toBe('https://api.example.com/v1/responses');
      expect(request?.headers.authorization).toBe('Bearer gw-key');
      expect(request?.body).toEqual(params);
      expect(request?.status).toBe(200);
    },
  );

  it('sends the tool calling curl example and returns the function_call item', async () => {
    const { server, client } = setup([calling]);
    const params = { ...tokyo, tool_choice: 'auto' as const };
    const response = await client.responses.create(params);
    expect(server.requests[0]?.body).toEqual(params);
    const id = expect.stringMatching(/^fc_/);
    const item = { type: 'function_call', id, status: 'completed', call_id: 'call_1' };
    expect(response.output).toEqual([{ ...item, name: 'get_time', arguments: call.arguments }]);
  });

  it('keeps the usage details of the response', async () => {
    const { client } = setup();
    const response = await client.responses.create(basic);
    expect(response.usage).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: 8,
      total_tokens: expect.any(Number),
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('streams the streaming curl example as the canonical event sequence', async () => {
    const { server, client } = setup();
    const params = { model: 'gpt-4.1', input: 'Write a short story about a robot', stream: true };
    const stream = await client.responses.create(params as GatewayCreateParams & { stream: true });
    const events = await eventsOf(stream);
    expect(types(events)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...Array(8).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const id = itemIdOf(events[2]);
    for (const event of events.slice(3, -2))
      expect(event).toMatchObject({ item_id: id, output_index: 0, content_index: 0 });
    expect(events.at(-4)).toMatchObject({ text: DEFAULT_REPLY });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(DEFAULT_REPLY);
    expect(final.usage?.output_tokens_details).toEqual({ reasoning_tokens: 0 });
    expect(server.requests[0]?.body).toEqual(params);
  });

  it('renders the streamed text in a UI loop', async () => {
    const { client } = setup();
    const stream = await client.responses.create({ ...basic, stream: true });
    let text = '';
    for await (const e of stream) if (e.type === 'response.output_text.delta') text += e.delta;
    expect(text).toBe(DEFAULT_REPLY);
  });

  it('turns response.function_call.delta fragments into a canonical function call item', async () => {
    const { client } = setup([calling]);
    const stream = await client.responses.create({ ...tokyo, stream: true });
    const events = await eventsOf(stream);
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta');
    expect(types(events)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      ...deltas.map(() => 'response.function_call_arguments.delta'),
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(deltas.length).toBeGreaterThan(1);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const id = itemIdOf(events[2]);
    expect(events[2]).toMatchObject({
      output_index: 0,
      item: { type: 'function_call', id, call_id: 'call_1', name: 'get_time', arguments: '' },
    });
    for (const delta of deltas) expect(delta).toMatchObject({ item_id: id, output_index: 0 });
    expect(deltas.map((delta) => delta.delta).join('')).toBe(call.arguments);
    expect(events.at(-3)).toMatchObject({
      item_id: id,
      name: 'get_time',
      arguments: call.arguments,
    });
    expect(events.at(-2)).toMatchObject({
      output_index: 0,
      item: { id, status: 'completed', call_id: 'call_1', arguments: call.arguments },
    });
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'function_call', call_id: 'call_1', name: 'get_time', arguments: call.arguments },
    ]);
  });

  it('gives a message and each call of a stream their own items, in order, through progress events', async () => {
    const response = { id: 'resp_7', object: 'response', status: 'in_progress', output: [] };
    const type = 'response.function_call.delta';
    const fragment = (call_id: string, name: string, args: string) => ({
      type,
      call_id,
      name,
      arguments: args,
    });
    const fetch = sseFetch([
      { type: 'response.created', response },
      { type: 'response.output_text.delta', delta: 'Checking both.' },
      fragment('call_a', 'get_time', '{"timezone":'),
      { type: 'response.in_progress', response },
      fragment('call_a', 'get_time', '"Asia/Tokyo"}'),
      fragment('call_b', 'get_time', '{"timezone":"Europe/Paris"}'),
      { type: 'response.completed', response: { ...response, status: 'completed' } },
    ]);
    const client = new ResponsesClient({ dialect: 'gateway', fetch, maxRetries: 0 });
    const stream = await client.responses.create({ ...basic, stream: true });
    const events = await eventsOf(stream);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, index) => index));
    const added = events.filter((e) => e.type === 'response.output_item.added');
    expect(added.map((e) => [e.output_index, (e.item as { type: string }).type])).toEqual([
      [0, 'message'],
      [1, 'function_call'],
      [2, 'function_call'],
    ]);
    const itemDone = events.filter((e) => e.type === 'response.output_item.done');
    expect(itemDone.map((e) => e.output_index)).toEqual([0, 1, 2]);
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'message', content: [{ text: 'Checking both.' }] },
      { type: 'function_call', call_id: 'call_a', arguments: '{"timezone":"Asia/Tokyo"}' },
      { type: 'function_call', call_id: 'call_b', arguments: '{"timezone":"Europe/Paris"}' },
    ]);
    expect(final.output_text).toBe('Checking both.');
  });

  it('resolves finalResponse with status incomplete after response.incomplete', async () => {
    const { client } = setup([{ type: 'incomplete', reason: 'max_output_tokens' }]);
    const stream = await client.responses.create({ ...basic, stream: true });
    const events = await eventsOf(stream);
    expect(types(events).slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.incomplete',
    ]);
    const final = await stream.finalResponse();
    expect(final.status).toBe('incomplete');
    expect(final.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  it('yields response.failed, and finalResponse rejects with its message and code', async () => {
    const failure = { message: 'Upstream reset', code: 'upstream_error' };
    const { client } = setup([
      { type: 'stream_error', after: 6, ...failure, as: 'response.failed' },
    ]);
    const stream = await client.responses.create({ ...basic, stream: true });
    const events = await eventsOf(stream);
    expect(events.at(-1)).toMatchObject({
      type: 'response.failed',
      response: { status: 'failed' },
    });
    const error = await stream.finalResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject(failure);
  });

  it('throws StreamError with the message and code of an error event', async () => {
    const failure = { message: 'No upstream accounts available', code: 'no_accounts' };
    const { client } = setup([{ type: 'stream_error', after: 2, ...failure }]);
    const stream = await client.responses.create({ ...basic, stream: true });
    const error = await eventsOf(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ ...failure, type: 'server_error' });
  });

  it('returns a unary failure as a response with status failed and its error', async () => {
    const { client } = setup([{ type: 'stream_error', after: 6, message: 'Upstream reset' }]);
    const response = await client.responses.create(basic);
    expect(response).toMatchObject({ status: 'failed', error: { message: 'Upstream reset' } });
  });

  it("surfaces model_not_allowed for a model outside the key's allowed_models", async () => {
    // The key's allowed_models leave out gpt-5.2: the gateway answers as its reference shows.
    const { client } = setup([
      {
        type: 'error',
        status: 400,
        code: 'model_not_allowed',
        message: "This API key does not have access to model 'gpt-5.2'",
      },
    ]);
    const error = await client.responses.create({ ...basic, model: 'gpt-5.2' }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'model_not_allowed',
      message: expect.stringContaining("does not have access to model 'gpt-5.2'"),
    });
  });

  it.each([
    ['model_not_allowed', 400, BadRequestError],
    ['no_accounts', 503, ServiceUnavailableError],
    ['upstream_error', 502, BadGatewayError],
    ['not_implemented', 501, NotImplementedError],
  ])('surfaces %s as status %i', async (errorCode, status, type) => {
    const { server, client } = setup([{ type: 'error', status, code: errorCode }]);
    const error = await client.responses.create(basic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code: errorCode });
    expect(server.requests).toHaveLength(1);
  });

  it('sends a request without a key (a proxy may add it) and surfaces the 401', async () => {
    const { server, client } = setup(undefined, { apiKey: null });
    const error = await client.responses.create(basic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('lists the models of GET /v1/models, awaited and iterated', async () => {
    const { server, client } = setup();
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['gpt-4.1', 'gpt-5.2']);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['gpt-4.1', 'gpt-5.2']);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: ['models'] });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer gw-key');
  });
});
