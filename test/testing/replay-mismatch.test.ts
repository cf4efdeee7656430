import { describe, expect, it } from 'vitest';
import { APIConnectionError, InternalServerError, ResponsesClient } from '../../src/index.js';
import { type Cassette, createFakeServer } from '../../src/testing/index.js';
import { appClient, REAL, recordAgainst, saved, unreachableNetwork } from './replay-setup.js';

unreachableNetwork();

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
