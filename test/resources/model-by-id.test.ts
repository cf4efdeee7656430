import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type Model,
  RequestValidationError,
  ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { baseURL, serve } from '../helpers/msw.js';
import { specExample, specIssues } from '../helpers/spec-check.js';
import { useEndpointServer } from './endpoint-server.js';

const { server, received, on, client } = useEndpointServer();

/**
 * OpenRouter's answer to `GET /model/{author}/{slug}`, shortened: the example of its
 * `ModelResponse` (OpenRouter's OpenAPI document, provenance in test/fixtures/SOURCES.md).
 */
const openRouterModel = {
  data: {
    id: 'openai/gpt-4',
    canonical_slug: 'openai/gpt-4',
    name: 'GPT-4',
    created: 1_692_901_234,
    context_length: 8192,
    pricing: { completion: '0.00006', prompt: '0.00003', request: '0', image: '0' },
    links: { details: '/api/v1/models/openai/gpt-4/endpoints' },
  },
};

describe('models.retrieve', () => {
  it('gets /models/{model}, a request the spec takes, and gives the spec’s example model', async () => {
    const example = specExample('GET', '/models/{model}');
    on('get', '/models/:model', () => example);
    const model: Model = await client().models.retrieve('VAR_chat_model_id');
    expect(model).toEqual(example);
    expect(received[0]).toMatchObject({
      method: 'GET',
      url: `${baseURL}/models/VAR_chat_model_id`,
    });
    expect(specIssues(received[0]!)).toEqual([]);
  });

  it('sends a fine-tuned model’s id, colons and all, as one path segment', async () => {
    on('get', '/models/:model', ({ url }) => ({ id: decodeURIComponent(url.split('/').pop()!) }));
    const id = 'ft:gpt-4o-mini:acme/co:abc123';
    expect((await client().models.retrieve(id)).id).toBe(id);
    expect(new URL(received[0]!.url).pathname).toBe(
      '/v1/models/ft%3Agpt-4o-mini%3Aacme%2Fco%3Aabc123',
    );
    await expect(client().models.retrieve('..')).rejects.toThrow(/model/);
    expect(received).toHaveLength(1);
  });

  it('checks the answer: a model without an id is a ResponseValidationError naming the path', async () => {
    on('get', '/models/:model', () => ({ object: 'model' }));
    const retrieved = client().models.retrieve('m');
    await expect(retrieved).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(retrieved).rejects.toThrow(/\bid\b/);
  });

  it('gets an OpenRouter model at /model/{author}/{slug} and reads the model out of its data', async () => {
    on('get', '/model/:author/:slug', () => openRouterModel);
    const openrouter = new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'openrouter' });
    const model = await openrouter.models.retrieve('openai/gpt-4:free');
    expect(model).toEqual(openRouterModel.data);
    expect(new URL(received[0]!.url).pathname).toBe('/v1/model/openai/gpt-4%3Afree');
  });

  it('refuses an OpenRouter model id without its author before sending anything', async () => {
    const seen = serve(server, () => HttpResponse.json(openRouterModel));
    const openrouter = new ResponsesClient({ baseURL, apiKey: 'k', dialect: 'openrouter' });
    const retrieved = openrouter.models.retrieve('gpt-4');
    await expect(retrieved).rejects.toBeInstanceOf(RequestValidationError);
    await expect(retrieved).rejects.toThrow(/author\/slug/);
    expect(seen).toHaveLength(0);
  });
});

describe('models.delete', () => {
  it('deletes at /models/{model}, a request the spec takes, and gives the spec’s example answer', async () => {
    const example = specExample('DELETE', '/models/{model}');
    on('delete', '/models/:model', () => example);
    const deleted = await client().models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123');
    expect(deleted).toEqual(example);
    expect(received[0]?.method).toBe('DELETE');
    expect(specIssues(received[0]!)).toEqual([]);
  });

  it('checks the answer: a deletion without its flag is a ResponseValidationError', async () => {
    on('delete', '/models/:model', () => ({ id: 'ft:x', object: 'model' }));
    await expect(client().models.delete('ft:x')).rejects.toThrow(/deleted/);
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
      const seen = serve(server, () => HttpResponse.json({ id: 'm', deleted: true }));
      const other = new ResponsesClient({ baseURL, apiKey: 'k', dialect, project: 'p' });
      const call = (other as unknown as ResponsesClient).models[method]('openai/m');
      await expect(call).rejects.toBeInstanceOf(RequestValidationError);
      await expect(call).rejects.toThrow(`has no models.${method}`);
      expect(seen).toHaveLength(0);
    },
  );
});
