import { describe, expect, it } from 'vitest';
import { callOptions, type TransportOptions } from '../../src/transport/call-options.js';

const client: TransportOptions = {
  baseURL: 'https://api.test/v1',
  apiKey: 'k',
  fetch: undefined,
  headers: { 'x-client': '1' },
  timeout: 1000,
  maxRetries: 2,
  observe: undefined,
};

describe('callOptions', () => {
  it("keeps the client's options when the call sets none", () => {
    expect(callOptions(client)).toEqual({
      ...client,
      headers: [{ 'x-client': '1' }],
      signal: undefined,
      extraBody: undefined,
    });
  });

  it("lays the call's timeout, retries, signal and extra body over the client's", () => {
    const signal = new AbortController().signal;
    const call = callOptions(client, { timeout: 5, maxRetries: 0, signal, extraBody: { a: 1 } });
    expect(call).toMatchObject({ timeout: 5, maxRetries: 0, signal, extraBody: { a: 1 } });
    expect(call.baseURL).toBe(client.baseURL);
  });

  it("puts the call's headers after the client's, so that they win (and a null removes)", () => {
    const headers = { 'x-client': null };
    expect(callOptions(client, { headers }).headers).toEqual([{ 'x-client': '1' }, headers]);
  });
});
