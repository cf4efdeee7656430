/**
 * `npm run size`: what an app pays, in bytes, to create a client, stream a response and iterate
 * it, with every dependency bundled (esbuild, minified, gzip -9), from the built package
 * (`dist/`, as published: run after `npm run build`). Budget: 20 KB gzip.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budget = 20 * 1024;

const entries: Record<string, string> = {
  'create (unary)': `
    import { ResponsesClient } from './dist/index.js';
    const client = new ResponsesClient({ apiKey: 'k' });
    console.log((await client.responses.create({ model: 'm', input: 'hi' })).output_text);`,
  'create + stream + iterate': `
    import { ResponsesClient } from './dist/index.js';
    const client = new ResponsesClient({ apiKey: 'k' });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);`,
  '+ finalResponse()': `
    import { ResponsesClient } from './dist/index.js';
    const client = new ResponsesClient({ apiKey: 'k' });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);
    console.log((await stream.finalResponse()).output_text);`,
  '+ deepValidation': `
    import { ResponsesClient, deepValidation } from './dist/index.js';
    const client = new ResponsesClient({ apiKey: 'k', validateResponses: deepValidation });
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);`,
  'eventsource-parser alone': `export { createParser } from 'eventsource-parser';`,
};

let over = false;
console.log('bundle                              minified      gzip');
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
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
