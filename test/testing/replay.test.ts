import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  ResponsesClient,
} from '../../src/index.js';
import {
  type Cassette,
  createFakeServer,
  createRecorder,
  type FetchFunction,
  type Turn,
} from '../../src/testing/index.js';
import { handlersFor } from '../../src/testing/msw.js';

const KEY = 'sk-live-0123456789abcdefSECRET';
const REAL = 'https://api.openai.com/v1';

/** A fake server playing the real one (it requires the key), and a recorder in front of it. */
function recordAgainst(turns: Turn[], fetch?: (real: FetchFunction) => FetchFunction) {
  const real = createFakeServer({ baseURL: REAL, apiKey: KEY, turns });
  const recorder = createRecorder({ fetch: fetch ? fetch(real.fetch) : real.fetch });
  return { real, recorder };
}

/** A client as the app makes it, on `fetch`; only `fetch` differs between recording and replay. */
const appClient = (fetch: FetchFunction, apiKey = KEY, options: { timeout?: number } = {}) =>
  new ResponsesClient({ apiKey, fetch, maxRetries: 2, ...options });

/** The cassette as saved and loaded again: plain JSON. */
const saved = (cassette: Cassette): Cassette => JSON.parse(JSON.stringify(cassette));

/** Every secret the recording saw: the key, and the auth header it went in. */
const secrets = [KEY, `Bearer ${KEY}`];

/** The network, unreachable: any use of the global fetch fails the test. */
let networkCalls: string[] = [];
beforeEach(() => {
  networkCalls = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    networkCalls.push(String(input instanceof Request ? input.url : input));
    throw new TypeError('the network is unreachable in this test');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

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

describe('createFakeServer({ cassette }): a request that matches nothing', () => {
  it('fails with an error naming the nearest recorded request and how it differs, and is not retried', async () => {
    const { recorder } = recordAgainst(['Sunrise and Midnight.', 'Midnight.']);
    const client = appClient(recorder.fetch);
    await client.responses.create({ model: 'gpt-test', input: 'What roasts do you have?' });
    await client.responses.create({ model: 'gpt-test', input: 'Which is the darkest?' });
    const replay = createFakeServer({ cassette: saved(recorder.cassette()) });
    const replaying = appClient(replay.fetch);
    await replaying.responses.create({ model: 'gpt-test', input: 'What roasts do you have?' });

    const failure = await replaying.responses
      .create({ model: 'gpt-test', input: 'Which is the lightest?', temperature: 0.2 })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(InternalServerError);
    expect((failure as Error).message).toBe(
      [
        '500 fake server (cassette): no recorded exchange left matches POST /v1/responses.',
        'The nearest is exchange #2 (not yet played; 2 recorded, 1 played), POST /v1/responses, which differs in:',
        '  body.input: recorded "Which is the darkest?", sent "Which is the lightest?"',
        '  body.temperature: recorded (absent), sent 0.2',
        "A field that changes from run to run (an id the app makes) can be left out of matching: createFakeServer({ cassette, ignore: ['body.<path>'] }).",
      ].join('\n'),
    );
    expect(replay.requests.map((request) => request.status)).toEqual([200, 500]);
    expect(replay.remainingTurns).toBe(1);
  });

  it('says so when the app sends a request once more than when it was recorded', async () => {
    const { recorder } = recordAgainst(['Once.']);
    await appClient(recorder.fetch).responses.create({ model: 'm', input: 'hi' });
    const replay = createFakeServer({ cassette: saved(recorder.cassette()) });
    const client = appClient(replay.fetch);
    await client.responses.create({ model: 'm', input: 'hi' });
    await expect(client.responses.create({ model: 'm', input: 'hi' })).rejects.toThrow(
      'It is the same request as exchange #1 (already played; 1 recorded, 1 played), POST /v1/responses: the app sent it once more than when it was recorded.',
    );
  });

  it('names a different method, path or query before body fields', async () => {
    const { recorder } = recordAgainst(['x']);
    await appClient(recorder.fetch).responses.create({ model: 'm', input: 'hi' });
    const replay = createFakeServer({ cassette: saved(recorder.cassette()) });
    const answer = await replay.fetch(`${REAL}/models?limit=2`);
    const { error } = (await answer.json()) as { error: { message: string; code: string } };
    expect(error.code).toBe('cassette_mismatch');
    expect(error.message).toContain('method: recorded POST, sent GET');
    expect(error.message).toContain('path: recorded /v1/responses, sent /v1/models');
    expect(error.message).toContain('query.limit: recorded (absent), sent "2"');
    expect(answer.headers.get('x-should-retry')).toBe('false');
  });

  it('leaves out of matching what ignore names: a field anywhere, a body path, a query parameter', async () => {
    const { recorder } = recordAgainst(['First.', 'Second.']);
    const client = appClient(recorder.fetch);
    await client.responses.create({
      model: 'm',
      input: 'hi',
      metadata: { run: 'a' },
      prompt_cache_key: 'k-1',
    });
    await client.responses.create({
      model: 'm',
      input: [{ role: 'user', content: 'two' }],
      user: 'u-1',
    });
    const cassette = saved(recorder.cassette());

    const strict = appClient(createFakeServer({ cassette }).fetch);
    await expect(
      strict.responses.create({
        model: 'm',
        input: 'hi',
        metadata: { run: 'b' },
        prompt_cache_key: 'k-2',
      }),
    ).rejects.toThrow('body.metadata.run: recorded "a", sent "b"');

    const lenient = appClient(
      createFakeServer({
        cassette,
        ignore: ['metadata', 'prompt_cache_key', 'body.user', 'query.x'],
      }).fetch,
    );
    const first = await lenient.responses.create({
      model: 'm',
      input: 'hi',
      metadata: { run: 'b' },
      prompt_cache_key: 'k-2',
    });
    expect(first.output_text).toBe('First.');
    const second = await lenient.responses.create({
      model: 'm',
      input: [{ role: 'user', content: 'two' }],
      user: 'u-2',
    });
    expect(second.output_text).toBe('Second.');
  });
});

describe('createFakeServer({ cassette }): what it is given', () => {
  it('refuses a cassette of another version, or a malformed one, naming the field', () => {
    expect(() =>
      createFakeServer({ cassette: { version: 2, exchanges: [] } as unknown as Cassette }),
    ).toThrow(
      'createFakeServer: `cassette` is not a cassette this version reads: `version` must be 1 (the version this package reads), got 2.',
    );
    const noAnswer = {
      version: 1,
      exchanges: [{ request: { method: 'GET', url: REAL, headers: {} } }],
    };
    expect(() => createFakeServer({ cassette: noAnswer as Cassette })).toThrow(
      '`exchanges[0]` an exchange has either a `response` or an `error`',
    );
  });

  it('takes turns or a cassette, not both, and plays no turns', () => {
    const cassette: Cassette = { version: 1, exchanges: [] };
    expect(() => createFakeServer({ cassette, turns: ['x'] })).toThrow(/not both/);
    expect(() => createFakeServer({ cassette }).enqueue('x')).toThrow(/plays no turns/);
  });

  it('answers a connection error with APIConnectionError when the recording says the fetch failed', async () => {
    const cassette: Cassette = {
      version: 1,
      exchanges: [
        {
          request: { method: 'GET', url: `${REAL}/models`, headers: {} },
          error: { name: 'TypeError', message: 'fetch failed', aborted: false },
        },
      ],
    };
    const client = new ResponsesClient({
      apiKey: 'k',
      fetch: createFakeServer({ cassette }).fetch,
      maxRetries: 0,
    });
    await expect(client.models.list()).rejects.toBeInstanceOf(APIConnectionError);
  });
});
