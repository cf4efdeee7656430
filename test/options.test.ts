import { describe, expect, it } from 'vitest';
import { ResponsesError } from '../src/errors.js';
import { defaults, normalizeOptions } from '../src/options.js';
import { deepValidation, envelopeValidation } from '../src/schemas/index.js';

describe('normalizeOptions', () => {
  it('fills every option left out from the defaults, and the base URL from the dialect', () => {
    const config = normalizeOptions({});
    expect(config.transport).toEqual({
      baseURL: 'https://api.openai.com/v1',
      apiKey: undefined,
      fetch: undefined,
      headers: defaults.headers,
      timeout: defaults.timeout,
      maxRetries: defaults.maxRetries,
    });
    expect(config.dialect.name).toBe('openai');
    expect(config.context).toEqual({ project: undefined });
  });

  it('takes an option given as undefined as left out', () => {
    const config = normalizeOptions({
      timeout: undefined,
      maxRetries: undefined,
      dialect: undefined,
    });
    expect(config.transport.timeout).toBe(defaults.timeout);
    expect(config.transport.maxRetries).toBe(defaults.maxRetries);
    expect(config.dialect.name).toBe('openai');
  });

  it('rounds maxRetries down and refuses counts that are not finite and ≥ 0', () => {
    expect(normalizeOptions({ maxRetries: 2.7 }).transport.maxRetries).toBe(2);
    expect(() => normalizeOptions({ timeout: Number.POSITIVE_INFINITY })).toThrow(ResponsesError);
    expect(() => normalizeOptions({ maxRetries: -1 })).toThrow(/maxRetries option/);
  });

  it('treats an empty apiKey as none', () => {
    expect(normalizeOptions({ apiKey: '' }).transport.apiKey).toBeUndefined();
  });

  it('chooses the validation policy: envelope by default, deep on request, none when off', () => {
    expect(normalizeOptions({}).validation).toBe(envelopeValidation);
    expect(normalizeOptions({ validateResponses: deepValidation }).validation).toBe(deepValidation);
    expect(normalizeOptions({ validateResponses: false }).validation).toBeUndefined();
  });

  it('checks requests even when responses are not checked', () => {
    expect(normalizeOptions({ validateResponses: false }).requestSchema).toBe(
      envelopeValidation.request,
    );
    expect(normalizeOptions({ validateResponses: deepValidation }).requestSchema).toBe(
      deepValidation.request,
    );
  });

  it("hands the dialect's paths the project option", () => {
    const config = normalizeOptions({ dialect: 'karta', project: 'my-app' });
    expect(config.context).toEqual({ project: 'my-app' });
    expect(config.transport.baseURL).toBe('https://api.karta.sh/v1');
  });
});
