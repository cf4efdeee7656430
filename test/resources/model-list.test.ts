import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/index.js';
import { mswClient } from '../helpers/clients.js';
import { baseURL, serve, useMswServer } from '../helpers/msw.js';

const server = useMswServer();

describe('models.list', () => {
  it('gets /models and gives the list, each model with for await', async () => {
    const models = [
      { id: 'a', object: 'model' },
      { id: 'b', object: 'model' },
    ];
    const seen = serve(server, () => HttpResponse.json({ object: 'list', data: models }));
    expect((await mswClient().models.list()).data).toEqual(models);
    const ids: string[] = [];
    for await (const model of mswClient().models.list()) ids.push(model.id);
    expect(ids).toEqual(['a', 'b']);
    expect(seen[0]).toMatchObject({ method: 'GET', url: `${baseURL}/models` });
  });

  it('checks the answer: a model without an id is a ResponseValidationError naming the path', async () => {
    serve(server, () => HttpResponse.json({ object: 'list', data: [{ object: 'model' }] }));
    const list = mswClient().models.list();
    await expect(list).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(list).rejects.toThrow(/data\.0\.id/);
  });

  it('takes the answer as sent when validation is off', async () => {
    serve(server, () => HttpResponse.json({ data: [{ name: 'no id' }] }));
    expect((await mswClient({ validateResponses: false }).models.list()).data).toEqual([
      { name: 'no id' },
    ]);
  });
});
