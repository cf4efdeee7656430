import { describe, expect, it } from 'vitest';
import { events, joined, send, useSimulations } from './harness.js';
import { KARTA_BASE_URL, kartaServer } from './karta.js';
import { DEFAULT_REPLY } from './shared.js';

const serve = useSimulations();
const responses = `${KARTA_BASE_URL}/projects/my-app/responses`;
const chat = `${KARTA_BASE_URL}/projects/my-app/chat/completions`;
const ask = { input: 'What roasts do you have?' };
const messages = [{ role: 'user', content: 'What roasts do you have?' }];

describe('karta', () => {
  it('answers the unary curl example with the envelope whose output is one text object', async () => {
    const sim = serve(kartaServer());
    const { status, json } = await send(responses, ask);
    expect(status).toBe(200);
    expect(json).toEqual({
      id: expect.stringMatching(/^resp_/),
      type: 'response',
      status: 'completed',
      output: { type: 'text', text: DEFAULT_REPLY },
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 8,
        total_tokens: expect.any(Number),
      },
      previous_response_id: null,
    });
    expect(sim.received).toMatchObject([
      {
        method: 'POST',
        path: '/v1/projects/my-app/responses',
        params: { project_ref: 'my-app' },
        body: ask,
      },
    ]);
  });

  it('answers a stream with event names only in the event: lines', async () => {
    serve(kartaServer());
    const answer = await send(responses, { ...ask, stream: true });
    expect(answer.contentType).toMatch(/^text\/event-stream/);
    const list = events(answer);
    expect(list.map(({ event }) => event)).toEqual([
      'response.created',
      ...Array(8).fill('response.output_text.delta'),
      'response.completed',
    ]);
    expect(list[0]?.data).toEqual({ id: expect.stringMatching(/^resp_/), status: 'in_progress' });
    for (const { data } of list.slice(1, -1)) expect(Object.keys(data)).toEqual(['delta']);
    expect(joined(list)).toBe(DEFAULT_REPLY);
    expect(list.at(-1)?.data).toEqual({
      id: list[0]?.data.id,
      status: 'completed',
      usage: expect.objectContaining({ output_tokens: 8 }),
    });
    for (const { data } of list) expect(data).not.toHaveProperty('type');
    expect(answer.text).not.toContain('[DONE]');
  });

  it('continues from a returned id passed as previous_response_id', async () => {
    serve(kartaServer());
    const first = await send(responses, ask);
    const next = await send(responses, {
      input: 'And decaf?',
      previous_response_id: first.json.id,
    });
    expect(next.status).toBe(200);
    expect(next.json.previous_response_id).toBe(first.json.id);
  });

  it('answers 404 to a previous_response_id it never issued', async () => {
    const sim = serve(kartaServer());
    const { status } = await send(responses, { ...ask, previous_response_id: 'resp_elsewhere' });
    expect(status).toBe(404);
    expect(sim.violations[0]?.rule).toBe('previous_response_id.unknown');
  });

  it('answers the chat completions curl example with text_completion and input/output tokens', async () => {
    serve(kartaServer());
    const { status, json } = await send(chat, { model: 'default', messages });
    expect(status).toBe(200);
    expect(json).toEqual({
      id: expect.stringMatching(/^chatcmpl_/),
      object: 'text_completion',
      created: expect.any(Number),
      model: 'default',
      choices: [
        { index: 0, message: { role: 'assistant', content: DEFAULT_REPLY }, finish_reason: 'stop' },
      ],
      usage: {
        input_tokens: expect.any(Number),
        output_tokens: 8,
        total_tokens: expect.any(Number),
      },
    });
  });

  it('streams chat completions as event: chunk frames ending in event: [DONE] / data: [DONE]', async () => {
    serve(kartaServer({ chunks: ["We've got ", 'Sunrise, Midnight, …'] }));
    const answer = await send(chat, { messages, stream: true });
    expect(answer.frames.map((value) => [value.event, value.data])).toEqual([
      ['chunk', JSON.stringify({ choices: [{ delta: { content: "We've got " } }] })],
      ['chunk', JSON.stringify({ choices: [{ delta: { content: 'Sunrise, Midnight, …' } }] })],
      ['[DONE]', '[DONE]'],
    ]);
  });

  it('answers 401 when the Authorization header is missing, on both endpoints', async () => {
    const sim = serve(kartaServer());
    const headers = { 'Content-Type': 'application/json' };
    expect((await send(responses, ask, { headers })).status).toBe(401);
    expect((await send(chat, { messages }, { headers })).status).toBe(401);
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'auth.missing',
      'auth.missing',
    ]);
  });

  it('answers 401 to a token other than the one the test pinned', async () => {
    serve(kartaServer({}, { apiKey: 'kt_live_right' }));
    const { status, json } = await send(responses, ask);
    expect(status).toBe(401);
    expect(json.error).toMatchObject({ type: 'authentication_error', code: 'unauthorized' });
  });

  it('reads the project ref URL-decoded from one path segment', async () => {
    const sim = serve(kartaServer({}, { projects: ['my app/v2'] }));
    const encoded = `${KARTA_BASE_URL}/projects/${encodeURIComponent('my app/v2')}/responses`;
    expect((await send(encoded, ask)).status).toBe(200);
    expect(sim.received[0]?.params.project_ref).toBe('my app/v2');
    expect((await send(`${KARTA_BASE_URL}/projects/my app/v2/responses`, ask)).status).toBe(404);
    expect((await send(responses, ask)).status).toBe(404);
    expect(sim.violations.map((violation) => violation.rule)).toEqual([
      'route.unknown',
      'project.unknown',
    ]);
  });

  it.each([
    ['input.required', {}],
    ['input.type', { input: 42 }],
    ['input.item', { input: ['not an item'] }],
    ['stream.type', { ...ask, stream: 'yes' }],
    ['store.type', { ...ask, store: 'pin' }],
    ['model.type', { ...ask, model: 7 }],
  ])('answers 422 to a responses body breaking %s', async (rule, body) => {
    const sim = serve(kartaServer());
    const { status, json } = await send(responses, body);
    expect(status).toBe(422);
    expect(json.error).toMatchObject({
      message: expect.any(String),
      type: 'invalid_request_error',
    });
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it.each([
    ['messages.required', {}],
    ['messages.item', { messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] }],
    ['stream.type', { messages, stream: 1 }],
  ])('answers 422 to a chat body breaking %s', async (rule, body) => {
    const sim = serve(kartaServer());
    expect((await send(chat, body)).status).toBe(422);
    expect(sim.violations[0]?.rule).toBe(rule);
  });

  it.each([402, 403, 409, 422])('answers a scripted %i with the error envelope', async (status) => {
    serve(kartaServer({ status, errorCode: 'scripted' }));
    const answer = await send(responses, ask);
    expect(answer.status).toBe(status);
    expect(answer.json.error).toMatchObject({ message: expect.any(String), code: 'scripted' });
  });

  it('sends some deltas then response.failed when it fails mid-stream', async () => {
    serve(kartaServer({ failMidStream: { message: 'Model crashed', code: 'model_error' } }));
    const list = events(await send(responses, { ...ask, stream: true }));
    expect(list.map(({ event }) => event)).toEqual([
      'response.created',
      ...Array(4).fill('response.output_text.delta'),
      'response.failed',
    ]);
    expect(list.at(-1)?.data).toMatchObject({
      status: 'failed',
      error: { message: 'Model crashed', code: 'model_error' },
    });
  });

  it('ends a failing chat stream without [DONE]', async () => {
    serve(kartaServer({ failMidStream: { message: 'boom', after: 2 } }));
    const answer = await send(chat, { messages, stream: true });
    expect(answer.frames.map((value) => value.event)).toEqual(['chunk', 'chunk']);
  });

  it('refuses to script a tool call, which the Karta seeds do not document', () => {
    expect(() => kartaServer({ toolCall: { name: 'f', arguments: '{}' } })).toThrow(/toolCall/);
  });
});
