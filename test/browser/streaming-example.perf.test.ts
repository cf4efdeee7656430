import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordTextStates, type ServedExample, saveScreenshot, serveExample } from './harness.js';

/** The page's clock is Playwright's: time moves only when the test says, one step at a time. */
const STEP_MS = 100;
const MAX_STEPS = 200;

describe('examples/browser: a reply streamed into the page, in Chromium', () => {
  let served: ServedExample;
  let page: Page;

  beforeAll(async () => {
    served = await serveExample({ script: 'main.ts', html: 'index.html' });
  });

  afterAll(() => served?.close());

  beforeEach(async () => {
    page = await served.browser.newPage({ viewport: { width: 800, height: 500 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install();
    await page.goto(served.url);
    await page.locator('#send').waitFor();
    expect(errors).toEqual([]);
    return () => page.close();
  });

  /** Moves the page's clock on, step by step, until `done` holds; bounded in steps. */
  async function runUntil(done: () => Promise<boolean>): Promise<void> {
    for (let step = 0; step < MAX_STEPS && !(await done()); step += 1) {
      await page.clock.runFor(STEP_MS);
    }
    expect(await done()).toBe(true);
  }

  const status = () => page.locator('#status').textContent();
  const transcript = () => page.locator('#transcript li').allTextContents();

  it('shows the text in at least three intermediate states, then the whole reply', async () => {
    const reply = await recordTextStates(page, '#reply');
    await page.locator('#send').click();
    await runUntil(async () => (await reply.states()).length >= 4);
    await saveScreenshot(page, 'browser', 'streaming-midway');
    await runUntil(async () => (await status()) === 'Done.');
    await saveScreenshot(page, 'browser', 'streaming-done');

    const states = await reply.states();
    const whole = states.at(-1) ?? '';
    const intermediate = states.slice(1, -1);
    expect(states[0]).toBe('');
    expect(whole).toMatch(/^We have Sunrise, .* That was question 1 of this conversation\.$/);
    expect(intermediate.length).toBeGreaterThanOrEqual(3);
    for (const [i, state] of intermediate.entries()) {
      expect(state.length).toBeGreaterThan(0);
      expect(whole.startsWith(state)).toBe(true);
      expect(state.length).toBeGreaterThan(states[i]?.length ?? 0);
    }
    expect(await page.locator('#stop').isDisabled()).toBe(true);
  });

  it('stops when Stop is clicked: no more text arrives, and the page says Stopped', async () => {
    const reply = await recordTextStates(page, '#reply');
    await page.locator('#send').click();
    await runUntil(async () => (await reply.states()).length >= 4);
    await page.locator('#stop').click();
    await runUntil(async () => (await status()) === 'Stopped.');
    const atStop = await reply.states();

    // Long enough for the rest of the reply, had the stream gone on.
    await page.clock.runFor(STEP_MS * MAX_STEPS);
    await saveScreenshot(page, 'browser', 'stopped');

    expect(await reply.states()).toEqual(atStop);
    expect(await status()).toBe('Stopped.');
    const text = atStop.at(-1) ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/conversation\.$/);
    expect(await page.locator('#send').isEnabled()).toBe(true);
    // A stopped turn is not part of the conversation.
    expect(await transcript()).toEqual([]);
  });

  it('keeps the conversation across a reload: the transcript is back, and the next turn sees it all', async () => {
    await page.locator('#send').click();
    await runUntil(async () => (await status()) === 'Done.');
    const first = await transcript();
    expect(first).toHaveLength(2);
    expect(first[0]).toBe('What roasts do you have?');
    expect(first[1]).toMatch(/question 1 of this conversation\.$/);

    await page.reload();
    await page.locator('#send').waitFor();
    expect(await transcript()).toEqual(first);
    expect(await page.locator('#reply').textContent()).toBe('');

    await page.locator('#prompt').fill('Which is the darkest?');
    await page.locator('#send').click();
    await runUntil(async () => (await status()) === 'Done.');
    await saveScreenshot(page, 'browser', 'conversation-after-reload');

    // The page's fake server is new after the reload: the model saw the first turn because
    // the resumed conversation sent it (replayed, once its chain was unknown there).
    const after = await transcript();
    expect(after.slice(0, 2)).toEqual(first);
    expect(after[2]).toBe('Which is the darkest?');
    expect(after[3]).toMatch(/question 2 of this conversation\.$/);

    await page.locator('#reset').click();
    expect(await transcript()).toEqual([]);
    await page.reload();
    await page.locator('#send').waitFor();
    expect(await transcript()).toEqual([]);
  });
});
