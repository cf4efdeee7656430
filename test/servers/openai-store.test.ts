import { describe, expect, it } from 'vitest';
import { type Answer, events, joined, send, useSimulations } from './harness.js';
import { OPENAI_BASE_URL, openAIServer } from './openai.js';
import { DEFAULT_REPLY } from './shared.js';

const serve = useSimulations();
const url = `${OPENAI_BASE_URL}/responses`;
const ask = { model: 'gpt-4.1', input: 'What roasts do you have?' };
const seven = Array.from({ length: 7 }, (_, index) => ({
  role: 'user',
  content: `Message ${index + 1}`,
}));
const chatURL = `${OPENAI_BASE_URL}/chat/completions`;
const messages = [{ role: 'user', content: 'What roasts do you have?' }];

const textsOf = (answer: Answer) =>
  (answer.json.data as { content: { text: string }[] }[]).map((item) => item.content[0]?.text);

describe('openai stored responses', () => {
  it('retrieves a stored response as it was answered', async () => {
    serve(openAIServer());
    const created = await send(url, ask);
    const retrieved = await send(`${url}/${created.json.id}`);
    expect(retrieved.json).toEqual(created.json);
  });

  it('resumes a stream after starting_after, without response.created', async () => {
    serve(openAIServer());
    const full = events(await send(url, { ...ask, stream: true }));
    const id = (full[0]?.data.response as { id?: string } | undefined)?.id;
    const resumed = events(await send(`${url}/${id}?stream=true&starting_after=4`));
    expect(resumed[0]?.data.sequence_number).toBe(5);
    expect(resumed.map(({ event }) => event)).not.toContain('response.created');
    expect(resumed.map(({ data }) => data)).toEqual(full.slice(5).map(({ data }) => data));
  });

  it('keeps nothing when store is false', async () => {
    const sim = serve(openAIServer());
    const created = await send(url, { ...ask, store: false });
    expect((await send(`${url}/${created.json.id}`)).status).toBe(404);
    const next = await send(url, { ...ask, previous_response_id: created.json.id });
    expect(next.json.error).toMatchObject({
      code: 'previous_response_not_found',
      param: 'previous_response_id',
    });
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'response.not_found',
      'previous_response_id.not_found',
    ]);
  });

  it('deletes a response, which then is not found', async () => {
    serve(openAIServer());
    const { json } = await send(url, ask);
    const deleted = await send(`${url}/${json.id}`, undefined, { method: 'DELETE' });
    expect(deleted.json).toEqual({ id: json.id, object: 'response', deleted: true });
    expect((await send(`${url}/${json.id}`)).status).toBe(404);
    expect((await send(`${url}/${json.id}`, undefined, { method: 'DELETE' })).status).toBe(404);
  });

  it('queues a background response, which a retrieve finds completed', async () => {
    serve(openAIServer());
    const queued = await send(url, { ...ask, background: true });
    expect(queued.json).toMatchObject({ status: 'queued', background: true, output: [] });
    const done = await send(`${url}/${queued.json.id}`);
    expect(done.json).toMatchObject({ status: 'completed', output: [{ type: 'message' }] });
  });

  it('streams a background response with response.queued, like the recording', async () => {
    serve(openAIServer());
    const list = events(await send(url, { ...ask, background: true, stream: true }));
    expect(list.slice(0, 3).map(({ event }) => event)).toEqual([
      'response.created',
      'response.queued',
      'response.in_progress',
    ]);
  });

  it('cancels a queued background response, and refuses to cancel a foreground one', async () => {
    const sim = serve(openAIServer());
    const queued = await send(url, { ...ask, background: true });
    const cancelled = await send(`${url}/${queued.json.id}/cancel`, {});
    expect(cancelled.json).toMatchObject({ id: queued.json.id, status: 'cancelled' });
    expect((await send(`${url}/${queued.json.id}`)).json.status).toBe('cancelled');
    const foreground = await send(url, ask);
    expect((await send(`${url}/${foreground.json.id}/cancel`, {})).status).toBe(400);
    expect(sim.violations.map((violation) => violation.rule)).toEqual(['cancel.not_background']);
  });

  it('walks input items in three pages of limit 3, newest first by default', async () => {
    serve(openAIServer());
    const { json } = await send(url, { model: 'gpt-4.1', input: seven });
    const pages: Answer[] = [];
    let after: unknown;
    do {
      const query = after === undefined ? 'limit=3' : `limit=3&after=${after}`;
      const page = await send(`${url}/${json.id}/input_items?${query}`);
      pages.push(page);
      after = page.json.last_id;
    } while (pages.at(-1)?.json.has_more);
    expect(pages.map((page) => page.json.has_more)).toEqual([true, true, false]);
    expect(pages.map(textsOf)).toEqual([
      ['Message 7', 'Message 6', 'Message 5'],
      ['Message 4', 'Message 3', 'Message 2'],
      ['Message 1'],
    ]);
    const first = pages[0]?.json as { object: string; data: { id: string }[]; first_id: string };
    expect(first).toMatchObject({ object: 'list', first_id: first.data[0]?.id });
    expect(first.data[0]).toMatchObject({ type: 'message', role: 'user', status: 'completed' });
  });

  it('lists input items oldest first with order=asc, and refuses a bad limit or order', async () => {
    const sim = serve(openAIServer());
    const { json } = await send(url, { model: 'gpt-4.1', input: seven });
    const page = await send(`${url}/${json.id}/input_items?order=asc&limit=2`);
    expect(textsOf(page)).toEqual(['Message 1', 'Message 2']);
    expect((await send(`${url}/${json.id}/input_items?limit=0`)).status).toBe(400);
    expect((await send(`${url}/${json.id}/input_items?limit=101`)).status).toBe(400);
    expect((await send(`${url}/${json.id}/input_items?order=sideways`)).status).toBe(400);
    expect((await send(`${url}/${json.id}/input_items?after=msg_nowhere`)).status).toBe(400);
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'limit.range',
      'limit.range',
      'order.enum',
      'after.not_found',
    ]);
  });

  it('compacts a conversation into its user messages and a compaction item', async () => {
    serve(openAIServer());
    const first = await send(url, ask);
    const { json } = await send(`${url}/compact`, {
      model: 'gpt-4.1',
      previous_response_id: first.json.id,
    });
    expect(json).toMatchObject({
      object: 'response.compaction',
      output: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: ask.input }] },
        {
          type: 'compaction',
          id: expect.stringMatching(/^cmp_/),
          encrypted_content: expect.any(String),
        },
      ],
      usage: { input_tokens: expect.any(Number) },
    });
    expect((await send(`${url}/compact`, { input: 'Hi' })).status).toBe(400);
  });

  it('counts input tokens', async () => {
    serve(openAIServer());
    const { json } = await send(`${url}/input_tokens`, ask);
    expect(json).toEqual({ object: 'response.input_tokens', input_tokens: expect.any(Number) });
  });

  it('answers an unknown path with 404 and records it', async () => {
    const sim = serve(openAIServer());
    expect((await send(`${OPENAI_BASE_URL}/assistants`)).status).toBe(404);
    expect(sim.received.map((request) => request.path)).toEqual(['/v1/assistants']);
  });
});

describe('openai chat completions', () => {
  it('answers a unary completion in the chat.completion shape', async () => {
    serve(openAIServer());
    const { json } = await send(chatURL, { model: 'gpt-4.1', messages });
    expect(json).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: DEFAULT_REPLY }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: 8,
        total_tokens: expect.any(Number),
      },
    });
  });

  it('streams data-only chunks ending in [DONE], with usage when asked', async () => {
    serve(openAIServer());
    const body = {
      model: 'gpt-4.1',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    const answer = await send(chatURL, body);
    expect(answer.frames.every((value) => value.event === undefined)).toBe(true);
    expect(answer.frames.at(-1)?.data).toBe('[DONE]');
    const list = events(answer).map(({ data }) => data);
    const deltas = list.flatMap((chunk) =>
      (chunk.choices as { delta: { content?: string } }[]).map((choice) => ({
        data: choice.delta,
      })),
    );
    expect(joined(deltas, 'content')).toBe(DEFAULT_REPLY);
    expect(list.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 8 } });
  });

  it('answers with tool_calls when a nested function tool is offered', async () => {
    serve(
      openAIServer({
        toolCall: { name: 'weather', arguments: '{"location":"Paris"}', callId: 'call_9' },
      }),
    );
    const tools = [
      { type: 'function', function: { name: 'weather', parameters: { type: 'object' } } },
    ];
    const { json } = await send(chatURL, { model: 'gpt-4.1', messages, tools });
    expect(json.choices).toMatchObject([
      {
        finish_reason: 'tool_calls',
        message: {
          content: null,
          tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'weather' } }],
        },
      },
    ]);
  });

  it('ends a failing stream with an error chunk and no [DONE]', async () => {
    serve(openAIServer({ failMidStream: { message: 'The server had an error.' } }));
    const answer = await send(chatURL, { model: 'gpt-4.1', messages, stream: true });
    expect(answer.text).not.toContain('[DONE]');
    expect(events(answer).at(-1)?.data).toEqual({
      error: { message: 'The server had an error.', type: 'server_error', param: null, code: null },
    });
  });

  it.each([
    ['model.required', { messages }],
    ['messages.required', { model: 'gpt-4.1' }],
    ['messages.empty', { model: 'gpt-4.1', messages: [] }],
    ['messages.role', { model: 'gpt-4.1', messages: [{ role: 'robot', content: 'beep' }] }],
    ['messages.tool_call_id', { model: 'gpt-4.1', messages: [{ role: 'tool', content: '12C' }] }],
    ['temperature.range', { model: 'gpt-4.1', messages, temperature: 3 }],
    [
      'tools.function',
      { model: 'gpt-4.1', messages, tools: [{ type: 'function', name: 'weather' }] },
    ],
  ])('answers 400 to a chat request breaking %s', async (rule, body) => {
    const sim = serve(openAIServer());
    expect((await send(chatURL, body)).status).toBe(400);
    expect(sim.violations[0]?.rule).toBe(rule);
  });
});
