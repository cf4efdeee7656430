import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError, ResponseValidationError } from '../../src/index.js';
import { mswClient } from '../helpers/clients.js';
import { baseURL, serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();

const compaction = {
  id: 'cmp_1',
  object: 'response.compaction',
  created_at: 1,
  output: [
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
    { type: 'compaction', id: 'cmp_item_1', encrypted_content: 'xyz' },
  ],
  usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 },
};

describe('responses.compact', () => {
  it('posts the params to /responses/compact and gives back the compaction, user messages included', async () => {
    const seen = serve(server, () => HttpResponse.json(compaction));
    const compacted = await mswClient().responses.compact({ model: 'm', input: 'Hi' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: `${baseURL}/responses/compact` });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ model: 'm', input: 'Hi' });
    expect(compacted).toEqual(compaction);
  });

  it('refuses params without a model before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json(compaction));
    const compact = mswClient().responses.compact({ input: 'Hi' } as never);
    await expect(compact).rejects.toBeInstanceOf(RequestValidationError);
    await expect(compact).rejects.toThrow(/model/);
    expect(seen).toHaveLength(0);
  });

  it('checks the answer: a compaction without output is a ResponseValidationError', async () => {
    serve(server, () => HttpResponse.json({ id: 'cmp_1', object: 'response.compaction' }));
    const compact = mswClient().responses.compact({ model: 'm', input: 'Hi' });
    await expect(compact).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(compact).rejects.toThrow(/output/);
  });

  it('takes the answer as sent when validation is off', async () => {
    serve(server, () => HttpResponse.json({ id: 'cmp_1' }));
    expect(
      await mswClient({ validateResponses: false }).responses.compact({ model: 'm', input: 'Hi' }),
    ).toEqual({
      id: 'cmp_1',
    });
  });
});

describe('responses.inputTokens.count', () => {
  it('posts a create request to /responses/input_tokens and gives the count', async () => {
    const seen = serve(server, () =>
      HttpResponse.json({ object: 'response.input_tokens', input_tokens: 7 }),
    );
    const count = await mswClient().responses.inputTokens.count({ model: 'm', input: 'Hi' });
    expect(seen[0]?.url).toBe(`${baseURL}/responses/input_tokens`);
    expect(count).toEqual({ object: 'response.input_tokens', input_tokens: 7 });
  });

  it('refuses what a create request may not carry before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json({ input_tokens: 7 }));
    const count = mswClient().responses.inputTokens.count({ model: 'm', temperature: 9 });
    await expect(count).rejects.toBeInstanceOf(RequestValidationError);
    await expect(count).rejects.toThrow(/temperature/);
    expect(seen).toHaveLength(0);
  });

  it('checks the answer: a count that is not a number is a ResponseValidationError', async () => {
    serve(server, () => HttpResponse.json({ input_tokens: 'seven' }));
    await expect(
      mswClient().responses.inputTokens.count({ model: 'm', input: 'Hi' }),
    ).rejects.toThrow(/input_tokens: expected a number/);
  });
});
