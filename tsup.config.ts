import { defineConfig } from 'tsup';

const entries = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'schemas/public': 'src/schemas/public.ts',
};
const shared = { sourcemap: true, target: 'es2022', platform: 'neutral', clean: false } as const;

export default defineConfig([
  // ESM for bundlers keeps one file per module: with `sideEffects: false`, an app's bundler then
  // leaves out every module it does not use (the full schemas behind `deepValidation`, dialects,
  // testing), and shares zod with the app.
  { ...shared, entry: ['src/**/*.ts'], format: ['esm'], bundle: false, dts: { entry: entries } },
  // ESM for runtimes that load the package as is (the `node` condition: Node, Bun, Deno): one
  // file per entry, zod and eventsource-parser inside it (their own ~100 files are most of an
  // import's cost), and each module loaded with `import()` its own chunk, still loaded later.
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
  // CJS: one file per entry point.
  { ...shared, entry: entries, format: ['cjs'], dts: { entry: entries }, treeshake: true },
]);
