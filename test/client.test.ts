import { describe, expect, it } from 'vitest';
import { defineDialect, ResponsesClient, ResponsesError } from '../src/index.js';
import { createFakeServer } from '../src/testing/index.js';

describe('ResponsesClient', () => {
  it("uses the dialect's base URL when given none", () => {
    expect(new ResponsesClient().baseURL).toBe('https://api.openai.com/v1');
    expect(new ResponsesClient().dialect).toBe('openai');
  });

  it('drops trailing slashes from the base URL', () => {
    expect(new ResponsesClient({ baseURL: 'http://127.0.0.1:8080/v1///' }).baseURL).toBe(
      'http://127.0.0.1:8080/v1',
    );
  });

  it('refuses an unknown dialect name', () => {
    expect(() => new ResponsesClient({ dialect: 'nope' as 'openai' })).toThrow(
      /Unknown dialect "nope"/,
    );
  });

  it('refuses a dialect that needs an option the client was not given', () => {
    expect(() => new ResponsesClient({ dialect: 'karta' })).toThrow(
      /karta dialect needs the `project` option/,
    );
    expect(new ResponsesClient({ dialect: 'karta', project: 'my-app' }).baseURL).toBe(
      'https://api.karta.sh/v1',
    );
  });

  it('refuses, before sending anything, an endpoint the dialect does not have', async () => {
    const server = createFakeServer({ turns: ['hi'] });
    const dialect = defineDialect({ name: 'bare', baseURL: server.baseURL });
    const client = new ResponsesClient({ dialect, fetch: server.fetch });
    await expect(client.responses.retrieve('resp_1')).rejects.toThrow(
      /bare dialect has no responses.retrieve/,
    );
    await expect(
      client.chat.completions.create({ messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toThrow(/no chat.completions.create/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a negative timeout or maxRetries', () => {
    expect(() => new ResponsesClient({ timeout: -1 })).toThrow(ResponsesError);
    expect(() => new ResponsesClient({ maxRetries: Number.NaN })).toThrow(/maxRetries/);
  });

  it("speaks a user's own Dialect object: its paths and auth headers", async () => {
    const server = createFakeServer({ turns: ['hi'], baseURL: 'https://own.test/api' });
    const dialect = defineDialect({
      name: 'own',
      baseURL: server.baseURL,
      paths: { responses: () => ['responses'] },
      authHeaders: (key) => ({ 'x-api-key': key }),
    });
    const client = new ResponsesClient({ dialect, apiKey: 'k1', fetch: server.fetch });
    await client.responses.create({ model: 'm', input: 'hi' });
    expect(server.requests[0]?.headers['x-api-key']).toBe('k1');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('makes a new client with options laid over its own through withOptions()', async () => {
    const server = createFakeServer({ turns: ['a'] });
    const base = new ResponsesClient({
      fetch: server.fetch,
      baseURL: 'https://elsewhere.test',
      apiKey: 'k',
    });
    const moved = base.withOptions({ baseURL: server.baseURL });
    expect(moved.baseURL).toBe(server.baseURL);
    await moved.responses.create({ model: 'm', input: 'hi' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer k');
  });
});
