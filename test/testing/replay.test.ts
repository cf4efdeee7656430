import { setupServer } from 'msw/node';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { APITimeoutError, ResponsesClient } from '../../src/index.js';
import { createFakeServer, createRecorder, type Turn } from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';
import {
  appClient,
  KEY,
  REAL,
  recordAgainst,
  saved,
  secrets,
  unreachableNetwork,
} from './replay-setup.js';

const networkCalls = unreachableNetwork();

/** Records `run` against the fake "real" server, then replays it with the network unreachable. */
async function recordThenReplay<T>(turns: Turn[], run: (client: ResponsesClient) => Promise<T>) {
  const { recorder } = recordAgainst(turns);
  const recorded = await run(appClient(recorder.fetch));
  const cassette = saved(recorder.cassette());
  const replay = createFakeServer({ cassette });
  // The replaying app has no key: the cassette answers.
  const replayed = await run(appClient(replay.fetch, 'sk-no-key-needed'));
  return { cassette, recorded, replayed, replay };
}

describe('createFakeServer({ cassette }): replaying a recording with no network', () => {
  it('replays a unary call to the same response', async () => {
    const { recorded, replayed, replay, cassette } = await recordThenReplay(['Hello there.'], (c) =>
      c.responses.create({ model: 'gpt-test', input: 'hi' }),
    );
    expect(replayed).toEqual(recorded);
    expect(replayed.output_text).toBe('Hello there.');
    expect(replay.remainingTurns).toBe(0);
    expect(networkCalls).toEqual([]);
    for (const secret of secrets) expect(JSON.stringify(cassette)).not.toContain(secret);
  });

  it('replays a stream to the same events, delta by delta', async () => {
    const run = async (client: ResponsesClient) => {
      const stream = await client.responses.create({
        model: 'gpt-test',
        input: 'hi',
        stream: true,
      });
      const events: unknown[] = [];
      for await (const event of stream) events.push(event);
      return events;
    };
    const { recorded, replayed, cassette } = await recordThenReplay(
      ['Sunrise, Midnight and Decaf Dusk.'],
      run,
    );
    expect(replayed).toEqual(recorded);
    expect(replayed.length).toBeGreaterThan(8);
    expect(networkCalls).toEqual([]);
    for (const secret of secrets) expect(JSON.stringify(cassette)).not.toContain(secret);
  });

  it('replays a 429 then its retry: two exchanges, the client retrying as it did', async () => {
    const turns: Turn[] = [
      {
        type: 'error',
        status: 429,
        message: 'Rate limit reached',
        headers: { 'retry-after': '0' },
      },
      'After the retry.',
    ];
    const { cassette, recorded, replayed, replay } = await recordThenReplay(turns, (c) =>
      c.responses.create({ model: 'gpt-test', input: 'hi' }),
    );
    expect(cassette.exchanges.map((exchange) => exchange.response?.status)).toEqual([429, 200]);
    expect(replayed).toEqual(recorded);
    expect(replay.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(networkCalls).toEqual([]);
    for (const secret of secrets) expect(JSON.stringify(cassette)).not.toContain(secret);
  });

  it('replays a conversation with a tool round: the same calls run, the same answer comes', async () => {
    const calls: string[] = [];
    const run = async (client: ResponsesClient) => {
      const chat = client.conversation({
        model: 'gpt-test',
        tools: {
          get_weather: {
            description: 'The current weather in a city',
            parameters: z.object({ city: z.string() }),
            execute: async ({ city }) => {
              calls.push(city);
              return { city, temperature: '-3°C' };
            },
          },
        },
      });
      const first = await chat.send('Do I need a coat in Oslo?');
      const second = await chat.send('And tomorrow?');
      return { texts: [first.output_text, second.output_text], items: chat.items };
    };
    const turns: Turn[] = [
      { type: 'function_call', name: 'get_weather', arguments: { city: 'Oslo' }, callId: 'call_1' },
      'Yes: it is -3°C in Oslo.',
      'Still cold.',
    ];
    const { cassette, recorded, replayed } = await recordThenReplay(turns, run);
    expect(replayed).toEqual(recorded);
    expect(replayed.texts).toEqual(['Yes: it is -3°C in Oslo.', 'Still cold.']);
    expect(calls).toEqual(['Oslo', 'Oslo']);
    expect(cassette.exchanges).toHaveLength(3);
    expect(networkCalls).toEqual([]);
    for (const secret of secrets) expect(JSON.stringify(cassette)).not.toContain(secret);
  });

  it('answers through msw too, with the client on its default fetch and unhandled requests failing', async () => {
    const { recorder } = recordAgainst(['Through msw.']);
    await appClient(recorder.fetch).responses.create({ model: 'gpt-test', input: 'hi' });
    vi.unstubAllGlobals();
    const replay = createFakeServer({ cassette: saved(recorder.cassette()) });
    const msw = setupServer(...handlersFor(replay, { baseURL: REAL }));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const client = new ResponsesClient({ apiKey: 'sk-none', maxRetries: 0 });
      expect((await client.responses.create({ model: 'gpt-test', input: 'hi' })).output_text).toBe(
        'Through msw.',
      );
    } finally {
      msw.close();
    }
  });
});

describe('createFakeServer({ cassette }): failures, as they were recorded', () => {
  it('replays a fetch that rejected, and the retry after it', async () => {
    let first = true;
    const { recorder } = recordAgainst(['Connected.'], (real) => async (input, init) => {
      if (!first) return real(input, init);
      first = false;
      throw new TypeError('fetch failed');
    });
    const recorded = await appClient(recorder.fetch).responses.create({ model: 'm', input: 'hi' });
    const cassette = saved(recorder.cassette());
    expect(cassette.exchanges[0]?.error).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      aborted: false,
    });
    const replay = createFakeServer({ cassette });
    const replayed = await appClient(replay.fetch).responses.create({ model: 'm', input: 'hi' });
    expect(replayed).toEqual(recorded);
    expect(replay.requests).toHaveLength(2);
  });

  it('replays a body that broke off midway: the client fails the same way', async () => {
    const run = async (client: ResponsesClient) => {
      const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
      const deltas: string[] = [];
      try {
        for await (const text of stream.textDeltas()) deltas.push(text);
      } catch (error) {
        return {
          deltas,
          error: `${(error as Error).constructor.name}: ${(error as Error).message}`,
        };
      }
      return { deltas, error: undefined };
    };
    const { recorded, replayed, cassette } = await recordThenReplay(
      [{ type: 'drop', after: 6, reply: 'One two three four' }],
      run,
    );
    expect(cassette.exchanges[0]?.response?.end).toBe('error');
    expect(cassette.exchanges[0]?.response?.bodyError).toEqual({
      name: 'TypeError',
      message: 'terminated',
    });
    expect(recorded.error).toBeDefined();
    expect(replayed).toEqual(recorded);
  });

  it('replays a request that timed out: the replay waits for the client to give up again', async () => {
    const run = (client: ResponsesClient) =>
      client.responses
        .create({ model: 'm', input: 'hi' }, { maxRetries: 0 })
        .catch((e: unknown) => e);
    const { recorder } = recordAgainst([{ type: 'stall' }]);
    const recorded = await run(appClient(recorder.fetch, KEY, { timeout: 50 }));
    expect(recorded).toBeInstanceOf(APITimeoutError);
    const cassette = saved(recorder.cassette());
    expect(cassette.exchanges[0]?.error).toMatchObject({ name: 'AbortError', aborted: true });
    const replay = createFakeServer({ cassette });
    expect(await run(appClient(replay.fetch, KEY, { timeout: 50 }))).toBeInstanceOf(
      APITimeoutError,
    );
  });

  it('reproduces the chunks a body came in, each read giving one recorded chunk', async () => {
    const encoder = new TextEncoder();
    const chunks = ['event: a\ndata: {"x":', '1}\n\nevent: b\n', 'data: {}\n\n', '☕'].map((text) =>
      encoder.encode(text),
    );
    // The last chunk is cut inside its character.
    const cut = [...chunks.slice(0, 3), chunks[3]!.subarray(0, 2), chunks[3]!.subarray(2)];
    const recorder = createRecorder({
      fetch: async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const chunk of cut) controller.enqueue(chunk);
              controller.close();
            },
          }),
        ),
    });
    await (await recorder.fetch(`${REAL}/responses`, { method: 'POST', body: '{}' })).arrayBuffer();
    const replay = createFakeServer({ cassette: saved(recorder.cassette()) });
    const answer = await replay.fetch(`${REAL}/responses`, { method: 'POST', body: '{}' });
    const reader = answer.body!.getReader();
    const seen: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read())
      seen.push(read.value);
    expect(seen).toEqual(cut);
  });
});
