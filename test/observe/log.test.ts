import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWith, errorAnswer, jsonAnswer, memoryLogger, sseAnswer } from './setup.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** One retried request (503, then 200), and a failed one (400). */
async function exercise(client: ReturnType<typeof clientWith>['client']) {
  await client.responses.create({ model: 'm', input: 'Hi' });
  await client.responses.create({ model: 'm', input: 'Hi' }).catch(() => undefined);
  const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
  for await (const _ of stream);
}

const script = (_: unknown, index: number) =>
  [
    () => errorAnswer(503, { 'retry-after-ms': '0' }),
    () => jsonAnswer(),
    () => errorAnswer(400),
    () => sseAnswer(),
  ][index]?.() ?? jsonAnswer();

describe('logLevel', () => {
  it('logs nothing by default (warn), not even a retry, and loads nothing', async () => {
    const spies = (['error', 'warn', 'info', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const { client } = clientWith(script);
    await exercise(client);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("logs nothing at 'off', not even a retry", async () => {
    const log = memoryLogger();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client } = clientWith(script, { logLevel: 'off', logger: log.logger });
    await exercise(client);
    expect(log.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("logs each retry and a line per request at 'info': status, time, request id, or how it failed", async () => {
    const log = memoryLogger();
    const { client } = clientWith(script, { logLevel: 'info', logger: log.logger });
    await exercise(client);
    const lines = log.lines.map((line) => `${line.level} ${line.message}`);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^info \[responses-client\] POST https:\/\/api\.test\/v1\/responses: retrying \(attempt 2\) in 0 ms after ServiceUnavailableError: 503 status code \(body not read: the request is retried\)$/,
    );
    expect(lines[1]).toMatch(
      /^info \[responses-client\] POST https:\/\/api\.test\/v1\/responses 200 in \d+ ms, request id req_resp_1: done$/,
    );
    expect(lines[2]).toMatch(/^info .* 400 in \d+ ms, request id req_400: failed: BadRequestError/);
    expect(lines[3]).toMatch(/^info .* 200 in \d+ ms, request id req_stream: done$/);
  });

  it("logs each attempt's headers and body, answers and first chunks at 'debug'", async () => {
    const log = memoryLogger();
    const { client } = clientWith(script, { logLevel: 'debug', logger: log.logger });
    await exercise(client);
    const debug = log.lines.filter((line) => line.level === 'debug');
    expect(debug.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/responses: attempt 1$/),
        expect.stringMatching(/responses: attempt 2$/),
        expect.stringMatching(/responses: 503 after \d+ ms$/),
        expect.stringMatching(/responses: first chunk after \d+ ms$/),
      ]),
    );
    const attempt = debug.find((line) => line.message.endsWith('attempt 1'));
    expect(attempt?.rest[0]).toMatchObject({
      headers: { authorization: 'Bearer [redacted]' },
      body: expect.stringContaining('"model":"m"'),
    });
  });

  it("logs only hooks that threw at 'error'", async () => {
    const log = memoryLogger();
    const { client } = clientWith(script, {
      logLevel: 'error',
      logger: log.logger,
      hooks: {
        onError: () => {
          throw new Error('oops');
        },
      },
    });
    await exercise(client);
    expect(log.lines.map((line) => line.level)).toEqual(['error']);
    expect(log.lines[0]?.message).toContain('The onError hook threw; the request went on');
  });

  it('reads the default level from RESPONSES_CLIENT_LOG, under the option', async () => {
    vi.stubEnv('RESPONSES_CLIENT_LOG', 'debug');
    const fromEnv = memoryLogger();
    await exercise(clientWith(script, { logger: fromEnv.logger }).client);
    expect(fromEnv.lines.some((line) => line.level === 'debug')).toBe(true);

    const fromOption = memoryLogger();
    await exercise(clientWith(script, { logger: fromOption.logger, logLevel: 'info' }).client);
    expect(fromOption.lines.map((line) => line.level)).toEqual(['info', 'info', 'info', 'info']);
  });

  it('makes a client where reading the environment throws (Deno without --allow-env): no variable', async () => {
    const env = process.env;
    process.env = new Proxy(env, {
      get() {
        throw new Error('NotCapable: Requires env access to "RESPONSES_CLIENT_LOG"');
      },
    });
    const log = memoryLogger();
    let made: ReturnType<typeof clientWith>;
    try {
      made = clientWith(script, { logger: log.logger });
    } finally {
      process.env = env;
    }
    await exercise(made.client);
    expect(log.lines).toEqual([]);
  });

  it('says once that a level it does not know stands for warn', async () => {
    vi.stubEnv('RESPONSES_CLIENT_LOG', 'loud');
    const log = memoryLogger();
    await exercise(clientWith(script, { logger: log.logger }).client);
    expect(log.lines.map((line) => line.level)).toEqual(['warn']);
    expect(log.lines[0]?.message).toContain('Unknown log level "loud"');
  });

  it('keeps going when the logger throws', async () => {
    const logger = {
      error: () => {
        throw new Error('no disk');
      },
      warn: () => {
        throw new Error('no disk');
      },
      info: () => {
        throw new Error('no disk');
      },
      debug: () => {
        throw new Error('no disk');
      },
    };
    const { client } = clientWith(script, { logLevel: 'debug', logger });
    await expect(client.responses.create({ model: 'm', input: 'Hi' })).resolves.toMatchObject({
      id: 'resp_1',
    });
  });
});

describe('logs and the key', () => {
  const keys = ['k', 'test', 'abc123', 'sk-0123456789abcdef', `sk-proj-${'x'.repeat(48)}`];

  it.each(keys)('never logs the key %s, at any level', async (apiKey) => {
    const log = memoryLogger();
    const { client } = clientWith(
      (_, index) =>
        index === 0
          ? errorAnswer(503, { 'retry-after-ms': '0', 'x-echo': `Bearer ${apiKey}` })
          : errorAnswer(401, { 'x-echo': apiKey }),
      { apiKey, logLevel: 'debug', logger: log.logger, headers: { 'x-api-key': apiKey } },
    );
    await client.responses
      .create({ model: 'm', input: `my key is ${apiKey} !` })
      .catch(() => undefined);
    const text = log.text();
    expect(text).toContain('[redacted]');
    const token = new RegExp(`(^|[^\\p{L}\\p{N}_-])${apiKey}(?![\\p{L}\\p{N}_-])`, 'u');
    expect(text).not.toMatch(token);
  });

  it('never logs the key in a retry line', async () => {
    const apiKey = 'sk-0123456789abcdef';
    const log = memoryLogger();
    const { client } = clientWith(
      (_, index) => {
        if (index === 0) throw new TypeError(`connect failed for Bearer ${apiKey}`);
        return jsonAnswer();
      },
      { apiKey, maxRetries: 1, logLevel: 'info', logger: log.logger },
    );
    await client.responses.create({ model: 'm', input: 'Hi' });
    expect(log.lines[0]?.message).toContain('retrying (attempt 2)');
    expect(log.lines[0]?.message).toContain('Bearer [redacted]');
    expect(log.text()).not.toContain(apiKey);
  });
});
