import { defineConfig } from 'tsup';

const entries = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  // msw is an optional peer: only this entry imports it, and it stays external.
  'testing/msw': 'src/testing/msw.ts',
  'schemas/public': 'src/schemas/public.ts',
  // @opentelemetry/api is an optional peer: only this entry imports it, and it stays external.
  'otel/index': 'src/otel/index.ts',
};
const shared = { sourcemap: true, target: 'es2022', platform: 'neutral', clean: false } as const;

export default defineConfig([
  // ESM for bundlers keeps one file per module: with `sideEffects: false`, an app's bundler then
  // leaves out every module it does not use (the full schemas behind `deepValidation`, dialects,
  // testing), and shares zod with the app.
  { ...shared, entry: ['src/**/*.ts'], format: ['esm'], bundle: false, dts: { entry: entries } },
  // ESM for runtimes that load the package as is (the `node` condition: Node, Bun, Deno): bundled,
  // zod and eventsource-parser inside (their own ~130 files were most of an import's cost), 28
  // files at import instead of 164. Split, so that the entries share one copy of every module
  // (a fake server's client and the app's are one ResponsesClient, one set of error classes), and
  // what is loaded with `import()` stays a chunk loaded later. An app's own zod schemas work
  // with the zod inside: zod reads a schema through its `_zod` internals, whatever copy made it
  // (test/runtime/smoke/suite.mjs, "your zod").
  {
    ...shared,
    entry: entries,
    outDir: 'dist/node',
    format: ['esm'],
    splitting: true,
    noExternal: ['zod', 'eventsource-parser'],
    esbuildOptions: (options) => {
      options.mainFields = ['module', 'main'];
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
  // CJS: one file per entry point, split too, so that `require('responses-client/testing')` and
  // the main entry share one copy (one ResponsesClient, one set of error classes).
  {
    ...shared,
    entry: entries,
    format: ['cjs'],
    dts: { entry: entries },
    treeshake: true,
    splitting: true,
    esbuildOptions: (options) => {
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
]);
