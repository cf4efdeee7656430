/**
 * The relay code of docs/browser-and-relays.md type-checks with no cast against the BUILT
 * package, as an app installs it, in the tsconfig settings apps use: Node types alone (a server),
 * Node types with the `DOM` lib (where Node's and the DOM's web stream types differ), NodeNext and
 * bundler resolution. Checked: examples/relay-node.ts (the node:http and Express recipe) wired as
 * the guide shows, a web route handler returning `stream.toResponse()`, and the page side,
 * `ResponseStream.fromReadableStream(body, { signal })`. Prints each setting; exits 1 on an error.
 *
 *   npm run build && npx tsx test/runtime/relay-types.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();

/** The guide's wiring of the recipe, and the two sides of a web relay. */
const usage = `
import { createServer } from 'node:http';
import express from 'express';
import { ResponsesClient, ResponseStream } from 'responses-client';
import { relayReply } from './relay-node.js';

const client = new ResponsesClient({ apiKey: process.env.OPENAI_API_KEY });

createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  await relayReply(client, JSON.parse(body).input, res);
}).listen(3000);

const app = express();
app.post('/api/chat', express.json(), (req, res) => relayReply(client, req.body.input, res));

export async function POST(request: Request): Promise<Response> {
  const { input } = (await request.json()) as { input: string };
  const stream = await client.responses.create(
    { model: 'gpt-5-mini', input, stream: true },
    { signal: request.signal },
  );
  return stream.toResponse({ headers: { 'x-accel-buffering': 'no' } });
}

export async function read(signal: AbortSignal): Promise<string> {
  const response = await fetch('http://127.0.0.1:3000/api/chat', { method: 'POST', signal });
  if (!response.body) return '';
  const stream = ResponseStream.fromReadableStream(response.body, { signal });
  let text = '';
  for await (const delta of stream.textDeltas()) text += delta;
  return text;
}
`;

const settings: Record<string, Record<string, unknown>> = {
  'Node types, NodeNext': { lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext' },
  'Node types + DOM, NodeNext': {
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
  },
  'Node types + DOM, bundler': {
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
  },
};

/** An app folder: the package, express and their types installed (linked). */
const app = mkdtempSync(join(tmpdir(), 'relay-types-'));
mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
symlinkSync(root, join(app, 'node_modules', 'responses-client'), 'dir');
for (const name of ['express', '@types/node', '@types/express'])
  symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name), 'dir');
writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
const recipe = readFileSync(join(root, 'examples', 'relay-node.ts'), 'utf8');

let failed = 0;
for (const [name, options] of Object.entries(settings)) {
  const dir = join(app, name.replace(/\W+/g, '-'));
  mkdirSync(dir);
  writeFileSync(join(dir, 'relay-node.ts'), recipe);
  writeFileSync(join(dir, 'usage.ts'), usage);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        esModuleInterop: true,
        ...options,
      },
      files: ['relay-node.ts', 'usage.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    console.log(`pass  ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${name}\n${(error as { stdout?: string }).stdout ?? error}`);
  }
}
rmSync(app, { recursive: true, force: true });
console.log(`relay types: ${Object.keys(settings).length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
