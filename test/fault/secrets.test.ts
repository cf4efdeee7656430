/**
 * The key is in no error, whatever a hostile or broken server (or the network) echoes back, on
 * every path an error is built from what it said, in every form the error prints in, with keys
 * of three lengths. And redaction mangles no word: a short key is replaced only where it stands
 * as a whole token.
 */
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  BadRequestError,
  defineDialect,
  type FetchLike,
  ResponsesClient,
  ResponseValidationError,
  StreamError,
} from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  type Received,
  sendJSON,
  textEvents,
  useFaultServer,
} from './fault-server.js';
import { echo, expectRedacted, keys, printForms } from './print-forms.js';

const server = useFaultServer();

const client = (apiKey: string) =>
  new ResponsesClient({ baseURL: server.baseURL, apiKey, maxRetries: 0 });
/** The key the request carried, as the server read it from its `authorization` header. */
const keyOf = (request: Received) => String(request.headers.authorization).replace('Bearer ', '');
const streamed = { model: 'm', input: 'hi', stream: true } as const;

describe('a stream whose server echoes the key', () => {
  it('keeps it out of the StreamError of an error event: message, event, every print form', async () => {
    server.handle((request, res) => {
      openEventStream(res);
      const [created] = textEvents('resp_echo', ['a']);
      const words = echo(keyOf(request));
      res.end(
        `${frame(created ?? {})}${frame({ type: 'error', code: 'upstream', message: words, error: { message: words } })}`,
      );
    });
    for (const key of keys) {
      const { error } = await drain(await client(key).responses.create(streamed));
      expect(error).toBeInstanceOf(StreamError);
      expect((error as StreamError).code).toBe('upstream');
      expectRedacted(error, key);
      expect((error as Error).message).toContain('Bearer [redacted]');
    }
  });

  it('keeps it out of the StreamError that finalResponse() rejects with after response.failed', async () => {
    server.handle((request, res) => {
      openEventStream(res);
      const response = {
        ...completedResponse('resp_failed', ''),
        status: 'failed',
        output: [],
        error: { code: 'server_error', message: echo(keyOf(request)) },
      };
      res.end(frame({ type: 'response.failed', sequence_number: 0, response }));
    });
    for (const key of keys) {
      const stream = await client(key).responses.create(streamed);
      const error = await caught(() => stream.finalResponse());
      expect(error).toBeInstanceOf(StreamError);
      expectRedacted(error, key);
    }
  });

  it('keeps it out of the StreamError of a stream answered with application/json', async () => {
    server.handle((request, res) => sendJSON(res, 200, { echo: echo(keyOf(request)) }));
    for (const key of keys) {
      const error = await caught(() => client(key).responses.create(streamed));
      expect(error).toBeInstanceOf(StreamError);
      expect((error as Error).message).toMatch(/^Expected an event stream/);
      expectRedacted(error, key);
    }
  });

  it('keeps it out of an event that is not JSON, and out of one that breaks the schema', async () => {
    for (const broken of ['not JSON', 'bad field']) {
      server.handle((request, res) => {
        openEventStream(res);
        const words = echo(keyOf(request));
        const data =
          broken === 'not JSON'
            ? `{"delta": Bearer ${keyOf(request)} ${words}}`
            : JSON.stringify({ type: 'response.created', response: { id: 7, echo: words } });
        res.end(`event: x\ndata: ${data}\n\n`);
      });
      for (const key of keys) {
        const { error } = await drain(await client(key).responses.create(streamed));
        expect(error).toBeInstanceOf(broken === 'not JSON' ? StreamError : ResponseValidationError);
        expectRedacted(error, key);
      }
    }
  });

  it('keeps it out of the StreamError of a chat completion stream', async () => {
    server.handle((request, res) => {
      openEventStream(res);
      res.end(`data: ${JSON.stringify({ error: { message: echo(keyOf(request)) } })}\n\n`);
    });
    for (const key of keys) {
      const stream = await client(key).chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      });
      const { error } = await drain(stream);
      expect(error).toBeInstanceOf(StreamError);
      expectRedacted(error, key);
    }
  });
});

describe('a unary answer that echoes the key', () => {
  it('keeps it out of the ResponseValidationError of a 2xx body that is not JSON: message and received', async () => {
    server.handle((request, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`ECHO ${echo(keyOf(request))}`);
    });
    for (const key of keys) {
      const error = await caught(() => client(key).responses.create({ model: 'm', input: 'hi' }));
      expect(error).toBeInstanceOf(ResponseValidationError);
      expectRedacted(error, key);
      expect(printForms(error)['field received']).toContain('[redacted]');
    }
  });

  it('keeps it out of the ResponseValidationError of a 2xx JSON body that is no response', async () => {
    server.handle((request, res) => sendJSON(res, 200, { id: 7, output: echo(keyOf(request)) }));
    for (const key of keys) {
      const error = await caught(() => client(key).responses.create({ model: 'm', input: 'hi' }));
      expect(error).toBeInstanceOf(ResponseValidationError);
      expectRedacted(error, key);
    }
  });

  it('keeps it out of a chat completion that is not JSON, and out of a failed conversation turn', async () => {
    for (const key of keys) {
      server.handle((request, res) => res.writeHead(200).end(echo(keyOf(request))));
      const chatError = await caught(() =>
        client(key).chat.completions.create({
          model: 'm',
          messages: [{ role: 'user', content: 'hi' }],
        }),
      );
      expect(chatError).toBeInstanceOf(ResponseValidationError);
      expectRedacted(chatError, key);

      server.handle((request, res) =>
        sendJSON(res, 200, {
          ...completedResponse('resp_failed', ''),
          status: 'failed',
          error: { code: 'server_error', message: echo(keyOf(request)) },
        }),
      );
      const turnError = await caught(() => client(key).conversation({ model: 'm' }).send('hi'));
      expect(turnError).toBeInstanceOf(StreamError);
      expectRedacted(turnError, key);
    }
  });
});

describe('a key sent in the headers a dialect chooses', () => {
  it('keeps out of errors every value the dialect makes of it: x-api-key, and a Basic credential', async () => {
    const basic = (apiKey: string) => btoa(`lumen:${apiKey}`);
    const lumen = defineDialect({
      name: 'lumen',
      baseURL: server.baseURL,
      authHeaders: (apiKey) => ({ 'x-api-key': apiKey, authorization: `Basic ${basic(apiKey)}` }),
    });
    server.handle((request, res) => {
      const [, credentials = ''] = String(request.headers.authorization).split(' ');
      const message = `${echo(String(request.headers['x-api-key']))}; ${echo(credentials)}`;
      sendJSON(res, 400, { error: { message } });
    });
    for (const key of keys) {
      const error = await caught(() =>
        new ResponsesClient({ dialect: lumen, apiKey: key, maxRetries: 0 }).responses.create({
          model: 'm',
          input: 'hi',
        }),
      );
      expect(error).toBeInstanceOf(BadRequestError);
      expectRedacted(error, key);
      expectRedacted(error, basic(key));
    }
  });
});

describe('a network error that quotes the key', () => {
  it('keeps it out of the APIConnectionError, whose message keeps the words of every cause', async () => {
    for (const key of keys) {
      // undici's chain behind a proxy: fetch failed, an empty-worded cause, then the reason.
      const reason = Object.assign(new Error(`Proxy response (407) to ${echo(key)}`), {
        code: 'UND_ERR_ABORTED',
        cause: { sent: `Bearer ${key}` },
      });
      const fetch: FetchLike = () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('', { cause: reason }) }));
      const error = await caught(() =>
        new ResponsesClient({
          baseURL: server.baseURL,
          apiKey: key,
          maxRetries: 0,
          fetch,
        }).responses.create({ model: 'm', input: 'hi' }),
      );
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toMatch(
        /^Connection error: fetch failed \(Proxy response \(407\) to rejected authorization: Bearer \[redacted\].*: UND_ERR_ABORTED\)$/,
      );
      expectRedacted(error, key);
    }
  });
});

describe('redaction mangles no word', () => {
  it('replaces a key that is a common word only where it stands alone', async () => {
    server.handle((_request, res) =>
      sendJSON(res, 400, { error: { message: 'The latest test of the test_case failed: test.' } }),
    );
    const error = await caught(() => client('test').responses.create({ model: 'm', input: 'hi' }));
    expect((error as Error).message).toBe(
      '400 The latest [redacted] of the test_case failed: [redacted].',
    );
  });

  it('leaves a request id that holds a one-character key as it is', async () => {
    server.handle((_request, res) =>
      sendJSON(
        res,
        429,
        { error: { message: 'Slow down, k: req_fake_1 took a token' } },
        { 'x-request-id': 'req_fake_1' },
      ),
    );
    const error = await caught(() => client('k').responses.create({ model: 'm', input: 'hi' }));
    expect((error as Error).message).toBe('429 Slow down, [redacted]: req_fake_1 took a token');
    expect((error as { requestId?: string }).requestId).toBe('req_fake_1');
  });
});
