import { describe, expect, it } from 'vitest';
import {
  ResponsesClient,
  ResponsesError,
  ResponseValidationError,
  StreamError,
} from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  textEvents,
  useFaultServer,
} from './fault-server.js';

const server = useFaultServer();

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
const answer = (status: number, contentType: string, body: string) =>
  server.handle((_request, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
const unary = () => caught(() => client().responses.create({ model: 'm', input: 'hi' }));

describe('a unary answer that is not a response', () => {
  it('is a ResponseValidationError saying what came, when the body is not JSON', async () => {
    const body = '{"id":"resp_1","object":"response","output":[{"type":"message",';
    answer(200, 'application/json', body);
    const error = await unary();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(
      `Unexpected response body from the server: (root): expected JSON, got: ${body}`,
    );
    expect((error as ResponseValidationError).received).toBe(body);
  });

  it('is a ResponseValidationError with a snippet of the page, when a proxy answers 200 with HTML', async () => {
    answer(200, 'text/html', '<html><body><h1>Please sign in to the Wi-Fi</h1></body></html>');
    const error = await unary();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/expected JSON, got: <html><body><h1>Please sign in/);
  });

  it('is a ResponseValidationError when the JSON is not an object', async () => {
    answer(200, 'application/json', '[1,2,3]');
    const error = await unary();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/expected a JSON object, got \[1,2,3\]/);
  });

  it('is a ResponseValidationError when the body is empty', async () => {
    answer(200, 'application/json', '');
    const error = await unary();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/expected a JSON object, got nothing/);
  });

  it('is a ResponseValidationError naming the field, when the object is not a response', async () => {
    const { output: _output, ...noOutput } = completedResponse('resp_1', 'x');
    answer(200, 'application/json', JSON.stringify({ ...noOutput, status: 42 }));
    const error = await unary();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path[0])).toContain(
      'status',
    );
  });
});

describe('an answer read with validateResponses: false', () => {
  const unchecked = () =>
    new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0, validateResponses: false });

  it('gives a response whose output holds null items, with output_text, instead of a TypeError', async () => {
    const done = completedResponse('resp_null', 'kept');
    const output = [null, ...(done.output as unknown[])];
    answer(200, 'application/json', JSON.stringify({ ...done, output }));
    const response = await unchecked().responses.create({ model: 'm', input: 'hi' });
    expect(response.output).toEqual(output);
    expect(response.output_text).toBe('kept');
  });

  it('gives a streamed final response whose output holds null items, instead of a TypeError', async () => {
    const events = textEvents('resp_null', ['kept']);
    const last = events.at(-1) as { response: { output: unknown[] } };
    last.response.output = [null, ...last.response.output];
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(events.map(frame).join(''));
    });
    const stream = await unchecked().responses.create({ model: 'm', input: 'hi', stream: true });
    expect((await stream.finalResponse()).output_text).toBe('kept');
  });
});

describe('a stream whose events are not valid', () => {
  const events = textEvents('resp_bad', ['a', 'b']);
  const streamOf = (body: string) => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.end(body);
    });
    return client().responses.create({ model: 'm', input: 'hi', stream: true });
  };

  it('throws StreamError, never SyntaxError, at an event that is not JSON', async () => {
    const body = `${events.slice(0, 3).map(frame).join('')}event: response.output_text.delta\ndata: {"delta": "a", oops}\n\n`;
    const { events: received, error } = await drain(await streamOf(body));
    expect(received).toHaveLength(3);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toBe(
      'The server sent an event "response.output_text.delta" that is not valid JSON: {"delta": "a", oops}',
    );
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('throws StreamError at an event whose data is JSON but not an object', async () => {
    const { error } = await drain(
      await streamOf(`${frame(events[0] as Record<string, unknown>)}data: [1,2]\n\n`),
    );
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/not a JSON object: \[1,2\]/);
  });

  it('throws ResponseValidationError at an event whose fields break the schema', async () => {
    const bad = { ...events[3], delta: 42 };
    const { events: received, error } = await drain(
      await streamOf(events.slice(0, 3).map(frame).join('') + frame(bad)),
    );
    expect(received).toHaveLength(3);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/response\.output_text\.delta.*delta/);
  });

  it('throws StreamError, not a silent end, when [DONE] comes before the terminal event', async () => {
    const { events: received, error } = await drain(
      await streamOf(`${events.slice(0, 4).map(frame).join('')}data: [DONE]\n\n`),
    );
    expect(received).toHaveLength(4);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/ended before a terminal event/);
  });

  it('ends quietly at a [DONE] that follows the terminal event', async () => {
    const { events: received, error } = await drain(
      await streamOf(`${events.map(frame).join('')}data: [DONE]\n\n`),
    );
    expect(error).toBeUndefined();
    expect(received).toHaveLength(events.length);
  });

  it('throws StreamError when a stream is answered with JSON instead of events', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(completedResponse('resp_json', 'not streamed')));
    });
    const error = await caught(() =>
      client().responses.create({ model: 'm', input: 'hi', stream: true }),
    );
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(
      /^Expected an event stream, but the server answered with application\/json: \{"id":"resp_json"/,
    );
  });

  it('throws StreamError when a stream is answered with an HTML page', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });
    const stream = await client().responses.create({ model: 'm', input: 'hi', stream: true });
    const { events: received, error } = await drain(stream);
    expect(received).toEqual([]);
    expect(error).toBeInstanceOf(StreamError);
  });

  it('fails every garbled line with a ResponsesError', async () => {
    const garbage = [
      'data: {\n\n',
      'data: nul\n\n',
      'data: "text"\n\n',
      'data: 12\n\n',
      'data: {"type":"response.created","response":"nope"}\n\n',
      'data: {"type":"response.output_item.added","output_index":-1,"item":{}}\n\n',
      'data: {"type":"error"}\n\n',
      'data: \u0000\u0001\n\n',
      `data: ${'['.repeat(5000)}\n\n`,
    ];
    for (const line of garbage) {
      const { error } = await drain(
        await streamOf(frame(events[0] as Record<string, unknown>) + line),
      );
      expect(error, line.slice(0, 40)).toBeInstanceOf(ResponsesError);
    }
  });
});
