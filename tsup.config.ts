import { defineConfig } from 'tsup';

const entries = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'schemas/public': 'src/schemas/public.ts',
};
const shared = { sourcemap: true, target: 'es2022', platform: 'neutral', clean: false } as const;

export default defineConfig([
  // ESM keeps one file per module: with `sideEffects: false`, an app's bundler then leaves out
  // every module it does not use (the full schemas behind `deepValidation`, dialects, testing).
  { ...shared, entry: ['src/**/*.ts'], format: ['esm'], bundle: false, dts: { entry: entries } },
  // CJS: one file per entry point.
  { ...shared, entry: entries, format: ['cjs'], dts: { entry: entries }, treeshake: true },
]);
