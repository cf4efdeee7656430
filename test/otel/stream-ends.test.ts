import { describe, expect, it } from 'vitest';
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../../src/errors.js';
import { frame, textStreamFrames } from '../helpers/streams.js';
import { brokenAnswer, sseAnswer } from '../observe/setup.js';
import { SpanStatusCode, theSpan, traced } from './setup.js';

const created = frame(
  {
    type: 'response.created',
    sequence_number: 0,
    response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
  },
  'response.created',
);

describe('a chat span ends however its stream ends', () => {
  it('completed', async () => {
    const { memory, client } = traced(() => sseAnswer());
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream);
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
  });

  it('completed, read by finalResponse() alone', async () => {
    const { memory, client } = traced(() => sseAnswer());
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    await stream.finalResponse();
    expect((await theSpan(memory))?.attributes['gen_ai.response.id']).toBe('resp_1');
  });

  it('a response.failed event', async () => {
    const failed = frame(
      {
        type: 'response.failed',
        sequence_number: 1,
        response: {
          id: 'resp_1',
          object: 'response',
          status: 'failed',
          output: [],
          error: { code: 'server_error', message: 'The model broke.' },
        },
      },
      'response.failed',
    );
    const { memory, client } = traced(() => sseAnswer([created, failed]));
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream);
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('server_error');
    expect(span?.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'The model broke.' });
  });

  it('an error midway (the body breaks)', async () => {
    const { memory, client } = traced(() => brokenAnswer(created));
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toBeInstanceOf(APIConnectionError);
    const span = await theSpan(memory);
    expect(span?.attributes['error.type']).toBe('APIConnectionError');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("aborted by the caller's signal", async () => {
    const { memory, client } = traced(() => sseAnswer([created], { open: true }));
    const controller = new AbortController();
    const stream = await client.responses.create(
      { model: 'm', input: 'Hi', stream: true },
      { signal: controller.signal },
    );
    await expect(async () => {
      for await (const _ of stream) controller.abort();
    }).rejects.toBeInstanceOf(APIUserAbortError);
    expect((await theSpan(memory))?.attributes['error.type']).toBe('APIUserAbortError');
  });

  it('aborted by stream.abort()', async () => {
    const { memory, client } = traced(() => sseAnswer([created], { open: true }));
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream) stream.abort();
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['error.type']).toBeUndefined();
  });

  it('left by break', async () => {
    const { memory, client } = traced(() => sseAnswer(textStreamFrames(['a', 'b', 'c'])));
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream) break;
    const span = await theSpan(memory);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toBeUndefined();
  });

  it('the idle timeout', async () => {
    const { memory, client } = traced(() => sseAnswer([created], { open: true }), { timeout: 50 });
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    await expect(async () => {
      for await (const _ of stream);
    }).rejects.toBeInstanceOf(APITimeoutError);
    expect((await theSpan(memory))?.attributes['error.type']).toBe('APITimeoutError');
  });

  it('a request that fails before its stream opens (not an event stream)', async () => {
    const { memory, client } = traced(() => Response.json({ error: 'nope' }));
    await expect(
      client.responses.create({ model: 'm', input: 'Hi', stream: true }),
    ).rejects.toThrow();
    expect((await theSpan(memory))?.status.code).toBe(SpanStatusCode.ERROR);
  });
});
