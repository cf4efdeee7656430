import { afterAll, expect, it } from 'vitest';
import { config } from 'zod/mini';

// Before the fast path is loaded: an app under a strict CSP says so once at start-up.
config({ jitless: true });
afterAll(() => {
  config({ jitless: false });
});

it('compiles no guard when zod is told to compile nothing (z.config({ jitless: true }))', async () => {
  const { flatGuard, ResponseTextDeltaEventSchema } = await import('../../src/schemas/index.js');
  const guard = flatGuard(ResponseTextDeltaEventSchema, ['type']);
  const compiled = flatGuard(ResponseTextDeltaEventSchema, ['type'], true);

  expect(guard?.toString()).toBe(
    flatGuard(ResponseTextDeltaEventSchema, ['type'], false)?.toString(),
  );
  expect(guard?.toString()).not.toBe(compiled?.toString());
  expect(
    guard?.({ item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] }),
  ).toBe(true);
});
