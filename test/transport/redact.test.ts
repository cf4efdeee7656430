import { inspect } from 'node:util';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
} from '../../src/errors.js';
import {
  redactError,
  redacted,
  redactValue,
  secretsOf,
  textRedactor,
} from '../../src/transport/redact.js';
import type { FetchLike } from '../../src/transport/request.js';
import { baseURL, rejectionOf, serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();
const key = 'sk-test-SECRET-1234567890';

/** Every place an error could show the key, each rendered as text. */
function surfaces(error: unknown): Record<string, string> {
  const err = error as Error & { cause?: unknown; headers?: Headers; error?: unknown };
  const cause = err.cause as (Error & { cause?: unknown }) | undefined;
  return {
    message: err.message,
    stack: String(err.stack),
    cause: String(cause),
    'cause.stack': String(cause?.stack),
    'cause.cause': String(cause?.cause),
    JSON: JSON.stringify(err) ?? '',
    inspect: inspect(err, { depth: 10, showHidden: true }),
    headers: JSON.stringify([...(err.headers ?? new Headers())]),
    error: JSON.stringify(err.error) ?? '',
  };
}

/** The names of the surfaces that show `secret`: expect none. */
function leaks(error: unknown, secret = key): string[] {
  return Object.entries(surfaces(error))
    .filter(([, text]) => text.includes(secret))
    .map(([name]) => name);
}

function client(options: { fetch?: FetchLike; timeout?: number } = {}) {
  return new ResponsesClient({ baseURL, apiKey: key, maxRetries: 0, ...options });
}

async function errorFor(respond: () => Response): Promise<unknown> {
  serve(server, respond);
  return rejectionOf(client().responses.create({ model: 'gpt-test', input: 'Hi' }));
}

/** Redacts `value` with the secrets of a client holding `secret` as its key. */
const scrubbed = <T>(value: T, secret = key): T =>
  redactValue(value, textRedactor(secretsOf({ apiKey: secret })));

describe('redactValue', () => {
  it('replaces every occurrence in a string', () => {
    expect(scrubbed(`a ${key} b ${key}`)).toBe(`a ${redacted} b ${redacted}`);
  });

  it('returns the text as it is when the client holds no secret', () => {
    expect(secretsOf({ apiKey: undefined })).toEqual([]);
    expect(redactError(new Error(key), [])).toHaveProperty('message', key);
  });

  it('scrubs nested objects and arrays, keys included, without touching the original', () => {
    const value = { [`k-${key}`]: [{ deep: `x ${key} y` }, 3, null, true], n: 1 };
    const clean = scrubbed(value);
    expect(clean).toEqual({
      [`k-${redacted}`]: [{ deep: `x ${redacted} y` }, 3, null, true],
      n: 1,
    });
    expect(value[`k-${key}`]).toEqual([{ deep: `x ${key} y` }, 3, null, true]);
  });

  it('scrubs Headers into a new Headers', () => {
    const clean = scrubbed(new Headers({ authorization: `Bearer ${key}`, a: 'b' }));
    expect(clean).toBeInstanceOf(Headers);
    expect(clean.get('authorization')).toBe(`Bearer ${redacted}`);
    expect(clean.get('a')).toBe('b');
  });

  it('scrubs an Error: message, stack and its chain of causes, keeping the name', () => {
    const error = new TypeError(`failed ${key}`, {
      cause: new Error(`inner ${key}`, { cause: { detail: key } }),
    });
    const clean = scrubbed(error);
    expect(clean).not.toBe(error);
    expect(clean.name).toBe('TypeError');
    expect(clean.message).toBe(`failed ${redacted}`);
    expect(clean.stack).not.toContain(key);
    const cause = clean.cause as Error;
    expect(cause.message).toBe(`inner ${redacted}`);
    expect(cause.cause).toEqual({ detail: redacted });
  });

  it('returns what holds no secret as it is, and keeps the class of an error it copies', () => {
    const plain = { a: [1, 'two'], error: new TypeError('fine') };
    expect(scrubbed(plain)).toBe(plain);
    const cause = new SyntaxError(`bad token in Bearer ${key}`);
    const clean = scrubbed(new Error('outer', { cause })).cause as Error;
    expect(clean).not.toBe(cause);
    expect(clean).toBeInstanceOf(SyntaxError);
    expect(clean.message).toBe(`bad token in Bearer ${redacted}`);
  });

  it('drops the excerpt V8 quotes in a JSON.parse error, which may hold the start of a key', () => {
    let parseError: unknown;
    try {
      JSON.parse(`{"delta": Bearer ${key}}`);
    } catch (error) {
      parseError = error;
    }
    const error = redactError(
      new Error('not JSON', { cause: parseError }),
      secretsOf({ apiKey: key }),
    );
    const cause = error.cause as Error;
    expect(cause).toBeInstanceOf(SyntaxError);
    expect(cause.message).not.toContain('"');
    expect(cause.message).not.toContain(key.slice(0, 6));
  });

  it('scrubs a secret nested deeper than 32 levels, and a cycle', () => {
    let value: unknown = key;
    for (let level = 0; level < 40; level++) value = { a: value };
    expect(JSON.stringify(scrubbed(value))).not.toContain(key);
    const cyclic: Record<string, unknown> = { text: key };
    cyclic.self = cyclic;
    const clean = scrubbed(cyclic);
    expect(clean.text).toBe(redacted);
    expect(clean.self).toBe(clean);
  });
});

describe('an error never contains the API key', () => {
  it('when the server echoes it in a JSON error message', async () => {
    const error = await errorFor(() =>
      HttpResponse.json(
        {
          error: {
            message: `Incorrect API key provided: ${key}.`,
            type: 'invalid_request_error',
            code: key,
            param: key,
            echo: { authorization: `Bearer ${key}` },
          },
        },
        { status: 401 },
      ),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as APIError).message).toBe(`401 Incorrect API key provided: ${redacted}.`);
    expect((error as APIError).code).toBe(redacted);
    expect((error as APIError).param).toBe(redacted);
    expect(leaks(error)).toEqual([]);
  });

  it('when the server echoes it in a text body', async () => {
    const error = await errorFor(() =>
      HttpResponse.text(`invalid token Bearer ${key}`, { status: 400 }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).message).toBe(`400 invalid token Bearer ${redacted}`);
    expect((error as APIError).error).toBe(`invalid token Bearer ${redacted}`);
    expect(leaks(error)).toEqual([]);
  });

  it('when the server echoes it in an HTML body', async () => {
    const error = await errorFor(() =>
      HttpResponse.html(
        `<html><head><title>Key ${key} refused</title></head><body><h1>Key ${key} refused</h1><!-- ${key} --></body></html>`,
        { status: 502 },
      ),
    );
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as APIError).message).toBe(`502 Key ${redacted} refused`);
    expect(leaks(error)).toEqual([]);
  });

  it('when the server echoes it in response headers', async () => {
    const error = await errorFor(() =>
      HttpResponse.json(
        { error: { message: 'nope' } },
        {
          status: 403,
          headers: { 'x-echo-authorization': `Bearer ${key}`, 'x-request-id': `req-${key}` },
        },
      ),
    );
    const apiError = error as APIError;
    expect(apiError.headers.get('x-echo-authorization')).toBe(`Bearer ${redacted}`);
    expect(apiError.requestId).toBe(`req-${redacted}`);
    expect(leaks(error)).toEqual([]);
  });

  it('when fetch rejects with an Error whose message and cause hold it', async () => {
    const fetch: FetchLike = () =>
      Promise.reject(
        new TypeError(`fetch failed for Bearer ${key}`, {
          cause: new Error(`socket closed; header was ${key}`, { cause: { sent: key } }),
        }),
      );
    const error = await rejectionOf(client({ fetch }).responses.retrieve('resp_1'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      `Connection error: fetch failed for Bearer ${redacted} (socket closed; header was ${redacted})`,
    );
    expect(((error as Error).cause as Error).message).toBe(`fetch failed for Bearer ${redacted}`);
    expect(leaks(error)).toEqual([]);
  });

  it('when fetch throws synchronously with a cause that is not an Error', async () => {
    const fetch: FetchLike = () => {
      throw new Error(`bad header ${key}`, { cause: { request: { authorization: key } } });
    };
    const error = await rejectionOf(client({ fetch }).responses.retrieve('resp_1'));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(leaks(error)).toEqual([]);
    expect(inspect(error, { depth: 10, showHidden: true })).toContain(redacted);
  });

  it('when the request times out', async () => {
    server.use(
      http.all(`${baseURL}/*`, async () => {
        await delay('infinite');
        return new HttpResponse(null);
      }),
    );
    const error = await rejectionOf(client({ timeout: 5 }).responses.retrieve('resp_1'));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(leaks(error)).toEqual([]);
  });

  it('when the request is aborted', async () => {
    serve(server, () => HttpResponse.json({}));
    const error = await rejectionOf(
      client().responses.retrieve('resp_1', {}, { signal: AbortSignal.abort(key) }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(leaks(error)).toEqual([]);
  });

  // The body is redacted before it is cut to a snippet, and a cut never splits a word: a key
  // that straddles the cut leaves no prefix ("sk-test-SECRET-12345…") behind.
  it('when the server echoes it where the message snippet is cut', async () => {
    const error = await errorFor(() =>
      HttpResponse.text(`${'x'.repeat(179)} ${key}`, { status: 400 }),
    );
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('when the server echoes it deep inside a JSON body', async () => {
    let nested: unknown = { echoed: key };
    for (let level = 0; level < 20; level++) nested = { details: nested };
    const error = await errorFor(() =>
      HttpResponse.json({ error: { message: 'bad', nested } }, { status: 400 }),
    );
    expect(leaks(error)).toEqual([]);
  });
});

describe('the client never shows the API key', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('in util.inspect or JSON.stringify', () => {
    const withKey = new ResponsesClient({
      baseURL,
      apiKey: key,
      headers: { 'x-api-key': key },
    });
    expect(inspect(withKey)).not.toContain(key);
    expect(inspect(withKey, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(withKey)).not.toContain(key);
    expect(inspect(withKey.responses, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(withKey.responses) ?? '').not.toContain(key);
  });

  it('in a client made by withOptions', () => {
    const derived = new ResponsesClient({ baseURL, apiKey: key }).withOptions({ timeout: 5 });
    expect(inspect(derived, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(derived)).not.toContain(key);
  });
});
