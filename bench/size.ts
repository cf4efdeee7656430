/**
 * `npm run size`: what an app pays, in bytes, to create a client, stream a response and iterate
 * it, with every dependency bundled (esbuild, minified, gzip -9), from the built package
 * (`dist/`, as published). Budget: 20 KB gzip. Modules the client loads with `import()` only
 * when they are used (another dialect, chat completions, the relay) are left out and listed;
 * the last line counts create + stream + iterate with all of them bundled in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const budget = 20 * 1024;
const root = process.cwd();
const use = (setup: string, body: string, imports = '') => `
  import { ResponsesClient${setup.includes('deepValidation') ? ', deepValidation' : ''}${imports} } from '${root}/dist/index.js';
  const client = new ResponsesClient(${setup});
  ${body}`;
const converse = `
  const chat = client.conversation({ model: 'm', tools: { now: { parameters: {}, execute: () => Date.now() } } });
  console.log((await chat.send('hi')).output_text);
  for await (const text of chat.stream('more').textDeltas()) console.log(text);`;
const iterate = `
  const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
  for await (const event of stream) if (event.type === 'response.output_text.delta') console.log(event.delta);`;

const apps: Record<string, string> = {
  'create (unary)': use(
    `{ apiKey: 'k' }`,
    `console.log((await client.responses.create({ model: 'm', input: 'hi' })).output_text);`,
  ),
  'create + stream + iterate': use(`{ apiKey: 'k' }`, iterate),
  '+ finalResponse()': use(
    `{ apiKey: 'k' }`,
    `${iterate}\n  console.log((await stream.finalResponse()).output_text);`,
  ),
  '+ deepValidation': use(`{ apiKey: 'k', validateResponses: deepValidation }`, iterate),
  "dialect: 'karta'": use(`{ apiKey: 'k', dialect: 'karta', project: 'p' }`, iterate),
  // The conversation helper: what \`client.conversation\` costs up front, then its turn logic
  // (strategies, tool loop, zod → JSON Schema), which loads on the first turn.
  'conversation: send + stream': use(`{ apiKey: 'k' }`, converse),
  '+ its turn logic, with tools': use(
    `{ apiKey: 'k' }`,
    `${converse}
  import * as turn from '${root}/dist/conversation/turn.js';
  import * as tools from '${root}/dist/structured/function-tools.js';
  console.log(turn, tools);`,
  ),
  'responses.parse + zodTextFormat': use(
    `{ apiKey: 'k' }`,
    `import * as z from 'zod/mini';
  const format = zodTextFormat(z.object({ title: z.string() }), 'recipe');
  console.log((await client.responses.parse({ model: 'm', input: 'hi', text: { format } })).output_parsed);`,
    ', zodTextFormat',
  ),
  // What a relay route pays: the relay's code loads on the first toResponse().
  '+ toResponse() (relay loaded)': use(
    `{ apiKey: 'k' }`,
    `const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
  export const response = stream.toResponse();
  import * as relay from '${root}/dist/stream/relay.js';
  console.log(relay);`,
  ),
  // The same app on openai-node (7.57, the anchor in bench/package.json), for comparison.
  'openai-node 7.57: same app': `
  import OpenAI from 'openai';
  const client = new OpenAI({ apiKey: 'k' });
  ${iterate}`,
  'chat.completions stream': use(
    `{ apiKey: 'k' }`,
    `for await (const chunk of await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true })) console.log(chunk);`,
  ),
};

/** Leaves `import()`ed modules out of the bundle, recording them: they load later, if ever. */
function lazyImports(lazy: Set<string>): Plugin {
  return {
    name: 'lazy-imports',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        lazy.add(args.path.replace(/^\.\//, ''));
        return { path: args.path, external: true };
      });
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'size-'));
let over = false;
console.log(
  'app                                 minified B      gzip B   left to load later (import())',
);
/** An app bundled and minified as an app's bundler would (esbuild), with `plugins`: its bytes. */
async function bundled(contents: string, plugins: Plugin[] = []): Promise<Uint8Array> {
  const entryPoint = join(dir, 'app.js');
  writeFileSync(entryPoint, contents);
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
    plugins,
    // The apps import zod themselves (structured output): resolved from this repository.
    nodePaths: [join(root, 'node_modules'), join(root, 'bench', 'node_modules')],
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** One row: the app's name, its minified and gzip -9 bytes, and a note. */
function row(name: string, code: Uint8Array, note: string): number {
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(
    `${name.padEnd(34)}${String(code.length).padStart(11)}${String(gzip).padStart(12)}   ${note}`,
  );
  return gzip;
}

for (const [name, contents] of Object.entries(apps)) {
  const lazy = new Set<string>();
  const gzip = row(name, await bundled(contents, [lazyImports(lazy)]), [...lazy].join(', '));
  if (name === 'create + stream + iterate' && gzip > budget) over = true;
}
// The other figure: create + stream + iterate with every module it may load later bundled in
// (every dialect, chat completions, the relay, the conversation's turn logic…): no app loads
// all of them, so this bounds what it can ever fetch.
row(
  'create + stream + iterate, all in',
  await bundled(apps['create + stream + iterate'] ?? ''),
  '(every import() bundled in too)',
);
rmSync(dir, { recursive: true, force: true });
console.log(
  `budget: ${budget} B (${budget / 1024} KB) gzip for create + stream + iterate${over ? ' — OVER' : ''}`,
);
process.exitCode = over ? 1 : 0;
