/**
 * A terminal event finishes a stream: after `response.completed`, `response.incomplete` or
 * `response.failed` the loop ends, `finalResponse()` settles at once and the connection is
 * closed, whatever the server does next (nothing, keep-alive comments forever, more events).
 * A chat completion stream ends at `[DONE]` (not at a finish reason: usage comes after it).
 */
import { describe, expect, it } from 'vitest';
import { ResponsesClient, StreamError } from '../../src/index.js';
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

/** A client whose `timeout` (here: the longest gap between chunks) is short. */
const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0, timeout: 300 });
const streamed = { model: 'm', input: 'hi', stream: true } as const;
const events = textEvents('resp_done', ['all ', 'there']);
const failed = {
  type: 'response.failed',
  sequence_number: 9,
  response: {
    ...completedResponse('resp_done', ''),
    status: 'failed',
    output: [],
    error: { code: 'server_error', message: 'The model broke' },
  },
};
const incomplete = {
  type: 'response.incomplete',
  sequence_number: 9,
  response: {
    ...completedResponse('resp_done', 'all '),
    status: 'incomplete',
    incomplete_details: { reason: 'max_output_tokens' },
  },
};

/** What a promise came to within `ms`, or `'unsettled'`: every wait here is bounded. */
function within<T>(ms: number, promise: Promise<T>): Promise<T | 'unsettled'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'unsettled'>((resolve) => {
    timer = setTimeout(() => resolve('unsettled'), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The stream's events up to `terminal`, then what the server does after it; the connection stays open. */
function serveThen(
  terminal: Record<string, unknown>,
  after: (write: (text: string) => void) => void,
) {
  server.handle((_request, res) => {
    openEventStream(res);
    res.write([...events.slice(0, -1), terminal].map(frame).join(''));
    after((text) => res.write(text));
  });
}

describe('after response.completed', () => {
  it('ends the loop and closes the connection when the server then stays open and silent', async () => {
    serveThen(events.at(-1) ?? {}, () => {});
    const stream = await client().responses.create(streamed);
    const { events: seen, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(seen.at(-1)?.type).toBe('response.completed');
    expect((await stream.finalResponse()).output_text).toBe('all there');
    await server.closed(0);
  });

  it('settles finalResponse() at once when the server then sends keep-alive comments forever', async () => {
    serveThen(events.at(-1) ?? {}, (write) => server.every(20, () => write(': keep-alive\n\n')));
    const stream = await client().responses.create(streamed);
    const final = await within(2_000, stream.finalResponse());
    expect(final).not.toBe('unsettled');
    expect(final === 'unsettled' ? undefined : final.output_text).toBe('all there');
    await server.closed(0);
  });

  it('yields nothing the server sends after it: more events, an error event, [DONE]', async () => {
    serveThen(events.at(-1) ?? {}, (write) =>
      write(
        [
          frame({ type: 'response.output_text.delta', delta: 'late', sequence_number: 99 }),
          frame({ type: 'error', message: 'too late to matter' }),
          'data: [DONE]\n\n',
        ].join(''),
      ),
    );
    const stream = await client().responses.create(streamed);
    const { events: seen, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(seen.map((event) => event.type)).toEqual(events.map((event) => event.type));
    await server.closed(0);
  });
});

describe('after response.incomplete and response.failed', () => {
  it('ends the loop at response.incomplete, and finalResponse() resolves with status incomplete', async () => {
    serveThen(incomplete, () => {});
    const stream = await client().responses.create(streamed);
    const { error } = await drain(stream);
    expect(error).toBeUndefined();
    expect((await stream.finalResponse()).status).toBe('incomplete');
    await server.closed(0);
  });

  it('ends the loop at response.failed, and finalResponse() rejects with StreamError', async () => {
    serveThen(failed, (write) => server.every(20, () => write(': keep-alive\n\n')));
    const stream = await client().responses.create(streamed);
    const settled = await within(
      2_000,
      caught(() => stream.finalResponse()),
    );
    expect(settled).toBeInstanceOf(StreamError);
    expect((settled as StreamError).code).toBe('server_error');
    await server.closed(0);
  });
});

describe('a chat completion stream', () => {
  const chunk = (delta: object, finish: string | null = null, more: object = {}) =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], ...more })}\n\n`;
  const create = () =>
    client().chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });

  it('reads on past the finish reason (usage follows it), and ends at [DONE] with the connection closed', async () => {
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(
        [
          chunk({ role: 'assistant', content: 'Hi' }),
          chunk({}, 'stop'),
          `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })}\n\n`,
          'data: [DONE]\n\n',
        ].join(''),
      );
      server.every(20, () => res.write(': keep-alive\n\n'));
    });
    const stream = await create();
    const { events: chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(3);
    const completion = await stream.finalChatCompletion();
    expect(completion.usage).toMatchObject({ total_tokens: 2 });
    expect(completion.choices[0]?.message.content).toBe('Hi');
    await server.closed(0);
  });
});
