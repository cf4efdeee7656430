import { describe, expect, it, vi } from 'vitest';
import { APIConnectionError, BadRequestError, ServiceUnavailableError } from '../../src/errors.js';
import type { RequestHookInfo, ResponseHookInfo, RetryHookInfo } from '../../src/index.js';
import {
  brokenAnswer,
  clientWith,
  errorAnswer,
  jsonAnswer,
  memoryLogger,
  sseAnswer,
} from './setup.js';

/** Hooks that record what they are given. */
function recorder() {
  const seen = {
    requests: [] as RequestHookInfo[],
    responses: [] as ResponseHookInfo[],
    retries: [] as RetryHookInfo[],
    errors: [] as unknown[],
  };
  const hooks = {
    onRequest: (info: RequestHookInfo) => seen.requests.push(info),
    onResponse: (info: ResponseHookInfo) => seen.responses.push(info),
    onRetry: (info: RetryHookInfo) => seen.retries.push(info),
    onError: (error: unknown) => seen.errors.push(error),
  };
  return { seen, hooks };
}

describe('hooks', () => {
  it('calls onRequest before each attempt and onResponse when its headers arrive', async () => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(() => jsonAnswer(), { hooks });
    const response = await client.responses.create({ model: 'gpt-test', input: 'Hello' });
    expect(response.id).toBe('resp_1');
    expect(seen.requests).toHaveLength(1);
    const [request] = seen.requests;
    expect(request).toMatchObject({
      url: 'https://api.test/v1/responses',
      method: 'POST',
      attempt: 1,
    });
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ model: 'gpt-test', input: 'Hello' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(seen.responses).toEqual([
      expect.objectContaining({
        url: 'https://api.test/v1/responses',
        status: 200,
        requestId: 'req_resp_1',
      }),
    ]);
    expect(seen.responses[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen.retries).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('calls onRetry with the attempt, the delay and the error, then onRequest again', async () => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(
      (_, index) => (index === 0 ? errorAnswer(503, { 'retry-after-ms': '1' }) : jsonAnswer()),
      { hooks },
    );
    await client.responses.create({ model: 'gpt-test', input: 'Hello' });
    expect(seen.requests.map((info) => info.attempt)).toEqual([1, 2]);
    expect(seen.responses.map((info) => info.status)).toEqual([503, 200]);
    expect(seen.retries).toHaveLength(1);
    expect(seen.retries[0]).toMatchObject({ attempt: 2, delayMs: 1 });
    expect(seen.retries[0]?.error).toBeInstanceOf(ServiceUnavailableError);
    expect(seen.retries[0]?.error.message).toBe(
      '503 status code (body not read: the request is retried)',
    );
  });

  it('calls onRetry for a connection error, with the APIConnectionError it would end as', async () => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(
      (_, index) => {
        if (index === 0) throw new TypeError('fetch failed');
        return jsonAnswer();
      },
      { hooks },
    );
    await client.responses.create({ model: 'gpt-test', input: 'Hello' });
    expect(seen.retries[0]?.attempt).toBe(2);
    const error = seen.retries[0]?.error;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error?.message).toBe('Connection error: fetch failed');
    expect(error?.cause).toBeInstanceOf(TypeError);
  });

  it('calls onError once with the error a request ends with', async () => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(() => errorAnswer(400), { hooks });
    const failure = await client.responses
      .create({ model: 'gpt-test', input: 'Hello' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toBeInstanceOf(BadRequestError);
  });

  it("calls onError with a stream's failure (a body that breaks midway)", async () => {
    const { seen, hooks } = recorder();
    const created =
      'data: {"type":"response.created","sequence_number":0,"response":{"id":"r","object":"response","status":"in_progress","output":[]}}\n\n';
    const { client } = clientWith(() => brokenAnswer(created), { hooks });
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toBeInstanceOf(APIConnectionError);
    await vi.waitFor(() => expect(seen.errors).toHaveLength(1));
    expect(seen.errors[0]).toBeInstanceOf(APIConnectionError);
  });

  it('sees streamed requests, and other endpoints than create', async () => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(
      (call) =>
        call.url.endsWith('/models')
          ? Response.json({ object: 'list', data: [] }, { headers: { 'x-request-id': 'req_m' } })
          : sseAnswer(),
      { hooks },
    );
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream);
    await client.models.list();
    expect(seen.requests.map((info) => `${info.method} ${info.url}`)).toEqual([
      'POST https://api.test/v1/responses',
      'GET https://api.test/v1/models',
    ]);
    expect(seen.responses.map((info) => info.requestId)).toEqual(['req_stream', 'req_m']);
  });

  it('are laid over by withOptions', async () => {
    const first = recorder();
    const second = recorder();
    const { client } = clientWith(() => jsonAnswer(), { hooks: first.hooks });
    await client.withOptions({ hooks: second.hooks }).responses.create({ model: 'm', input: 'Hi' });
    expect(first.seen.requests).toHaveLength(0);
    expect(second.seen.requests).toHaveLength(1);
    // The options the new client does not set are the old one's: its hooks too.
    await client.withOptions({ timeout: 5_000 }).responses.create({ model: 'm', input: 'Hi' });
    expect(first.seen.requests).toHaveLength(1);
  });

  it('lets the request go on when a hook throws or rejects, and logs it at error level', async () => {
    const log = memoryLogger();
    const { client } = clientWith(() => jsonAnswer(), {
      logger: log.logger,
      hooks: {
        onRequest: () => {
          throw new Error('hook broke');
        },
        onResponse: () => Promise.reject(new Error('async hook broke')),
      },
    });
    const response = await client.responses.create({ model: 'm', input: 'Hi' });
    expect(response.id).toBe('resp_1');
    await vi.waitFor(() =>
      expect(log.lines.filter((line) => line.level === 'error')).toHaveLength(2),
    );
    expect(log.text()).toContain('onRequest hook threw; the request went on: Error: hook broke');
    expect(log.text()).toContain('onResponse hook threw');
  });
});

describe('hooks and the key', () => {
  // Keys of every length: one letter, a word found inside other words, a short token, and
  // real-looking keys past the length from which a key is redacted wherever it appears.
  const keys = ['k', 'test', 'abc123', 'sk-0123456789abcdef', `sk-proj-${'x'.repeat(48)}`];

  it.each(keys)('never gives a hook the key %s (headers, body, errors)', async (apiKey) => {
    const { seen, hooks } = recorder();
    const { client } = clientWith(
      (_, index) =>
        index === 0
          ? errorAnswer(503, { 'retry-after-ms': '0', 'x-echo': `Bearer ${apiKey}` })
          : errorAnswer(401, { 'x-echo': apiKey }),
      { apiKey, hooks, headers: { 'x-api-key': apiKey } },
    );
    await client.responses
      .create({ model: 'm', input: `my key is ${apiKey} !` })
      .catch(() => undefined);
    expect(seen.requests[0]?.headers.authorization).toBe('Bearer [redacted]');
    expect(seen.requests[0]?.headers['x-api-key']).toBe('[redacted]');
    expect(seen.requests[0]?.body).toContain('my key is [redacted] !');
    expect(seen.responses[0]?.headers['x-echo']).toBe('Bearer [redacted]');
    expect(seen.responses[1]?.headers['x-echo']).toBe('[redacted]');
    expect(seen.errors).toHaveLength(1);
    const everything = JSON.stringify({
      ...seen,
      errors: seen.errors.map((error) => String(error)),
      retries: seen.retries.map((retry) => ({ ...retry, error: String(retry.error) })),
    });
    // As a whole token (a short key like `k` is a letter of other words too).
    const token = new RegExp(`(^|[^\\p{L}\\p{N}_-])${apiKey}(?![\\p{L}\\p{N}_-])`, 'u');
    expect(everything).not.toMatch(token);
    expect(everything).toContain('[redacted]');
  });
});
