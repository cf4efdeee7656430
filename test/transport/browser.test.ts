import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponsesClient } from '../../src/client.js';
import { ResponsesError } from '../../src/errors.js';
import { guardBrowser, isBrowserLike } from '../../src/transport/browser.js';

const key = 'sk-test-SECRET-1234567890';

/** A scope shaped like a browser page's global object. */
function pageScope(): object {
  const scope = { document: {}, navigator: { userAgent: 'Mozilla/5.0' } };
  return Object.assign(scope, { window: scope });
}

/** A scope shaped like a web worker's global object: `self` is a `WorkerGlobalScope`. */
function workerScope(): object {
  class WorkerGlobalScope {}
  class DedicatedWorkerGlobalScope extends WorkerGlobalScope {}
  const scope = new DedicatedWorkerGlobalScope();
  return Object.assign(scope, { self: scope, WorkerGlobalScope, navigator: {} });
}

function stubBrowserGlobals() {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('document', { title: 'app' });
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' });
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('isBrowserLike', () => {
  it('is false in Node', () => {
    expect(isBrowserLike()).toBe(false);
    expect(isBrowserLike(globalThis)).toBe(false);
  });

  it('is true for a page with window, document and navigator', () => {
    expect(isBrowserLike(pageScope())).toBe(true);
  });

  it.each([
    ['window', { document: {}, navigator: {} }],
    ['document', { window: {}, navigator: {} }],
    ['navigator', { window: {}, document: {} }],
  ])('is false for a scope without %s', (_, scope) => {
    expect(isBrowserLike(scope)).toBe(false);
  });

  it('is false when window is null', () => {
    expect(isBrowserLike({ window: null, document: {}, navigator: {} })).toBe(false);
  });

  it('is true in a web worker scope', () => {
    expect(isBrowserLike(workerScope())).toBe(true);
  });

  it('is false when WorkerGlobalScope exists but self is not one', () => {
    class WorkerGlobalScope {}
    expect(isBrowserLike({ WorkerGlobalScope, self: {} })).toBe(false);
  });

  it('sees browser globals stubbed on globalThis', () => {
    stubBrowserGlobals();
    try {
      expect(isBrowserLike()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('guardBrowser', () => {
  it('refuses a key in a page with a ResponsesError that names dangerouslyAllowBrowser', () => {
    const error = thrownBy(() => guardBrowser(key, false, pageScope()));
    expect(error).toBeInstanceOf(ResponsesError);
    expect((error as Error).message).toContain('dangerouslyAllowBrowser: true');
    expect((error as Error).message).not.toContain(key);
  });

  it('refuses a key in a web worker', () => {
    expect(() => guardBrowser(key, false, workerScope())).toThrow(/dangerouslyAllowBrowser/);
  });

  it('allows a key with dangerouslyAllowBrowser', () => {
    expect(() => guardBrowser(key, true, pageScope())).not.toThrow();
    expect(() => guardBrowser(key, true, workerScope())).not.toThrow();
  });

  it('allows a browser with no key', () => {
    expect(() => guardBrowser(undefined, false, pageScope())).not.toThrow();
    expect(() => guardBrowser('', false, workerScope())).not.toThrow();
  });

  it('allows a key outside a browser', () => {
    expect(() => guardBrowser(key, false, {})).not.toThrow();
    expect(() => guardBrowser(key, false)).not.toThrow();
  });
});

describe('new ResponsesClient in a browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses an apiKey', () => {
    stubBrowserGlobals();
    const error = thrownBy(() => new ResponsesClient({ apiKey: key }));
    expect(error).toBeInstanceOf(ResponsesError);
    expect((error as Error).message).toMatch(/dangerouslyAllowBrowser/);
    expect((error as Error).message).not.toContain(key);
  });

  it('allows an apiKey with dangerouslyAllowBrowser: true', () => {
    stubBrowserGlobals();
    const client = new ResponsesClient({ apiKey: key, dangerouslyAllowBrowser: true });
    expect(client.baseURL).toBe('https://api.openai.com/v1');
  });

  it('allows no apiKey, as when a same-origin proxy adds it', () => {
    stubBrowserGlobals();
    expect(() => new ResponsesClient({ baseURL: '/api/v1' })).not.toThrow();
  });

  it('refuses an apiKey given again through withOptions', () => {
    const client = new ResponsesClient({ baseURL: '/api/v1' });
    stubBrowserGlobals();
    expect(() => client.withOptions({ apiKey: key })).toThrow(ResponsesError);
  });

  it('accepts an apiKey once the browser globals are gone', () => {
    stubBrowserGlobals();
    vi.unstubAllGlobals();
    expect(() => new ResponsesClient({ apiKey: key })).not.toThrow();
  });
});
