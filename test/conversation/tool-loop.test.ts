import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  APIUserAbortError,
  MaxToolRoundsError,
  RequestValidationError,
  ResponsesClient,
  ToolCallError,
} from '../../src/index.js';
import type { Turn } from '../../src/testing/index.js';
import { drain, setUp } from '../testing/setup.js';

const model = 'fake-model';
const output = (call_id: string, text: string) => ({
  type: 'function_call_output',
  call_id,
  output: text,
});

/** Two rounds of parallel calls (the second: a tool that throws, and invalid arguments), then text. */
const twoRounds: Turn[] = [
  {
    type: 'function_call',
    calls: [
      { name: 'get_weather', arguments: { city: 'Oslo' }, callId: 'call_a' },
      { name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_b' },
    ],
  },
  {
    type: 'function_call',
    text: 'Let me check the time too.',
    calls: [
      { name: 'get_time', arguments: { zone: 'Europe/Oslo' }, callId: 'call_c' },
      { name: 'get_weather', arguments: { city: 42 }, callId: 'call_d' },
    ],
  },
  'Wear a coat in Oslo.',
];

/** A weather tool that logs when each call starts and ends, and a clock that throws. */
function tools(log: string[]) {
  return {
    get_weather: {
      description: 'The current weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }: { city: string }, { callId }: { callId: string }) => {
        log.push(`start ${city} ${callId}`);
        await Promise.resolve();
        log.push(`end ${city}`);
        return { city, temperature: city === 'Oslo' ? '-3°C' : '12°C' };
      },
    },
    get_time: {
      parameters: z.object({ zone: z.string() }),
      execute: (): string => {
        throw new Error('The clock is broken');
      },
    },
  };
}

const round1 = [
  output('call_a', '{"city":"Oslo","temperature":"-3°C"}'),
  output('call_b', '{"city":"Paris","temperature":"12°C"}'),
];
const round2 = [
  output('call_c', 'get_time failed: The clock is broken'),
  output('call_d', 'Invalid arguments for get_weather: city: expected a string, got 42'),
];

describe('the tool loop', () => {
  it('runs two rounds of parallel calls, reporting a throwing tool and invalid arguments to the model', async () => {
    const { server, client } = setUp('openai', { turns: twoRounds });
    const log: string[] = [];
    const chat = client.conversation({ model, tools: tools(log) });

    const answer = await chat.send('Do I need a coat?');

    expect(answer.output_text).toBe('Wear a coat in Oslo.');
    // Both calls of a round start before either ends: they run at once.
    expect(log).toEqual(['start Oslo call_a', 'start Paris call_b', 'end Oslo', 'end Paris']);
    const [first, second, third] = server.requests.map((request) => request.body);
    expect(first?.tools?.map((tool) => (tool as { name: string }).name)).toEqual([
      'get_weather',
      'get_time',
    ]);
    expect(second).toMatchObject({ input: round1, previous_response_id: 'resp_fake_1' });
    expect(third).toMatchObject({ input: round2, previous_response_id: 'resp_fake_2' });
    expect(chat.items.map((item) => ('type' in item ? item.type : 'user'))).toEqual([
      'user',
      'function_call',
      'function_call',
      'function_call_output',
      'function_call_output',
      'message',
      'function_call',
      'function_call',
      'function_call_output',
      'function_call_output',
      'message',
    ]);
    expect(chat.previousResponseId).toBe('resp_fake_3');
  });

  it('streams the events of every round, in order, and ends with the last response', async () => {
    const { server, client } = setUp('openai', { turns: twoRounds });
    const chat = client.conversation({ model, tools: tools([]) });

    const stream = chat.stream('Do I need a coat?');
    const { types, deltas, error } = await drain(stream);

    expect(error).toBeUndefined();
    expect(types.filter((type) => type === 'response.created')).toHaveLength(3);
    expect(types.filter((type) => type === 'response.completed')).toHaveLength(3);
    expect(types.filter((type) => type === 'response.function_call_arguments.done')).toHaveLength(
      4,
    );
    expect(deltas.join('')).toBe('Let me check the time too.Wear a coat in Oslo.');
    expect((await stream.finalResponse()).output_text).toBe('Wear a coat in Oslo.');
    expect(server.requests.map((request) => request.body?.stream)).toEqual([true, true, true]);
    expect(server.requests[2]?.body?.input).toEqual(round2);
    expect(chat.items).toHaveLength(11);
  });

  it("throws a ToolCallError instead with toolErrors: 'throw', leaving the conversation as it was", async () => {
    const { server, client } = setUp('openai', { turns: [...twoRounds, 'Hello.'] });
    const chat = client.conversation({ model, tools: tools([]), toolErrors: 'throw' });

    const failure = chat.send('Do I need a coat?');

    await expect(failure).rejects.toBeInstanceOf(ToolCallError);
    await expect(failure).rejects.toMatchObject({
      reason: 'execute_failed',
      toolName: 'get_time',
      callId: 'call_c',
      message: 'get_time failed: The clock is broken',
    });
    expect(chat.items).toEqual([]);
    expect(chat.previousResponseId).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('sends what a toolErrors function returns, with the failure it is given', async () => {
    const { server, client } = setUp('openai', { turns: twoRounds });
    const reasons: string[] = [];
    const chat = client.conversation({
      model,
      tools: tools([]),
      toolErrors: (error) => {
        reasons.push(`${error.reason} ${error.issues.map((issue) => issue.path.join('.')).join()}`);
        return `Sorry: ${error.toolName} is unavailable.`;
      },
    });
    await chat.send('Do I need a coat?');
    expect(reasons).toEqual(['execute_failed ', 'invalid_arguments city']);
    expect(server.requests[2]?.body?.input).toEqual([
      output('call_c', 'Sorry: get_time is unavailable.'),
      output('call_d', 'Sorry: get_weather is unavailable.'),
    ]);
  });

  it('reports a result that cannot be written as JSON as the tool failing', async () => {
    const { server, client } = setUp('openai', {
      turns: [{ type: 'function_call', name: 'count_beans', callId: 'call_n' }, 'Many.'],
    });
    const chat = client.conversation({
      model,
      tools: { count_beans: { parameters: z.object({}), execute: () => ({ beans: 10n ** 20n }) } },
    });
    await chat.send('How many beans?');
    expect(server.requests[1]?.body?.input).toEqual([
      output('call_n', 'count_beans failed: Do not know how to serialize a BigInt'),
    ]);
  });

  it('tells the other calls of the round to stop when one ends the turn', async () => {
    const { client } = setUp('openai', { turns: twoRounds.slice(1) });
    let stopped = false;
    const chat = client.conversation({
      model,
      toolErrors: 'throw',
      tools: {
        get_time: tools([]).get_time,
        get_weather: {
          parameters: z.object({ city: z.unknown() }),
          execute: (_args, { signal }) =>
            new Promise((resolve) => {
              signal.addEventListener('abort', () => {
                stopped = true;
                resolve('stopped');
              });
            }),
        },
      },
    });
    await expect(chat.send('Do I need a coat?')).rejects.toMatchObject({
      reason: 'execute_failed',
    });
    expect(stopped).toBe(true);
  });

  it('tells the model there is no tool of the name it called', async () => {
    const { server, client } = setUp('openai', {
      turns: [{ type: 'function_call', name: 'get_tide', callId: 'call_t' }, 'Sorry.'],
    });
    await client.conversation({ model, tools: tools([]) }).send('When is high tide?');
    expect(server.requests[1]?.body?.input).toEqual([
      output('call_t', 'There is no tool named "get_tide".'),
    ]);
  });

  it('ends the loop at a call to a tool without execute, for the app to answer', async () => {
    const { server, client } = setUp('openai', {
      turns: [
        {
          type: 'function_call',
          name: 'confirm_order',
          arguments: { roast: 'Midnight' },
          callId: 'call_o',
        },
        'Ordered.',
      ],
    });
    const chat = client.conversation({
      model,
      tools: { confirm_order: { parameters: z.object({ roast: z.string() }) } },
    });

    const asking = await chat.send('Order Midnight');

    expect(asking.output).toMatchObject([{ type: 'function_call', call_id: 'call_o' }]);
    expect(chat.items).toHaveLength(2);
    await chat.send([{ type: 'function_call_output', call_id: 'call_o', output: 'confirmed' }]);
    expect(server.requests[1]?.body).toMatchObject({
      input: [output('call_o', 'confirmed')],
      previous_response_id: 'resp_fake_1',
    });
  });

  it('throws MaxToolRoundsError past maxToolRounds, adding nothing to the conversation', async () => {
    const { server, client } = setUp('openai', { turns: twoRounds });
    const chat = client.conversation({ model, tools: tools([]), maxToolRounds: 1 });

    const failure = chat.send('Do I need a coat?');

    await expect(failure).rejects.toBeInstanceOf(MaxToolRoundsError);
    await expect(failure).rejects.toMatchObject({
      maxToolRounds: 1,
      response: { id: 'resp_fake_2' },
      message: expect.stringContaining('(get_time, get_weather) after 1 rounds'),
    });
    expect(server.requests).toHaveLength(2);
    expect(server.remainingTurns).toBe(1);
    expect(chat.items).toEqual([]);
  });

  it('throws MaxToolRoundsError from a stream too, after the events of the rounds it ran', async () => {
    const { client } = setUp('openai', { turns: twoRounds });
    const chat = client.conversation({ model, tools: tools([]), maxToolRounds: 1 });
    const stream = chat.stream('Do I need a coat?');
    const { types, error } = await drain(stream);
    expect(error).toBeInstanceOf(MaxToolRoundsError);
    expect(types.filter((type) => type === 'response.completed')).toHaveLength(2);
    await expect(stream.finalResponse()).rejects.toBe(error);
  });
});

describe('aborting a turn', () => {
  it('stops while its tools run: they are told, nothing more is sent, nothing is added', async () => {
    const { server, client } = setUp('openai', { turns: twoRounds });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let told: unknown;
    const chat = client.conversation({
      model,
      tools: {
        get_weather: {
          parameters: z.object({ city: z.string() }),
          execute: (_args, { signal }) =>
            new Promise((_resolve, reject) => {
              started();
              signal.addEventListener('abort', () => {
                told = signal.reason;
                reject(new Error('stopped'));
              });
            }),
        },
      },
    });
    const stream = chat.stream('Do I need a coat?');
    const reading = drain(stream);
    await running;

    stream.abort();

    expect((await reading).error).toBeUndefined();
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(told).toBeDefined();
    expect(server.requests).toHaveLength(1);
    expect(chat.items).toEqual([]);
    expect(chat.previousResponseId).toBeNull();
  });

  it('stops in the middle of a round’s stream; the next turn carries on from before it', async () => {
    const { server, client } = setUp('openai', { turns: ['Hi.', ...twoRounds, 'Hi again.'] });
    const chat = client.conversation({ model, tools: tools([]) });
    await chat.send('Hello');
    const stream = chat.stream('Do I need a coat?');
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(String(event.type));
      if (event.type === 'response.output_text.delta') stream.abort();
    }
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen.filter((type) => type === 'response.created')).toHaveLength(2);
    expect(chat.items).toHaveLength(2);
    await chat.send('Are you there?');
    expect(server.requests.at(-1)?.body).toMatchObject({
      input: [{ role: 'user', content: 'Are you there?' }],
      previous_response_id: 'resp_fake_1',
    });
  });

  it('rejects send with APIUserAbortError when its signal aborts', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'stall' }] });
    const controller = new AbortController();
    const chat = client.conversation({ model });
    const failure = chat.send('Hello?', {}, { signal: controller.signal });
    controller.abort();
    await expect(failure).rejects.toBeInstanceOf(APIUserAbortError);
    expect(chat.items).toEqual([]);
  });
});

describe('what a server cannot take is refused before anything is sent', () => {
  const karta = new ResponsesClient({
    dialect: 'karta',
    project: 'my-app',
    fetch: () => Promise.reject(new Error('nothing may be sent')),
  });

  it('refuses tools and instructions on Karta, whose documented params have neither', () => {
    const tools = { get_weather: { parameters: z.object({ city: z.string() }) } };
    // @ts-expect-error Karta's params take no tools
    expect(() => karta.conversation({ tools })).toThrow(RequestValidationError);
    // @ts-expect-error Karta's params take no instructions
    expect(() => karta.conversation({ instructions: 'Be brief.' })).toThrow(
      "Invalid conversation: instructions: the karta dialect's server takes no instructions",
    );
  });

  it('refuses a conversation id where the server keeps no conversations', () => {
    const kawai = new ResponsesClient({ dialect: 'kawai' });
    expect(() => kawai.conversation({ model: 'm', conversation: 'conv_1' })).toThrow(
      "conversation: the kawai dialect's server keeps no conversations",
    );
  });

  it('refuses, at the first send, a tool whose parameters strict mode cannot take, naming the tool', async () => {
    const openai = new ResponsesClient({
      apiKey: 'k',
      fetch: () => Promise.reject(new Error('nothing may be sent')),
    });
    const note = { parameters: z.object({ text: z.optional(z.string()) }) };
    const chat = openai.conversation({ model, tools: { note } });
    await expect(chat.send('Take a note')).rejects.toThrow(
      'Invalid function tool "note" parameters: text: is optional, and strict structured output requires every field: make it .nullable() instead (or pass strict: false)',
    );
    expect(chat.toJSON().items).toEqual([]);
  });
});
