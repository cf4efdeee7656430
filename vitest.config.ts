import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * `npm test`: every `*.test.ts` under test/ and examples/ (the README's example is a test too),
 * and the type tests. Slow tests are named `*.perf.test.ts` and run by `npm run test:perf`
 * (vitest.perf.config.ts) instead.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^responses-client\/testing$/, replacement: src('testing/index.ts') },
      { find: /^responses-client\/testing\/msw$/, replacement: src('testing/msw.ts') },
      { find: /^responses-client\/otel$/, replacement: src('otel/index.ts') },
      { find: /^responses-client$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: [...configDefaults.exclude, '**/*.perf.test.ts'],
    environment: 'node',
    testTimeout: 10_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
  },
});
