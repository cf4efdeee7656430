import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:perf`: the slow tests, named `*.perf.test.ts` (a 200 MB stream in a process of
 * its own, real-timer drips). They assert bounds and behaviour, never timings.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/**/*.perf.test.ts'],
    exclude: configDefaults.exclude,
    testTimeout: 60_000,
    typecheck: { enabled: false },
  },
});
