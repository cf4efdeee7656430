import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  type KartaCreateParams,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RequestValidationError,
  ResponsesClient,
  ResponsesError,
  StreamError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { createFakeServer, type Turn, type TurnFunction } from '../../src/testing/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';

const KEY = 'kt_live_test_key';
const KARTA_BASE_URL = 'https://api.karta.sh/v1';
const ask = { input: 'What roasts do you have?' };
const messages = [{ role: 'user' as const, content: 'What roasts do you have?' }];
/** The two deltas of the streaming examples of Karta's documentation (responses and chat). */
const chunks = ["We've got ", 'Sunrise, Midnight, …'];
const twoChunks: Turn = { text: chunks.join(''), chunks };

/** A fake Karta at its documented URL that requires the key, and a client of `project`. */
function setup(
  turns: Turn<KartaCreateParams>[] | TurnFunction<KartaCreateParams> = () => DEFAULT_REPLY,
  project = 'my-app',
) {
  const server = createFakeServer({
    dialect: 'karta',
    baseURL: KARTA_BASE_URL,
    apiKey: KEY,
    turns,
  });
  const client = new ResponsesClient({
    dialect: 'karta',
    project,
    apiKey: KEY,
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
  });
  return { server, client };
}

/** Refused before sending: a `RequestValidationError` naming `path`, and nothing received. */
async function refused(server: { requests: unknown[] }, call: () => unknown, path: unknown[]) {
  const error = await Promise.resolve()
    .then(call)
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContainEqual(path);
  expect(server.requests).toHaveLength(0);
  return error as RequestValidationError;
}

describe('the karta dialect: responses', () => {
  it('sends the unary curl example to the project and returns the canonical response', async () => {
    const { server, client } = setup();
    const response = await client.responses.create(ask);
    expect(server.requests).toMatchObject([
      {
        method: 'POST',
        url: `${KARTA_BASE_URL}/projects/my-app/responses`,
        headers: { authorization: `Bearer ${KEY}` },
        body: ask,
      },
    ]);
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_/),
      object: 'response',
      status: 'completed',
      output: [
        {
          type: 'message',
          id: `msg_${response.id.replace(/^resp_/, '')}_0`,
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: DEFAULT_REPLY, annotations: [] }],
        },
      ],
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 8,
        total_tokens: expect.any(Number),
      },
      previous_response_id: null,
    });
    expect(response).not.toHaveProperty('type');
    expect(response.output_text).toBe(DEFAULT_REPLY);
  });

  it('encodes a project ref with a space and a slash as one path segment', async () => {
    const { server, client } = setup(undefined, 'my app/v2');
    await client.responses.create(ask);
    await client.chat.completions.create({ messages });
    expect(server.requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/projects/my%20app%2Fv2/responses',
      '/v1/projects/my%20app%2Fv2/chat/completions',
    ]);
    expect(server.requests.map((request) => request.path[1])).toEqual(['my app/v2', 'my app/v2']);
  });

  it('throws at construction when the project option is missing', () => {
    expect(() => new ResponsesClient({ dialect: 'karta', apiKey: KEY })).toThrow(ResponsesError);
    expect(() => new ResponsesClient({ dialect: 'karta', apiKey: KEY })).toThrow(/`project`/);
  });

  it('continues from the returned id passed as previous_response_id', async () => {
    const { server, client } = setup();
    const first = await client.responses.create(ask);
    const next = await client.responses.create({
      input: 'And decaf?',
      previous_response_id: first.id,
    });
    expect(server.requests[1]?.body).toEqual({
      input: 'And decaf?',
      previous_response_id: first.id,
    });
    expect(next.previous_response_id).toBe(first.id);
  });

  it('sends every documented field as given, and input as an array of items', async () => {
    const { server, client } = setup();
    const body = { input: messages, store: true, model: 'default', stream: false as const };
    const response = await client.responses.create(body);
    expect(server.requests[0]?.body).toEqual(body);
    expect(response.output_text).toBe(DEFAULT_REPLY);
  });

  it('passes a field this client does not know through, as sent', async () => {
    const { server, client } = setup();
    // @ts-expect-error a field the types do not know: a compile error, still sent as written
    await client.responses.create({ ...ask, karta_trace: 'on' });
    expect(server.requests[0]?.body).toEqual({ ...ask, karta_trace: 'on' });
  });

  it('leaves out undocumented canonical fields set to null', async () => {
    const { server, client } = setup();
    await client.responses.create({ ...ask, instructions: null, temperature: null, tools: null });
    expect(server.requests[0]?.body).toEqual(ask);
  });

  it.each([
    ['instructions', 'Be brief.'],
    ['tools', [{ type: 'function', name: 'f', parameters: {}, strict: true }]],
    ['tool_choice', 'auto'],
    ['temperature', 0.2],
    ['top_p', 0.9],
    ['max_output_tokens', 256],
    ['reasoning', { effort: 'low' }],
    ['text', { format: { type: 'text' } }],
    ['conversation', 'conv_1'],
    ['background', true],
    ['metadata', { a: 'b' }],
    ['stream_options', { include_obfuscation: false }],
    ['include', ['message.output_text.logprobs']],
    ['truncation', 'auto'],
    ['service_tier', 'auto'],
  ])('refuses %s, which seed 000 does not document, before sending', async (field, value) => {
    const { server, client } = setup();
    const error = await refused(server, () => client.responses.create({ ...ask, [field]: value }), [
      field,
    ]);
    expect(error.message).toContain(
      'is not documented by Karta, which takes only input, stream, previous_response_id, store, model',
    );
  });

  it.each([
    ['a missing input', {}, ['input']],
    ['an input that is neither text nor items', { input: 42 }, ['input']],
    ['a stream that is not a boolean', { ...ask, stream: null }, ['stream']],
    ['a store that is not a boolean', { ...ask, store: null }, ['store']],
    ['a model that is not a string', { ...ask, model: 7 }, ['model']],
  ])('refuses %s before sending', async (_, body, path) => {
    const { server, client } = setup();
    await refused(server, () => client.responses.create(body as never), path);
  });

  // Called through a client typed with every endpoint, as JavaScript would: a Karta client's
  // type has none of these.
  it.each<[string, (client: ResponsesClient) => unknown]>([
    ['responses.retrieve', (c) => c.responses.retrieve('resp_1')],
    ['responses.delete', (c) => c.responses.delete('resp_1')],
    ['responses.cancel', (c) => c.responses.cancel('resp_1')],
    ['responses.inputItems.list', (c) => c.responses.inputItems.list('resp_1')],
    ['responses.compact', (c) => c.responses.compact({ model: 'm', input: 'x' })],
    ['responses.inputTokens.count', (c) => c.responses.inputTokens.count({ input: 'x' })],
    ['models.list', (c) => c.models.list()],
  ])('has no %s: refused before sending', async (method, call) => {
    const { server, client } = setup();
    const error = await refused(server, () => call(client as unknown as ResponsesClient), []);
    expect(error.message).toContain(`the karta dialect has no ${method}`);
  });

  it.each([
    [401, AuthenticationError],
    [402, PaymentRequiredError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
  ])('maps a %i to its error class, on both endpoints', async (status, type) => {
    const scripted: Turn = { type: 'error', status, code: 'scripted' };
    const { client } = setup([scripted, scripted, scripted]);
    for (const call of [
      client.responses.create(ask),
      client.responses.create({ ...ask, stream: true }),
      client.chat.completions.create({ messages }),
    ]) {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ status, code: 'scripted', message: expect.any(String) });
    }
  });

  it('is refused with AuthenticationError when no API key is sent', async () => {
    const { server } = setup();
    const client = new ResponsesClient({
      dialect: 'karta',
      project: 'my-app',
      baseURL: server.baseURL,
      fetch: server.fetch,
      maxRetries: 0,
    });
    await expect(client.responses.create(ask)).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests.map((request) => request.status)).toEqual([401]);
  });

  it('answers NotFoundError to a previous_response_id the project never issued', async () => {
    const { client } = setup();
    const call = client.responses.create({ ...ask, previous_response_id: 'resp_elsewhere' });
    await expect(call).rejects.toMatchObject({ status: 404, param: 'previous_response_id' });
  });

  it('returns a unary failure as the response with status failed and its error', async () => {
    // It fails after its first four deltas (and response.created).
    const { client } = setup([
      {
        type: 'stream_error',
        after: 5,
        message: 'Model crashed',
        code: 'model_error',
        reply: DEFAULT_REPLY,
      },
    ]);
    const response = await client.responses.create(ask);
    expect(response).toMatchObject({
      object: 'response',
      status: 'failed',
      error: { message: 'Model crashed', code: 'model_error' },
    });
    expect(response.output_text).toBe("We've got Sunrise, Midnight, ");
  });
});

describe('the karta dialect: response streams', () => {
  const opening = ['response.created', 'response.output_item.added', 'response.content_part.added'];
  const closing = [
    'response.output_text.done',
    'response.content_part.done',
    'response.output_item.done',
  ];

  it('turns the streaming curl example into the canonical event sequence', async () => {
    const { server, client } = setup([twoChunks]);
    const stream = await client.responses.create({ ...ask, stream: true });
    const events: Record<string, unknown>[] = [];
    let text = '';
    for await (const event of stream) {
      events.push(event as Record<string, unknown>);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(server.requests[0]?.body).toEqual({ ...ask, stream: true });
    expect(events.map((event) => event.type)).toEqual([
      ...opening,
      'response.output_text.delta',
      'response.output_text.delta',
      ...closing,
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const created = events[0]?.response as { id: string };
    const item = { item_id: `msg_${created.id.replace(/^resp_/, '')}_0`, output_index: 0 };
    expect(created).toEqual({
      id: created.id,
      object: 'response',
      status: 'in_progress',
      output: [],
    });
    for (const event of events.slice(2, 7))
      expect(event).toMatchObject({ ...item, content_index: 0 });
    expect(events.slice(3, 5).map((event) => event.delta)).toEqual(chunks);
    expect(events[5]).toMatchObject({ text: chunks.join('') });
    expect(events.at(-1)?.response).toMatchObject({
      id: created.id,
      object: 'response',
      status: 'completed',
      usage: { output_tokens: 2 },
      output: [{ type: 'message', id: item.item_id, content: [{ text: chunks.join('') }] }],
    });
    expect(text).toBe(chunks.join(''));
    expect((await stream.finalResponse()).output_text).toBe(chunks.join(''));
  });

  it('gives the text to finalResponse() and textDeltas() without iterating', async () => {
    const { client } = setup();
    const final = await (await client.responses.create({ ...ask, stream: true })).finalResponse();
    expect(final).toMatchObject({ object: 'response', status: 'completed' });
    expect(final.output_text).toBe(DEFAULT_REPLY);
    let text = '';
    for await (const delta of (
      await client.responses.create({ ...ask, stream: true })
    ).textDeltas())
      text += delta;
    expect(text).toBe(DEFAULT_REPLY);
  });

  it('yields response.failed mid-stream, then finalResponse() rejects with its message', async () => {
    const failure = { message: 'Model crashed', code: 'model_error' };
    const { client } = setup([{ type: 'stream_error', after: 2, ...failure, reply: twoChunks }]);
    const stream = await client.responses.create({ ...ask, stream: true });
    const types: unknown[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual([
      ...opening,
      'response.output_text.delta',
      ...closing,
      'response.failed',
    ]);
    const error = await stream.finalResponse().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ message: 'Model crashed', code: 'model_error' });
    expect((error as StreamError).event).toMatchObject({
      type: 'response.failed',
      response: { object: 'response', status: 'failed', output: [{ type: 'message' }] },
    });
  });
});

describe('the karta dialect: chat completions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the unary curl example and returns the canonical completion', async () => {
    // The time of its documentation's example.
    vi.useFakeTimers({ toFake: ['Date'], now: 1_717_250_400_000 });
    const { server, client } = setup();
    const completion = await client.chat.completions.create({ model: 'default', messages });
    expect(server.requests).toMatchObject([
      {
        path: ['projects', 'my-app', 'chat', 'completions'],
        body: { model: 'default', messages },
      },
    ]);
    expect(completion).toMatchObject({
      id: expect.stringMatching(/^chatcmpl_/),
      object: 'chat.completion',
      created: 1_717_250_400,
      model: 'default',
      choices: [
        { index: 0, message: { role: 'assistant', content: DEFAULT_REPLY }, finish_reason: 'stop' },
      ],
    });
    const { input_tokens, output_tokens } = completion.usage as Record<string, number>;
    expect(completion.usage).toEqual({
      prompt_tokens: input_tokens,
      completion_tokens: output_tokens,
      total_tokens: (input_tokens ?? 0) + (output_tokens ?? 0),
      input_tokens,
      output_tokens,
    });
    // Its chat documentation's OpenAI SDK example reads the reply the same way.
    expect(completion.choices[0]?.message.content).toBe(DEFAULT_REPLY);
  });

  it('turns event: chunk frames ending in event: [DONE] into canonical chunks', async () => {
    const { server, client } = setup([twoChunks]);
    const stream = await client.chat.completions.create({ messages, stream: true });
    const received = [];
    for await (const chunk of stream) received.push(chunk);
    expect(server.requests[0]?.body).toEqual({ messages, stream: true });
    expect(received).toEqual(
      chunks.map((content) => ({
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { content }, finish_reason: null }],
      })),
    );
    const final = await stream.finalChatCompletion();
    expect(final).toMatchObject({ object: 'chat.completion' });
    expect(final.choices[0]?.message.content).toBe(chunks.join(''));
  });

  it('throws StreamError when a chat stream ends before [DONE]', async () => {
    const { client } = setup([
      { type: 'stream_error', after: 1, message: 'dropped', reply: twoChunks },
    ]);
    const stream = await client.chat.completions.create({ messages, stream: true });
    await expect(stream.finalChatCompletion()).rejects.toBeInstanceOf(StreamError);
  });

  it.each([
    [
      'content parts',
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] },
      ['messages', 0, 'content'],
    ],
    ['no messages', { messages: [] }, ['messages']],
    ['a stream that is not a boolean', { messages, stream: null }, ['stream']],
    [
      'temperature, which seed 001 does not document',
      { messages, temperature: 0.2 },
      ['temperature'],
    ],
    [
      'tools, which seed 001 does not document',
      { messages, tools: [{ type: 'function' }] },
      ['tools'],
    ],
  ])('refuses %s before sending', async (_, body, path) => {
    const { server, client } = setup();
    await refused(server, () => client.chat.completions.create(body as never), path);
  });
});
