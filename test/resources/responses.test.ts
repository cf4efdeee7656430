import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  RequestValidationError,
  ResponseStream,
  ResponsesClient,
  ResponseValidationError,
  StreamError,
} from '../../src/index.js';
import { textStreamFrames } from '../helpers/streams.js';
import { baseURL, completed, useRecorder } from './recorder.js';

const { server, received, record, client } = useRecorder();

describe('responses.create', () => {
  it('posts the params as JSON and returns the response with output_text joined', async () => {
    server.use(
      http.post(
        `${baseURL}/responses`,
        record(() => HttpResponse.json(completed, { headers: { 'x-request-id': 'req_9' } })),
      ),
    );
    const response = await client().responses.create({
      model: 'm',
      input: 'What roasts do you have?',
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toEqual({ model: 'm', input: 'What roasts do you have?' });
    expect(received[0]?.headers.get('content-type')).toBe('application/json');
    expect(received[0]?.headers.get('authorization')).toBe('Bearer sk-test');
    expect(response.output_text).toBe('Sunrise, Midnight');
    expect(response.output).toHaveLength(2);
  });

  it('gives data, the raw response and the request id through withResponse()', async () => {
    server.use(
      http.post(`${baseURL}/responses`, () =>
        HttpResponse.json(completed, { headers: { 'x-request-id': 'req_9' } }),
      ),
    );
    const { data, response, requestId } = await client()
      .responses.create({ model: 'm', input: 'hi' })
      .withResponse();
    expect(data.id).toBe('resp_1');
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_9');
  });

  it('sends a field the params types do not have as written, like openai-node', async () => {
    server.use(
      http.post(
        `${baseURL}/responses`,
        record(() => HttpResponse.json(completed)),
      ),
    );
    // @ts-expect-error max_output_token is misspelt: a compile error, yet sent as written
    await client().responses.create({ model: 'm', input: 'hi', max_output_token: 100 });
    expect(received[0]?.body).toEqual({ model: 'm', input: 'hi', max_output_token: 100 });
  });

  it('merges extraBody into the JSON body after the checks, unary and streamed', async () => {
    server.use(
      http.post(
        `${baseURL}/responses`,
        record((_, body) =>
          (body as { stream?: boolean }).stream
            ? new HttpResponse(textStreamFrames(['Hi']).join(''), {
                headers: { 'content-type': 'text/event-stream' },
              })
            : HttpResponse.json(completed),
        ),
      ),
    );
    // temperature 9 in the params would be refused: in extraBody it is sent as written.
    const extraBody = { top_k: 40, temperature: 9, metadata: { run: '7' } };
    await client().responses.create({ model: 'm', input: 'hi', temperature: 1 }, { extraBody });
    const stream = await client().responses.create(
      { model: 'm', input: 'hi', stream: true },
      { extraBody },
    );
    for await (const _ of stream);
    expect(received.map((request) => request.body)).toEqual([
      { model: 'm', input: 'hi', ...extraBody },
      { model: 'm', input: 'hi', stream: true, ...extraBody },
    ]);
  });

  it('refuses invalid params before sending anything', async () => {
    server.use(
      http.post(
        `${baseURL}/responses`,
        record(() => HttpResponse.json(completed)),
      ),
    );
    const bad = { model: 42, input: 'hi' } as unknown as { model: string; input: string };
    const failure = await client()
      .responses.create(bad)
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(RequestValidationError);
    expect((failure as RequestValidationError).issues[0]?.path).toEqual(['model']);
    expect(received).toHaveLength(0);
  });

  it('turns a body that is not JSON into a ResponseValidationError', async () => {
    server.use(
      http.post(
        `${baseURL}/responses`,
        () => new HttpResponse('<html>oops</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    await expect(client().responses.create({ model: 'm', input: 'hi' })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('turns a response without an output array into a ResponseValidationError naming the field', async () => {
    server.use(
      http.post(`${baseURL}/responses`, () =>
        HttpResponse.json({ id: 'resp_1', status: 'completed', output: 'text' }),
      ),
    );
    const failure = await client()
      .responses.create({ model: 'm', input: 'hi' })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as ResponseValidationError).issues[0]?.path).toEqual(['output']);
  });

  it('accepts the same malformed response when validation is turned off, as long as output is an array', async () => {
    server.use(http.post(`${baseURL}/responses`, () => HttpResponse.json({ id: 7, output: [] })));
    const loose = new ResponsesClient({ baseURL, validateResponses: false });
    const response = await loose.responses.create({ model: 'm', input: 'hi' });
    expect(response).toMatchObject({ id: 7, output_text: '' });
  });

  it('returns a ResponseStream for stream: true and asks for an event stream', async () => {
    const body = textStreamFrames(['Hel', 'lo']).join('');
    server.use(
      http.post(
        `${baseURL}/responses`,
        record(
          () =>
            new HttpResponse(body, {
              headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_s' },
            }),
        ),
      ),
    );
    const stream = await client().responses.create({ model: 'm', input: 'hi', stream: true });
    expect(stream).toBeInstanceOf(ResponseStream);
    expect(stream.requestId).toBe('req_s');
    expect(received[0]?.headers.get('accept')).toBe('text/event-stream');
    expect(received[0]?.body).toMatchObject({ stream: true });
    const text: string[] = [];
    for await (const delta of stream.textDeltas()) text.push(delta);
    expect(text.join('')).toBe('Hello');
  });

  it('gives the response of lifecycle events its output_text, leaving their JSON as sent', async () => {
    const body = textStreamFrames(['Hel', 'lo']).join('');
    server.use(
      http.post(
        `${baseURL}/responses`,
        () => new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } }),
      ),
    );
    const stream = await client().responses.create({ model: 'm', input: 'hi', stream: true });
    const texts: string[] = [];
    for await (const event of stream) {
      if (event.type === 'response.created' || event.type === 'response.completed') {
        texts.push(event.response.output_text);
        expect(JSON.stringify(event.response)).not.toContain('"output_text":');
      }
    }
    expect(texts).toEqual(['', 'Hello']);
  });

  it('says so when a stream was asked for and JSON came back', async () => {
    server.use(http.post(`${baseURL}/responses`, () => HttpResponse.json(completed)));
    const failure = await client()
      .responses.create({ model: 'm', input: 'hi', stream: true })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(StreamError);
    expect((failure as Error).message).toContain('application/json');
  });
});
