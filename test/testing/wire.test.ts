import { describe, expect, it } from 'vitest';
import { catalog, type DialectName, resolveDialect } from '../../src/dialects/index.js';
import { createFakeServer } from '../../src/testing/index.js';
import { wires } from '../../src/testing/wire/index.js';

/** The raw SSE text a fake server of `dialect` streams for a text reply. */
async function rawStream(dialect: DialectName, path: string, body: object = {}): Promise<string> {
  const server = createFakeServer({ dialect, turns: ['a b'] });
  const answer = await server.fetch(`${server.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'm',
      input: [{ role: 'user', content: 'hi' }],
      stream: true,
      ...body,
    }),
  });
  expect(answer.headers.get('content-type')).toBe('text/event-stream');
  return answer.text();
}

describe('the wire formats of the fake server', () => {
  it('streams OpenAI events with event lines, type and sequence numbers', async () => {
    const text = await rawStream('openai', '/responses');
    expect(text).toMatch(/^event: response\.created\ndata: \{"type":"response\.created"/);
    expect(text).toContain(
      '"type":"response.output_text.delta","item_id":"msg_fake_1_0","output_index":0,"content_index":0,"delta":"a "',
    );
    expect(text).toMatch(/event: response\.completed\ndata: .*"sequence_number":9\}\n\n$/);
  });

  it("streams Karta's events (seed 000): event lines, data without type, ids or indexes", async () => {
    const text = await rawStream('karta', '/projects/my-app/responses');
    expect(text.split('\n\n').filter(Boolean)).toEqual([
      'event: response.created\ndata: {"id":"resp_fake_1","status":"in_progress"}',
      'event: response.output_text.delta\ndata: {"delta":"a "}',
      'event: response.output_text.delta\ndata: {"delta":"b"}',
      expect.stringMatching(
        /^event: response\.completed\ndata: \{"id":"resp_fake_1","status":"completed","usage":\{/,
      ),
    ]);
  });

  it("answers Karta's unary shape (seed 000): type response, output { type: text, text }", async () => {
    const server = createFakeServer({ dialect: 'karta', turns: ['Sunrise.'] });
    const answer = await server.fetch(`${server.baseURL}/projects/p/responses`, {
      method: 'POST',
      body: JSON.stringify({ input: 'hi' }),
    });
    expect(await answer.json()).toMatchObject({
      id: 'resp_fake_1',
      type: 'response',
      status: 'completed',
      output: { type: 'text', text: 'Sunrise.' },
      previous_response_id: null,
    });
  });

  it("streams Kawai's sparse events (seed 002): type in the data, no item ids or indexes", async () => {
    const text = await rawStream('kawai', '/responses');
    expect(text).toContain(
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"a "}',
    );
    expect(text).toContain('data: {"type":"response.output_text.done","text":"a b"}');
    expect(text).not.toContain('sequence_number');
    expect(text).not.toContain('content_part');
  });

  it("streams the gateway's text as sparse events: type and delta alone, no ids or numbers", async () => {
    const text = await rawStream('gateway', '/responses');
    expect(text).toContain(
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"a "}',
    );
    expect(text).not.toContain('sequence_number');
    expect(text).not.toContain('item_id');
  });

  it("streams the gateway's function call as response.function_call.delta fragments (seed 003)", async () => {
    const server = createFakeServer({
      dialect: 'gateway',
      turns: [
        {
          type: 'function_call',
          name: 'get_time',
          arguments: { timezone: 'Asia/Tokyo' },
          callId: 'c1',
        },
      ],
    });
    const answer = await server.fetch(`${server.baseURL}/responses`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4.1', input: 'Time in Tokyo?', stream: true }),
    });
    const fragments = (await answer.text())
      .split('\n\n')
      .filter((frame) => frame.startsWith('event: response.function_call.delta'))
      .map((frame) => JSON.parse(frame.split('data: ')[1] ?? '{}'));
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments[0]).toEqual({
      type: 'response.function_call.delta',
      call_id: 'c1',
      name: 'get_time',
      arguments: '{"timezo',
    });
    expect(fragments.map((fragment) => fragment.arguments).join('')).toBe(
      '{"timezone":"Asia/Tokyo"}',
    );
  });

  it("streams OpenRouter's data-only events after its comment, ending with [DONE]", async () => {
    const text = await rawStream('openrouter', '/responses');
    expect(text.startsWith(': OPENROUTER PROCESSING\n\ndata: {"type":"response.created"')).toBe(
      true,
    );
    expect(text).not.toContain('event:');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('streams a background response as OpenAI does: created, then queued, then in progress', async () => {
    const text = await rawStream('openai', '/responses', { background: true });
    const types = [...text.matchAll(/^event: (.*)$/gm)].map(([, type]) => type);
    expect(types.slice(0, 3)).toEqual([
      'response.created',
      'response.queued',
      'response.in_progress',
    ]);
  });

  it('writes output_text parts with their logprobs on OpenAI, and not elsewhere', async () => {
    expect(await rawStream('openai', '/responses')).toContain('"annotations":[],"logprobs":[]');
    expect(await rawStream('kawai', '/responses')).not.toContain('"logprobs"');
  });

  it("writes OpenRouter's responses its way: gen- ids, never stored, usage with its cost", async () => {
    const text = await rawStream('openrouter', '/responses');
    const completed = JSON.parse(
      text
        .split('\n\n')
        .at(-3)
        ?.replace(/^data: /, '') ?? '{}',
    );
    expect(completed.response).toMatchObject({
      id: 'gen-fake_1',
      store: false,
      usage: { cost: expect.any(Number), is_byok: false, cost_details: expect.any(Object) },
    });
  });

  it('answers a body that is not JSON with the status each server uses for it', async () => {
    for (const [dialect, path, status] of [
      ['openai', '/responses', 400],
      ['karta', '/projects/p/responses', 422],
    ] as const) {
      const server = createFakeServer({ dialect });
      const answer = await server.fetch(`${server.baseURL}${path}`, {
        method: 'POST',
        body: '{oops',
      });
      expect(answer.status).toBe(status);
    }
  });

  it.each(Object.keys(catalog) as DialectName[])(
    'keeps state as the %s dialect says its server does',
    async (name) => {
      const dialect = await resolveDialect(name).load();
      const { state } = wires[name];
      expect(state.previous.keeps).toBe(dialect.state === 'previous_response_id');
      if (dialect.state === 'conversation') expect(state.conversations).not.toBe(false);
      if (dialect.state === 'replay') expect(state.conversations).toBe(false);
    },
  );

  it.each(Object.keys(catalog) as DialectName[])(
    'has the endpoints the %s dialect sends to, at the same paths, and no others',
    async (name) => {
      const dialect = await resolveDialect(name).load();
      const wire = wires[name];
      const context = { project: 'p' };
      const { paths } = dialect;
      expect(wire.conversationsAPI).toEqual(paths.conversations?.(context));
      expect(wire.chat?.stores === true).toBe(paths.storedChatCompletions !== undefined);
      if (paths.storedChatCompletions)
        expect(wire.chat?.path).toEqual(paths.storedChatCompletions(context));
      const modelId = 'openai/gpt-4o';
      const modelPath = paths.model?.(context, modelId);
      expect(modelPath?.length).toBe(wire.model?.path.length);
      if (modelPath)
        expect(wire.model?.path.filter((segment) => segment !== '*')).toEqual(
          modelPath.filter((segment) => !modelId.includes(segment)),
        );
      expect(wire.model?.deletes === true).toBe(paths.deleteModel !== undefined);
    },
  );
});
