import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../src/client.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  ConflictError,
  errorClassFor,
  InternalServerError,
  RateLimitError,
  RequestValidationError,
  ResponsesError,
  ResponseValidationError,
  StreamError,
} from '../src/errors.js';
import * as publicAPI from '../src/index.js';
import { classByStatus } from './helpers/error-classes.js';
import { baseURL, rejectionOf, serve, useMswServer } from './helpers/msw.js';

const server = useMswServer();
/** What the package entry point exports, by name. */
const exported = new Map<string, unknown>(Object.entries(publicAPI));

type ErrorClass = typeof APIError;

/** Adds each class's name, for the test titles. */
function named(pairs: readonly (readonly [number, ErrorClass])[]) {
  return pairs.map(([status, ErrorClass]) => [status, ErrorClass.name, ErrorClass] as const);
}

const html = `<!DOCTYPE html>
<html>
  <head><title>Upstream Trouble</title><style>body { color: red; }</style></head>
  <body>
    <script>window.trackError("x")</script>
    <h1>Upstream   Trouble</h1>
    <p>The upstream server sent an &quot;invalid&quot; response &amp; we gave up.</p>
  </body>
</html>`;

/** A body shape servers send errors in, and what the error must then say. */
interface Shape {
  shape: string;
  respond: (status: number, headers: Record<string, string>) => Response;
  /** The server's words in the message; none for an empty body. */
  words?: string;
  code?: string;
  type?: string;
  param?: string;
  /** `err.error`: the parsed JSON or the text. */
  error?: unknown;
}

const openAIBody = {
  error: {
    message: 'The model `gpt-nope` does not exist.',
    type: 'invalid_request_error',
    code: 'model_not_found',
    param: 'model',
  },
};

const shapes: readonly Shape[] = [
  {
    shape: 'a JSON {error:{message,type,code,param}} body',
    respond: (status, headers) => HttpResponse.json(openAIBody, { status, headers }),
    words: 'The model `gpt-nope` does not exist.',
    code: 'model_not_found',
    type: 'invalid_request_error',
    param: 'model',
    error: openAIBody,
  },
  {
    shape: 'a JSON {error:"text"} body',
    respond: (status, headers) =>
      HttpResponse.json({ error: 'Quota exceeded for this key.' }, { status, headers }),
    words: 'Quota exceeded for this key.',
    error: { error: 'Quota exceeded for this key.' },
  },
  {
    shape: 'a JSON {message} body',
    respond: (status, headers) =>
      HttpResponse.json({ message: 'Project is paused.' }, { status, headers }),
    words: 'Project is paused.',
    error: { message: 'Project is paused.' },
  },
  {
    shape: 'a plain-text body',
    respond: (status, headers) =>
      HttpResponse.text('upstream connect error\n  or disconnect before headers', {
        status,
        headers,
      }),
    words: 'upstream connect error or disconnect before headers',
    error: 'upstream connect error\n  or disconnect before headers',
  },
  {
    shape: 'an HTML body',
    respond: (status, headers) => HttpResponse.html(html, { status, headers }),
    words: 'Upstream Trouble The upstream server sent an "invalid" response & we gave up.',
    error: html,
  },
  {
    shape: 'an empty body',
    respond: (status, headers) => new HttpResponse(null, { status, headers }),
  },
];

async function errorFor(respond: () => Response): Promise<unknown> {
  serve(server, respond);
  const client = new ResponsesClient({ baseURL, apiKey: 'sk-test', maxRetries: 0 });
  return rejectionOf(client.responses.create({ model: 'gpt-test', input: 'Hi' }));
}

describe('APIError.generate over HTTP', () => {
  describe.each(classByStatus)('a %i', (status, ErrorClass) => {
    it.each(shapes.map((shape) => [shape.shape, shape] as const))(
      `throws ${ErrorClass.name} for %s`,
      async (_, shape) => {
        const error = await errorFor(() =>
          shape.respond(status, { 'x-request-id': `req_${status}`, 'x-ratelimit-limit': '60' }),
        );
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error).toBeInstanceOf(APIError);
        expect(error).toBeInstanceOf(ResponsesError);
        expect(error).toBeInstanceOf(Error);
        const apiError = error as APIError;
        expect(apiError.constructor).toBe(ErrorClass);
        expect(apiError.name).toBe(ErrorClass.name);
        expect(apiError.status).toBe(status);
        expect(apiError.message).toBe(
          shape.words === undefined
            ? `${status} status code (no body)`
            : `${status} ${shape.words}`,
        );
        expect(apiError.message).not.toMatch(/<[a-z!/]/i);
        expect(apiError.code).toBe(shape.code);
        expect(apiError.type).toBe(shape.type);
        expect(apiError.param).toBe(shape.param);
        expect(apiError.error).toEqual(shape.error);
        expect(apiError.requestId).toBe(`req_${status}`);
        expect(apiError.headers).toBeInstanceOf(Headers);
        expect(apiError.headers.get('x-ratelimit-limit')).toBe('60');
        expect(apiError.headers.get('x-request-id')).toBe(`req_${status}`);
      },
    );
  });

  it.each(
    named([
      [418, APIError],
      [405, APIError],
      [504, InternalServerError],
      [505, InternalServerError],
      [599, InternalServerError],
    ]),
  )('turns a %i into exactly %s', async (status, _, ErrorClass) => {
    const error = await errorFor(() =>
      HttpResponse.json({ error: { message: 'teapot or worse' } }, { status }),
    );
    expect((error as APIError).constructor).toBe(ErrorClass);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).message).toBe(`${status} teapot or worse`);
  });

  it('makes a numeric error code a string', async () => {
    const error = (await errorFor(() =>
      HttpResponse.json({ error: { message: 'Busy', code: 1234 } }, { status: 429 }),
    )) as APIError;
    expect(error.code).toBe('1234');
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('reads type, code and param next to a top-level message', async () => {
    const error = (await errorFor(() =>
      HttpResponse.json(
        { message: 'Bad thing', type: 'invalid', code: 'bad_thing', param: 'input' },
        { status: 400 },
      ),
    )) as APIError;
    expect(error.message).toBe('400 Bad thing');
    expect([error.type, error.code, error.param]).toEqual(['invalid', 'bad_thing', 'input']);
  });

  it('reads a {detail} body', async () => {
    const error = (await errorFor(() =>
      HttpResponse.json({ detail: 'Not authenticated' }, { status: 401 }),
    )) as APIError;
    expect(error.message).toBe('401 Not authenticated');
  });

  it('leaves requestId undefined when the server sent no x-request-id', async () => {
    const error = (await errorFor(() => HttpResponse.json({}, { status: 500 }))) as APIError;
    expect(error.requestId).toBeUndefined();
  });
});

describe('errorClassFor', () => {
  it.each(classByStatus)('maps %i to its own class', (status, ErrorClass) => {
    expect(errorClassFor(status)).toBe(ErrorClass);
  });

  it.each(
    named([
      [504, InternalServerError],
      [511, InternalServerError],
      [599, InternalServerError],
      [418, APIError],
      [405, APIError],
      [302, APIError],
    ]),
  )('maps the unlisted %i to %s', (status, _, ErrorClass) => {
    expect(errorClassFor(status)).toBe(ErrorClass);
  });
});

describe('APIError', () => {
  it('says "status code (no body)" when the server said nothing', () => {
    expect(new APIError({ status: 500 }).message).toBe('500 status code (no body)');
    expect(new APIError({ status: 500, serverMessage: '   ' }).message).toBe(
      '500 status code (no body)',
    );
  });

  it('puts the status and the trimmed server message in the message', () => {
    expect(new APIError({ status: 400, serverMessage: '  Bad input \n' }).message).toBe(
      '400 Bad input',
    );
  });

  it('reads code, type and param from the body and requestId from the headers', () => {
    const error = APIError.generate({
      status: 409,
      serverMessage: 'Locked',
      body: { message: 'Locked', code: 42, type: 'conflict', param: 'id' },
      headers: new Headers({ 'X-Request-Id': 'req_9' }),
      error: { any: 'thing' },
    });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('42');
    expect(error.type).toBe('conflict');
    expect(error.param).toBe('id');
    expect(error.requestId).toBe('req_9');
    expect(error.error).toEqual({ any: 'thing' });
  });

  it('has empty headers and undefined fields when built from a status alone', () => {
    const error = new APIError({ status: 418 });
    expect([...error.headers]).toEqual([]);
    expect([error.code, error.type, error.param, error.requestId, error.error]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('serializes to JSON with its fields and without headers or body', () => {
    const error = APIError.generate({
      status: 429,
      serverMessage: 'Slow down',
      body: { code: 'rate_limit_exceeded', type: 'requests' },
      headers: new Headers({ 'x-request-id': 'req_1', 'set-cookie': 'session=1' }),
      error: { error: { message: 'Slow down' } },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RateLimitError',
      message: '429 Slow down',
      status: 429,
      code: 'rate_limit_exceeded',
      type: 'requests',
      requestId: 'req_1',
    });
  });

  it('names its class in its stack', () => {
    const error = APIError.generate({ status: 404, serverMessage: 'No such response' });
    expect(error.stack?.split('\n')[0]).toBe('NotFoundError: 404 No such response');
  });
});

describe('errors that are not HTTP', () => {
  it('makes APITimeoutError a kind of APIConnectionError, and neither an APIError', () => {
    const timeout = new APITimeoutError();
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout).toBeInstanceOf(ResponsesError);
    expect(timeout).not.toBeInstanceOf(APIError);
    expect(timeout.name).toBe('APITimeoutError');
    expect(timeout.message).toBe('Request timed out.');
  });

  it('keeps the cause of an APIConnectionError', () => {
    const cause = new TypeError('fetch failed');
    const error = new APIConnectionError('Connection error: fetch failed', { cause });
    expect(error.cause).toBe(cause);
    expect(new APIConnectionError().message).toBe('Connection error.');
  });

  it('makes APIUserAbortError a ResponsesError but not a connection error', () => {
    const error = new APIUserAbortError();
    expect(error).toBeInstanceOf(ResponsesError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('Request was aborted.');
  });

  it('carries the code, type, param and event of a StreamError', () => {
    const event = { type: 'error', code: 'server_error', message: 'boom' };
    const error = new StreamError('boom', { code: 'server_error', type: 'x', param: 'p', event });
    expect([error.code, error.type, error.param, error.event]).toEqual([
      'server_error',
      'x',
      'p',
      event,
    ]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'StreamError',
      message: 'boom',
      code: 'server_error',
      type: 'x',
      param: 'p',
    });
  });

  it('lists each issue of a RequestValidationError in its message', () => {
    const error = new RequestValidationError([
      { path: ['tools', 0, 'name'], message: 'Required' },
      { path: [], message: 'Expected an object' },
    ]);
    expect(error.message).toBe(
      'Invalid request: tools.0.name: Required; (root): Expected an object',
    );
    expect(error.issues).toHaveLength(2);
  });

  it('keeps what was received in a ResponseValidationError', () => {
    const error = new ResponseValidationError(
      'response',
      [{ path: ['output'], message: 'expected an array' }],
      { output: 'text' },
    );
    expect(error.message).toBe('Unexpected response from the server: output: expected an array');
    expect(error.received).toEqual({ output: 'text' });
  });

  it.each(
    [
      APIError,
      APIConnectionError,
      APITimeoutError,
      APIUserAbortError,
      StreamError,
      RequestValidationError,
      ResponseValidationError,
    ].map((ErrorClass) => [ErrorClass.name, ErrorClass] as const),
  )('exports %s from the package entry point', (name, ErrorClass) => {
    expect(exported.get(name)).toBe(ErrorClass);
  });

  it('exports every HTTP error class from the package entry point', () => {
    for (const [, ErrorClass] of classByStatus) {
      expect(exported.get(ErrorClass.name)).toBe(ErrorClass);
    }
    expect(publicAPI.ResponsesError).toBe(ResponsesError);
  });
});
