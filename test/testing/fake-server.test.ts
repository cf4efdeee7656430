import { describe, expect, it } from 'vitest';
import {
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponsesClient,
} from '../../src/index.js';
import { createFakeServer, splitWords } from '../../src/testing/index.js';

function setUp(turns: Parameters<typeof createFakeServer>[0] = {}) {
  const server = createFakeServer(turns);
  const client = new ResponsesClient({
    fetch: server.fetch,
    baseURL: server.baseURL,
    maxRetries: 0,
  });
  return { server, client };
}

describe('createFakeServer', () => {
  it('answers a unary create with the next scripted turn', async () => {
    const { client } = setUp({ turns: ['Hello there!', 'Second.'] });
    expect((await client.responses.create({ model: 'm', input: 'hi' })).output_text).toBe(
      'Hello there!',
    );
    expect((await client.responses.create({ model: 'm', input: 'again' })).output_text).toBe(
      'Second.',
    );
  });

  it('streams a text turn word by word as canonical events', async () => {
    const { client } = setUp({ turns: ['One two three'] });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const types: string[] = [];
    const deltas: string[] = [];
    for await (const event of stream) {
      types.push(String(event.type));
      if (event.type === 'response.output_text.delta')
        deltas.push(String((event as { delta?: unknown }).delta));
    }
    expect(deltas).toEqual(['One ', 'two ', 'three']);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(stream.lastSequenceNumber).toBe(types.length - 1);
    expect((await stream.finalResponse()).output_text).toBe('One two three');
  });

  it('uses the chunks a turn gives instead of words', async () => {
    const { client } = setUp({ turns: [{ text: 'abc', chunks: ['a', 'bc'] }] });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const deltas: string[] = [];
    for await (const delta of stream.textDeltas()) deltas.push(delta);
    expect(deltas).toEqual(['a', 'bc']);
  });

  it('records every request it received, with path, headers and body', async () => {
    const { server, client } = setUp({ turns: ['ok'] });
    await client.responses.create(
      { model: 'm', input: 'hi', previous_response_id: 'resp_0' },
      { headers: { 'x-trace': '1' } },
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: ['responses'],
      body: { model: 'm', input: 'hi', previous_response_id: 'resp_0' },
      headers: { 'x-trace': '1' },
    });
  });

  it('retrieves, cancels and deletes the responses it created', async () => {
    const { client } = setUp({ turns: ['stored'] });
    const { id } = await client.responses.create({ model: 'm', input: 'hi' });
    expect((await client.responses.retrieve(id)).output_text).toBe('stored');
    expect((await client.responses.cancel(id)).status).toBe('cancelled');
    expect(await client.responses.delete(id)).toMatchObject({ id, deleted: true });
    await expect(client.responses.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('plays an error turn as an HTTP error', async () => {
    const { client } = setUp({
      turns: [{ type: 'error', status: 429, message: 'Slow down', code: 'rate_limit_exceeded' }],
    });
    await expect(client.responses.create({ model: 'm', input: 'hi' })).rejects.toMatchObject({
      constructor: RateLimitError,
      code: 'rate_limit_exceeded',
      message: '429 Slow down',
    });
  });

  it('says plainly when the script has run out, and the client does not retry it', async () => {
    const server = createFakeServer({ turns: [] });
    const client = new ResponsesClient({
      fetch: server.fetch,
      baseURL: server.baseURL,
      maxRetries: 2,
    });
    const failure = await client.responses
      .create({ model: 'm', input: 'hi' })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(InternalServerError);
    expect((failure as Error).message).toContain('no scripted turn left');
    expect(server.requests).toHaveLength(1);
  });

  it('accepts more turns later through enqueue()', async () => {
    const { server, client } = setUp();
    server.enqueue('late');
    expect(server.remainingTurns).toBe(1);
    expect((await client.responses.create({ model: 'm', input: 'hi' })).output_text).toBe('late');
    expect(server.remainingTurns).toBe(0);
  });

  it('stops a slow drip when the stream is aborted', async () => {
    const { client } = setUp({ turns: [{ text: 'a b c d e f', delayMs: 20 }] });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(String(event.type));
      if (event.type === 'response.output_text.delta') stream.abort();
    }
    expect(seen.filter((type) => type === 'response.output_text.delta')).toHaveLength(1);
  });
});

describe('splitWords', () => {
  it('keeps every character, each word with its trailing space', () => {
    expect(splitWords(' Hello,  world ☕ ')).toEqual([' Hello,  ', 'world ', '☕ ']);
    expect(splitWords('')).toEqual([]);
  });
});
