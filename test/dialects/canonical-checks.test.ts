import { describe, expect, it, vi } from 'vitest';
import { type DialectName, RequestValidationError, ResponsesClient } from '../../src/index.js';

/** A fetch that records each body it is given and answers with one finished response. */
function recordingFetch() {
  const bodies: Record<string, unknown>[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    return Response.json({
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: 'm',
      output: [],
    });
  });
  return { fetch, bodies };
}

function clientOf(dialect: DialectName) {
  const { fetch, bodies } = recordingFetch();
  const client = new ResponsesClient({
    dialect,
    apiKey: 'k',
    project: 'p',
    baseURL: 'http://127.0.0.1:1/v1',
    maxRetries: 0,
    fetch,
  });
  // Each dialect types its params differently; these tests send malformed ones on purpose.
  const create = (params: Record<string, unknown>) => client.responses.create(params as never);
  return { create, fetch, bodies };
}

const dialects: DialectName[] = ['openai', 'openrouter', 'karta', 'kawai', 'gateway'];
const message = { role: 'user', content: 'Hello' };
/** Valid on every dialect (Karta documents only input, stream, store, model, previous_response_id). */
const base = { model: 'm', input: [message] };
const tool = { type: 'function', name: 'get_weather', parameters: { type: 'object' } };

describe.each(dialects)('the canonical checks on the %s dialect', (dialect) => {
  it('sends a valid request', async () => {
    const { create, fetch } = clientOf(dialect);
    await create(base);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it.each<[string, Record<string, unknown>, (string | number)[]]>([
    ['a function tool with no name', { tools: [{ type: 'function' }] }, ['tools', 0, 'name']],
    [
      'a function tool whose name is not a string',
      { tools: [{ ...tool, name: 5 }] },
      ['tools', 0, 'name'],
    ],
    [
      'an input item with a bogus role and a number for content',
      { input: [message, { role: 'bogus', content: 5 }] },
      ['input', 1, 'role'],
    ],
    ['an input item that is not an object', { input: [message, 5] }, ['input', 1]],
  ])('refuses %s before anything is sent', async (_, change, path) => {
    const { create, fetch } = clientOf(dialect);
    const error = await create({ ...base, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContainEqual(
      path,
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('easy-form input messages', () => {
  it('are sent with type: message by the canonical dialect, as OpenResponses requires', async () => {
    const { create, bodies } = clientOf('openai');
    const input = [
      message,
      { role: 'assistant', content: 'Hi' },
      { type: 'message', role: 'user', content: 'Again' },
      { type: 'function_call_output', call_id: 'call_1', output: '{}' },
    ];
    const params = { model: 'm', input };
    await create(params);
    expect(bodies[0]?.input).toEqual([
      { type: 'message', role: 'user', content: 'Hello' },
      { type: 'message', role: 'assistant', content: 'Hi' },
      { type: 'message', role: 'user', content: 'Again' },
      { type: 'function_call_output', call_id: 'call_1', output: '{}' },
    ]);
    expect(params.input[0]).toEqual(message);
  });

  it.each<DialectName>(['openrouter', 'karta', 'kawai', 'gateway'])(
    'are sent as given by the %s dialect, as its server documents them',
    async (dialect) => {
      const { create, bodies } = clientOf(dialect);
      await create(base);
      expect(bodies[0]?.input).toEqual([message]);
    },
  );
});

describe('limits of one server', () => {
  const long = 'x'.repeat(65);

  it('refuses on OpenAI fewer than 16 output tokens and a safety_identifier over 64 characters', async () => {
    const { create, fetch } = clientOf('openai');
    const error = await create({
      model: 'm',
      input: 'hi',
      max_output_tokens: 8,
      safety_identifier: long,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([
      ['max_output_tokens'],
      ['safety_identifier'],
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses everywhere a token limit that is not a positive integer', async () => {
    for (const dialect of ['openai', 'openrouter', 'kawai', 'gateway'] as const) {
      const { create, fetch } = clientOf(dialect);
      await expect(create({ model: 'm', input: 'hi', max_output_tokens: 0 })).rejects.toThrow(
        /max_output_tokens/,
      );
      await expect(create({ model: 'm', input: 'hi', max_output_tokens: 1.5 })).rejects.toThrow(
        /max_output_tokens/,
      );
      expect(fetch).not.toHaveBeenCalled();
    }
  });
});
