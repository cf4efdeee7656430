/**
 * Serves this example on 127.0.0.1: `main.ts` bundled by esbuild on each request (as any
 * bundler would: Vite, webpack, Next.js), next to `index.html`. Open the URL it prints.
 *
 *   npm run example:browser
 */
import { context } from 'esbuild';

const dir = import.meta.dirname;
const build = await context({
  entryPoints: [`${dir}/main.ts`],
  outdir: dir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  sourcemap: true,
  write: false,
});
const { port } = await build.serve({
  host: '127.0.0.1',
  port: Number(process.env.PORT ?? 5173),
  servedir: dir,
});
console.log(`The browser example: http://127.0.0.1:${port}/  (Ctrl-C stops it)`);
