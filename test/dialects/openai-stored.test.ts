import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  type ResponseItem,
  ResponsesClient,
} from '../../src/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { failureOf } from '../helpers/msw.js';
import { collect } from '../helpers/streams.js';

const ask = { model: 'gpt-4.1', input: 'What roasts do you have?' };
/** A fake OpenAI answering every turn with the reply, and a client of it. */
const start = () => {
  const server = createFakeServer({ turns: () => DEFAULT_REPLY });
  const openai = new ResponsesClient({
    apiKey: 'sk-test',
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
  });
  return { server, openai };
};
/** Seven user messages: three pages of input items at `limit: 3`. */
const seven = Array.from({ length: 7 }, (_, index) => ({
  role: 'user' as const,
  content: `Message ${index + 1}`,
}));
const textOf = (item: ResponseItem) => (item as { content: { text: string }[] }).content[0]?.text;
const idOf = (item: ResponseItem | undefined) => (item as { id?: string } | undefined)?.id;
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('the openai dialect: stored responses', () => {
  it('retrieves a stored response as it was created', async () => {
    const { server, openai } = start();
    const created = await openai.responses.create(ask);
    const retrieved = await openai.responses.retrieve(created.id);
    expect(server.requests[1]).toMatchObject({ method: 'GET', path: ['responses', created.id] });
    expect(retrieved).toEqual(created);
    expect(retrieved.output_text).toBe(DEFAULT_REPLY);
  });

  it('resumes a stream after starting_after, without response.created, to the same response', async () => {
    const { server, openai } = start();
    const stream = await openai.responses.create({ ...ask, stream: true });
    const full = await collect(stream);
    const id = (await stream.finalResponse()).id;
    const resumed = await openai.responses.retrieve(id, { stream: true, starting_after: 4 });
    const { events, text } = await collect(resumed);
    expect(queryOf(server.requests[1]?.url ?? '')).toEqual({ stream: 'true', starting_after: '4' });
    expect(events.map((e) => e.type)).not.toContain('response.created');
    expect(events[0]?.sequence_number).toBe(5);
    expect(events).toEqual(full.events.slice(5));
    expect(full.text.endsWith(text)).toBe(true);
    expect(resumed.lastSequenceNumber).toBe(full.events.length - 1);
    await expect(resumed.finalResponse()).resolves.toMatchObject({
      id,
      status: 'completed',
      output_text: DEFAULT_REPLY,
    });
  });

  it('deletes a response, which is then not found', async () => {
    const { openai } = start();
    const { id } = await openai.responses.create(ask);
    await expect(openai.responses.delete(id)).resolves.toEqual({
      id,
      object: 'response',
      deleted: true,
    });
    const failure = await failureOf(openai.responses.retrieve(id));
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toBe(`404 Response with id '${id}' not found.`);
  });

  it('cancels a queued background response', async () => {
    const { server, openai } = start();
    const queued = await openai.responses.create({ ...ask, background: true });
    expect(queued).toMatchObject({ status: 'queued', background: true, output: [] });
    const cancelled = await openai.responses.cancel(queued.id);
    expect(server.requests[1]).toMatchObject({
      method: 'POST',
      path: ['responses', queued.id, 'cancel'],
    });
    expect(cancelled).toMatchObject({ id: queued.id, status: 'cancelled' });
    expect((await openai.responses.retrieve(queued.id)).status).toBe('cancelled');
  });

  it('maps the 400 for cancelling a foreground response to BadRequestError', async () => {
    const { openai } = start();
    const { id } = await openai.responses.create(ask);
    const failure = await failureOf(openai.responses.cancel(id));
    expect(failure).toBeInstanceOf(BadRequestError);
    expect((failure as Error).message).toMatch(/background=true/);
  });
});

describe('the openai dialect: input items, compact and input tokens', () => {
  it('walks every page of input items with for await, after each page’s last id', async () => {
    const { server, openai } = start();
    const { id } = await openai.responses.create({ model: 'gpt-4.1', input: seven });
    const items: ResponseItem[] = [];
    for await (const item of openai.responses.inputItems.list(id, { limit: 3 })) items.push(item);
    expect(items.map(textOf)).toEqual(seven.map((message) => message.content).reverse());
    const pages = server.requests.slice(1);
    expect(pages.map((request) => request.path)).toEqual(
      Array(3).fill(['responses', id, 'input_items']),
    );
    const cursors = pages.map((request) => queryOf(request.url).after);
    expect(cursors).toEqual([undefined, idOf(items[2]), idOf(items[5])]);
    expect(cursors[1]).toMatch(/^msg_/);
    expect(pages.every((request) => queryOf(request.url).limit === '3')).toBe(true);
  });

  it('gives the first page when awaited', async () => {
    const { server, openai } = start();
    const { id } = await openai.responses.create({ model: 'gpt-4.1', input: seven });
    const page = await openai.responses.inputItems.list(id, { limit: 2, order: 'asc' });
    expect(page.data.map(textOf)).toEqual(['Message 1', 'Message 2']);
    expect(page).toMatchObject({ has_more: true, first_id: idOf(page.data[0]) });
    expect(page.last_id).toBe(idOf(page.data[1]));
    expect(server.requests).toHaveLength(2);
  });

  it('compacts a conversation into items the next request can start from', async () => {
    const { server, openai } = start();
    const first = await openai.responses.create(ask);
    const compacted = await openai.responses.compact({
      model: 'gpt-4.1',
      previous_response_id: first.id,
    });
    expect(server.requests[1]).toMatchObject({ method: 'POST', path: ['responses', 'compact'] });
    expect(compacted).toMatchObject({
      object: 'response.compaction',
      output: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: ask.input }] },
        { type: 'compaction', encrypted_content: expect.any(String) },
      ],
    });
    const next = await openai.responses.create({
      model: 'gpt-4.1',
      input: [...compacted.output, { role: 'user', content: 'Tell me more' }] as never,
    });
    expect(next.output_text).toBe(DEFAULT_REPLY);
  });

  it('maps a compact of an unknown response to BadRequestError with its code and param', async () => {
    const { openai } = start();
    const failure = await failureOf(
      openai.responses.compact({ model: 'gpt-4.1', previous_response_id: 'resp_nowhere' }),
    );
    expect(failure).toBeInstanceOf(BadRequestError);
    expect(failure).toMatchObject({
      code: 'previous_response_not_found',
      param: 'previous_response_id',
    });
  });

  it('counts input tokens', async () => {
    const { server, openai } = start();
    const count = await openai.responses.inputTokens.count(ask);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: ['responses', 'input_tokens'],
      body: ask,
    });
    expect(count).toEqual({ object: 'response.input_tokens', input_tokens: expect.any(Number) });
    expect(count.input_tokens).toBeGreaterThan(0);
  });
});
