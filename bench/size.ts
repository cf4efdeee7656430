/**
 * `npm run size`: what an app pays, in bytes, to create a client, stream a response and iterate
 * it, with every dependency bundled (esbuild, minified, gzip -9). Budget: 20 KB gzip.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budget = 20 * 1024;

const entries: Record<string, string> = {
  'create + stream + iterate': `
    import { ResponsesClient } from './src/index.ts';
    const client = new ResponsesClient({ apiKey: 'k' });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);`,
  '+ finalResponse()': `
    import { ResponsesClient } from './src/index.ts';
    const client = new ResponsesClient({ apiKey: 'k' });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);
    console.log((await stream.finalResponse()).output_text);`,
  'eventsource-parser alone': `export { createParser } from 'eventsource-parser';`,
};

let over = false;
console.log('bundle                              minified      gzip');
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code, { level: 9 }).length;
  if (name.startsWith('create') && gzip > budget) over = true;
  console.log(
    `${name.padEnd(32)}${(code.length / 1024).toFixed(1).padStart(9)} KB${(gzip / 1024).toFixed(1).padStart(8)} KB`,
  );
}
console.log(
  `budget: ${(budget / 1024).toFixed(0)} KB gzip for create + stream + iterate${over ? ' — OVER' : ''}`,
);
process.exitCode = over ? 1 : 0;
