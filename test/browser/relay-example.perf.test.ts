import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatRoute } from '../../examples/browser/route.js';
import { ResponsesClient } from '../../src/client.js';
import { createFakeServer } from '../../src/testing/index.js';
import { recordTextStates, type ServedExample, saveScreenshot, serveExample } from './harness.js';

/** Real time here (the model streams from the server): each wait is bounded in steps. */
const STEP_MS = 50;
const MAX_STEPS = 200;

const reply =
  'Through the relay: Sunrise is bright and fruity, Midnight dark and chocolatey, and Decaf ' +
  'Dusk gentle, with a caramel finish.';

describe('examples/browser/relay.html: a reply relayed by a server route, in Chromium', () => {
  let served: ServedExample;
  let page: Page;
  /** What the route saw: each browser request's signal (aborted when its connection closes). */
  const routeSignals: AbortSignal[] = [];
  /** What went upstream: each request to the model's signal (aborted when the relay stops it). */
  const upstreamSignals: AbortSignal[] = [];

  beforeAll(async () => {
    const model = createFakeServer({ delayMs: 30, turns: () => reply });
    const client = new ResponsesClient({
      baseURL: model.baseURL,
      fetch: (url, init) => {
        if (init.signal) upstreamSignals.push(init.signal);
        return model.fetch(url, init);
      },
    });
    const route = chatRoute(client);
    served = await serveExample(
      { script: 'relay.ts', html: 'relay.html' },
      {
        '/api/chat': (request) => {
          routeSignals.push(request.signal);
          return route(request);
        },
      },
    );
  });

  afterAll(() => served?.close());

  beforeEach(async () => {
    routeSignals.length = 0;
    upstreamSignals.length = 0;
    page = await served.browser.newPage({ viewport: { width: 800, height: 400 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${served.url}relay.html`);
    await page.locator('#send').waitFor();
    expect(errors).toEqual([]);
    return () => page.close();
  });

  /** Waits, step by step, until `done` holds; bounded in steps. */
  async function waitUntil(done: () => boolean | Promise<boolean>): Promise<void> {
    for (let step = 0; step < MAX_STEPS && !(await done()); step += 1) {
      await page.waitForTimeout(STEP_MS);
    }
    expect(await done()).toBe(true);
  }

  const status = () => page.locator('#status').textContent();

  it('shows the relayed text in at least three intermediate states, then the whole reply', async () => {
    const states = await recordTextStates(page, '#reply');
    await page.locator('#send').click();
    await waitUntil(async () => (await status()) === 'Done.');
    await saveScreenshot(page, 'browser', 'relay-done');

    const seen = await states.states();
    const intermediate = seen.slice(1, -1);
    expect(seen[0]).toBe('');
    expect(seen.at(-1)).toBe(reply);
    expect(intermediate.length).toBeGreaterThanOrEqual(3);
    for (const state of intermediate) expect(reply.startsWith(state)).toBe(true);
    expect(routeSignals).toHaveLength(1);
    expect(upstreamSignals).toHaveLength(1);
    expect(upstreamSignals[0]?.aborted).toBe(false);
  });

  it('stops on Stop: the browser connection closes, the route aborts upstream, no more text arrives', async () => {
    const states = await recordTextStates(page, '#reply');
    await page.locator('#send').click();
    await waitUntil(async () => (await states.states()).length >= 4);
    await page.locator('#stop').click();
    await waitUntil(async () => (await status()) === 'Stopped.');
    const atStop = await states.states();

    // Server-side: the route's request signal aborts when the browser's connection closes, and
    // the relay aborts the request to the model.
    await waitUntil(() => routeSignals[0]?.aborted === true);
    await waitUntil(() => upstreamSignals[0]?.aborted === true);
    await saveScreenshot(page, 'browser', 'relay-stopped');

    // Had the stream gone on, the rest of the reply would have come by now.
    await page.waitForTimeout(30 * reply.split(' ').length);
    expect(await states.states()).toEqual(atStop);
    expect(await status()).toBe('Stopped.');
    expect(atStop.at(-1)?.length).toBeGreaterThan(0);
    expect(atStop.at(-1)).not.toBe(reply);
    expect(await page.locator('#send').isEnabled()).toBe(true);
  });
});
