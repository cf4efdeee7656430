import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type Model,
  NotFoundError,
  RequestValidationError,
  type ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { canned, fakeClient } from '../helpers/clients.js';
import { useMswServer } from '../helpers/msw.js';
import { specExample, specIssues } from '../helpers/spec-check.js';

const msw = useMswServer();

describe('models.retrieve', () => {
  it('gets /models/{model}, a request the spec takes, and gives the model', async () => {
    const { server, client } = fakeClient({ models: ['gpt-test'] });
    const model: Model = await client.models.retrieve('gpt-test');
    expect(model).toEqual({
      id: 'gpt-test',
      object: 'model',
      created: 1_717_250_400,
      owned_by: 'system',
    });
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      url: `${server.baseURL}/models/gpt-test`,
      endpoint: 'model_retrieve',
    });
    expect(specIssues(server.requests[0]!)).toEqual([]);
    await expect(client.models.retrieve('gpt-nope')).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 'model_not_found',
    });
  });

  it('reads the spec’s example model as it is', async () => {
    const example = specExample('GET', '/models/{model}');
    const { client } = canned(msw, () => HttpResponse.json(example));
    expect(await client.models.retrieve('VAR_chat_model_id')).toEqual(example);
  });

  it('sends a fine-tuned model’s id, colons and all, as one path segment', async () => {
    const id = 'ft:gpt-4o-mini:acme/co:abc123';
    const { server, client } = fakeClient({ models: [id] });
    expect((await client.models.retrieve(id)).id).toBe(id);
    expect(new URL(server.requests[0]!.url).pathname).toBe(
      '/v1/models/ft%3Agpt-4o-mini%3Aacme%2Fco%3Aabc123',
    );
    await expect(client.models.retrieve('..')).rejects.toThrow(/model/);
    expect(server.requests).toHaveLength(1);
  });

  it('checks the answer: a model without an id is a ResponseValidationError naming the path', async () => {
    const { client } = canned(msw, () => HttpResponse.json({ object: 'model' }));
    const retrieved = client.models.retrieve('m');
    await expect(retrieved).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(retrieved).rejects.toThrow(/\bid\b/);
  });

  it('gets an OpenRouter model at /model/{author}/{slug} and reads the model out of its data', async () => {
    const { server, client: openrouter } = fakeClient({
      dialect: 'openrouter',
      models: ['openai/gpt-4:free'],
    });
    const model = await openrouter.models.retrieve('openai/gpt-4:free');
    expect(model).toMatchObject({ id: 'openai/gpt-4:free', canonical_slug: 'openai/gpt-4:free' });
    expect(model).toHaveProperty('pricing');
    expect(new URL(server.requests[0]!.url).pathname).toBe('/v1/model/openai/gpt-4%3Afree');
    await expect(openrouter.models.retrieve('openai/gpt-5')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an OpenRouter model id without its author before sending anything', async () => {
    const { server, client: openrouter } = fakeClient({ dialect: 'openrouter', models: ['gpt-4'] });
    const retrieved = openrouter.models.retrieve('gpt-4');
    await expect(retrieved).rejects.toBeInstanceOf(RequestValidationError);
    await expect(retrieved).rejects.toThrow(/author\/slug/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('models.delete', () => {
  it('deletes at /models/{model}, a request the spec takes; the model is then neither listed nor found', async () => {
    const id = 'ft:gpt-4o-mini:acemeco:suffix:abc123';
    const { server, client } = fakeClient({ models: ['gpt-test', id] });
    expect(await client.models.delete(id)).toEqual({ id, object: 'model', deleted: true });
    expect(server.requests[0]?.method).toBe('DELETE');
    expect(specIssues(server.requests[0]!)).toEqual([]);
    expect((await client.models.list()).data.map((model) => model.id)).toEqual(['gpt-test']);
    await expect(client.models.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the spec’s example answer as it is', async () => {
    const example = specExample('DELETE', '/models/{model}');
    const { client } = canned(msw, () => HttpResponse.json(example));
    expect(await client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123')).toEqual(example);
  });

  it('checks the answer: a deletion without its flag is a ResponseValidationError', async () => {
    const { client } = canned(msw, () => HttpResponse.json({ id: 'ft:x', object: 'model' }));
    await expect(client.models.delete('ft:x')).rejects.toThrow(/deleted/);
  });
});

describe('one model on a server without the endpoint', () => {
  it.each([
    ['openrouter', 'delete'],
    ['gateway', 'retrieve'],
    ['gateway', 'delete'],
    ['karta', 'retrieve'],
    ['kawai', 'delete'],
  ] as const)(
    'refuses, on a %s client reached through a cast, models.%s, with nothing sent',
    async (dialect, method) => {
      const { server, client: other } = fakeClient(
        { dialect, models: ['openai/m'] },
        { project: 'p' },
      );
      const call = (other as unknown as ResponsesClient).models[method]('openai/m');
      await expect(call).rejects.toBeInstanceOf(RequestValidationError);
      await expect(call).rejects.toThrow(`has no models.${method}`);
      expect(server.requests).toHaveLength(0);
    },
  );
});
