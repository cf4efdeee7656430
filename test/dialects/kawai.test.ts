import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import type { Turn } from '../../src/testing/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { eventsOf, itemIdOf, sseFetch } from '../helpers/streams.js';
import {
  call,
  clientOf,
  hello,
  kawai,
  model,
  render,
  weather,
  weatherParameters,
} from './kawai-setup.js';

const calling: Turn = { type: 'function_call', ...call };

describe('the kawai dialect', () => {
  it('sends the basic curl example as the seed writes it and returns its response', async () => {
    const server = kawai();
    const response = await clientOf(server).responses.create(hello);
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(response.output).toMatchObject([{ type: 'message', role: 'assistant' }]);
    expect(response.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 8 });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.getkawai.com/v1/responses');
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer kawai-key',
      'content-type': expect.stringMatching(/^application\/json/),
    });
    expect(request?.body).toEqual(hello);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('sends a canonical text input as one user message, which Kawai requires', async () => {
    const server = kawai();
    const response = await clientOf(server).responses.create({
      model,
      input: 'Hello, how are you?',
    });
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(server.requests[0]?.body).toEqual(hello);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('streams the streaming curl example as the canonical event sequence', async () => {
    const server = kawai(['Code flows like verse']);
    const input = [{ role: 'user' as const, content: 'Write a short poem about coding' }];
    const stream = await clientOf(server).responses.create({ model, input, stream: true });
    const events = await eventsOf(stream);
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...Array(4).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const itemId = itemIdOf(events[2]);
    for (const event of events.slice(3, -2))
      expect(event).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0 });
    expect(events[2]).toMatchObject({ output_index: 0, item: { type: 'message' } });
    const final = await stream.finalResponse();
    expect(final.status).toBe('completed');
    expect(final.output_text).toBe('Code flows like verse');
    expect(server.requests[0]?.body).toEqual({ model, input, stream: true });
  });

  it('renders the same text in a UI loop as the unary answer', async () => {
    const server = kawai();
    const stream = await clientOf(server).responses.create({ model, input: 'Hi', stream: true });
    expect(await render(stream)).toBe(DEFAULT_REPLY);
  });

  it('sends canonical function tools in the nested form of the tools curl example', async () => {
    const server = kawai([calling]);
    const response = await clientOf(server).responses.create(weather);
    expect(server.requests[0]?.body).toEqual({
      model,
      input: weather.input,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get the current weather for a location',
            parameters: weatherParameters,
          },
        },
      ],
    });
    expect(response.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: 'call_xyz789',
        name: 'get_weather',
        arguments: '{"location":"London"}',
        status: 'completed',
      },
    ]);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('spreads a streamed tool call, sent whole, into the canonical function call events', async () => {
    const server = kawai([calling]);
    const stream = await clientOf(server).responses.create({ ...weather, stream: true });
    const events = await eventsOf(stream);
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const id = itemIdOf(events[2]);
    expect(events[2]).toMatchObject({
      output_index: 0,
      item: { type: 'function_call', id, status: 'in_progress', arguments: '' },
    });
    expect(events[3]).toMatchObject({ item_id: id, output_index: 0, delta: call.arguments });
    expect(events[4]).toMatchObject({
      item_id: id,
      name: 'get_weather',
      arguments: call.arguments,
    });
    expect(events[5]).toMatchObject({ item: { id, status: 'completed', call_id: 'call_xyz789' } });
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'function_call', name: 'get_weather', arguments: call.arguments },
    ]);
  });

  it('gives an item added after a message the next output index', async () => {
    const response = { id: 'resp_7', object: 'response', status: 'in_progress', output: [] };
    const message = {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'in_progress',
      content: [],
    };
    const fc = {
      type: 'function_call',
      id: 'fc_1',
      call_id: 'c1',
      name: 'get_weather',
      arguments: '{}',
      status: 'completed',
    };
    const fetch = sseFetch([
      { type: 'response.created', response },
      { type: 'response.output_item.added', item: message },
      { type: 'response.output_text.delta', delta: 'Checking.' },
      { type: 'response.output_item.added', item: fc },
      { type: 'response.completed', response: { ...response, status: 'completed' } },
    ]);
    const client = new ResponsesClient({ dialect: 'kawai', fetch, maxRetries: 0 });
    const stream = await client.responses.create({ model, input: 'Hi', stream: true });
    const events = await eventsOf(stream);
    const indexes = events.flatMap((e) =>
      e.type === 'response.output_item.added' ? [e.output_index] : [],
    );
    expect(indexes).toEqual([0, 1]);
    expect(events.find((e) => e.type === 'response.function_call_arguments.delta')).toMatchObject({
      item_id: 'fc_1',
      output_index: 1,
    });
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'message', id: 'msg_1', content: [{ text: 'Checking.' }] },
      { type: 'function_call', id: 'fc_1', arguments: '{}', status: 'completed' },
    ]);
  });

  it('answers with text once the replayed history carries the tool result', async () => {
    const server = kawai(['12C and rain.']);
    const input = [
      ...weather.input,
      { type: 'function_call' as const, ...call, call_id: call.callId },
      { type: 'function_call_output' as const, call_id: call.callId, output: '12C' },
    ];
    const response = await clientOf(server).responses.create({ ...weather, input });
    expect(response.output_text).toBe('12C and rain.');
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });
});
