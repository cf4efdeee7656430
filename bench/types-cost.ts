/**
 * `npm run types:cost`: what the README quickstart costs the TypeScript checker, against the
 * BUILT package (its published `.d.ts`, resolved through the exports map as an app installs it)
 * and against openai-node (the same lines with `OpenAI` in place of `ResponsesClient`), in one
 * run. TypeScript 5.9, `skipLibCheck: true`, strict, NodeNext. Prints the types and
 * instantiations the checker created, the check time (median of `RUNS`, default 3; noisy on a
 * busy machine) and the declarations it loaded (the package's and its dependencies'), then the
 * size of each entry's declarations. Then a tool-loop app (two `tool()`s on zod schemas, stop
 * conditions, `lastTurn`, approvals, the streamed events), checked whole, zod included, in the
 * two settings apps use: a bundler's (`moduleResolution: "bundler"`, Vite, Next…) with
 * `import * as z from 'zod'`, and Node's (`NodeNext`) with `import { z } from 'zod'`. Under
 * NodeNext a namespace import (`import * as z`) of zod costs the checker ~2,100 types before the
 * app uses it (TypeScript builds the module's whole namespace type there; the same import under
 * bundler resolution costs ~90): printed for reference, not ours to spend. Fails over 2,000
 * types for the quickstart, 2,500 for the tool-loop app in either setting, or a main `.d.ts`
 * over 400 KB.
 * Run `npm run build` first (`npm run types:cost` does).
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = process.cwd();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const runs = Number(process.env.RUNS ?? 3);
const budget = { types: 2000, agentTypes: 2500, mainDts: 400 * 1024 };

/** The first `ts` block under the README's "Quick start" heading: what a new user writes first. */
function quickstart(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README.md has no ts block under "## Quick start"');
  return code;
}

const ours = quickstart();

/** A tool-loop app with two `tool()`s: what an agent app writes. */
const agent = `import * as z from 'zod';
import { ResponsesClient, stepCountIs, tool } from 'responses-client';

const client = new ResponsesClient({ apiKey: process.env.OPENAI_API_KEY });
const get_weather = tool({
  description: 'The current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }, { signal }) => ({ city, signal: signal.aborted, temperature: 12 }),
  timeout: 5_000,
});
const delete_file = tool({
  parameters: z.object({ path: z.string() }),
  execute: async ({ path }) => \`deleted \${path}\`,
  needsApproval: true,
});
const chat = client.conversation({
  model: 'gpt-5-mini',
  tools: { get_weather, delete_file },
  stopWhen: stepCountIs(6),
  onStepEnd: (step) => console.log(step.stepNumber, step.response.usage?.total_tokens),
});
for await (const event of chat.stream('Plan my day')) {
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
  if (event.type === 'tool_call.completed') console.log(event.name, event.duration_ms);
}
console.log(chat.lastTurn?.usage.total_tokens, chat.pendingApprovals.length);
if (chat.pendingApprovals.length > 0) await chat.send({ approvals: { call_1: true } });
`;
const theirs = ours
  .replace(/import \{ ResponsesClient \} from 'responses-client';/, "import OpenAI from 'openai';")
  .replace(/new ResponsesClient\(/g, 'new OpenAI(');
if (theirs === ours)
  throw new Error('the quickstart no longer imports ResponsesClient as expected');

/** An app folder: the package and openai-node installed (linked), strict NodeNext settings. */
const app = mkdtempSync(join(tmpdir(), 'types-cost-'));
mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
symlinkSync(root, join(app, 'node_modules', 'responses-client'), 'dir');
symlinkSync(
  join(root, 'bench', 'node_modules', 'openai'),
  join(app, 'node_modules', 'openai'),
  'dir',
);
// The agent app imports zod itself, as an app does.
symlinkSync(join(root, 'node_modules', 'zod'), join(app, 'node_modules', 'zod'), 'dir');
symlinkSync(
  join(root, 'node_modules', '@types', 'node'),
  join(app, 'node_modules', '@types', 'node'),
  'dir',
);
writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));

interface Cost {
  types: number;
  instantiations: number;
  checkSeconds: number;
  /** Bytes of the declaration files of the package and its dependencies the check loaded. */
  declarationBytes: number;
}

const dependencies = Object.keys(
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies,
).map((name) => `node_modules/${name}/`);

/** The module settings of an app run by Node, and of an app a bundler builds. */
const settings = {
  node: { module: 'NodeNext', moduleResolution: 'NodeNext' },
  bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
};

/** Type-checks one file alone, `runs` times; the counts are exact, the time is the median. */
function check(name: string, source: string, setting = settings.node): Cost {
  const dir = join(app, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'quickstart.ts'), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        ...setting,
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      files: ['quickstart.ts'],
    }),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const samples: Cost[] = [];
  for (let i = 0; i < runs; i++) {
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [tsc, '-p', dir, '--extendedDiagnostics', '--listFiles'],
        { encoding: 'utf8' },
      );
    } catch (error) {
      const failed = error as { stdout?: string };
      throw new Error(`${name}: the quickstart does not type-check:\n${failed.stdout ?? error}`);
    }
    const figure = (label: string) =>
      Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
    // The package's own declarations and its dependencies' (zod, eventsource-parser; openai-node has none).
    const dirs = (
      name === 'openai' ? ['bench/node_modules/openai/'] : ['dist', ...dependencies]
    ).map((dir) => join(root, dir));
    const loaded = out.split('\n').filter((line) => dirs.some((dir) => line.startsWith(dir)));
    samples.push({
      types: figure('Types'),
      instantiations: figure('Instantiations'),
      checkSeconds: figure('Check time'),
      declarationBytes: loaded.reduce((sum, file) => sum + statSync(file).size, 0),
    });
  }
  const times = samples.map((s) => s.checkSeconds).sort((a, b) => a - b);
  const first = samples[0]!;
  return { ...first, checkSeconds: times[Math.floor(times.length / 2)]! };
}

const results = {
  'responses-client (dist)': check('ours', ours),
  [`openai-node ${JSON.parse(readFileSync(join(root, 'bench/node_modules/openai/package.json'), 'utf8')).version}`]:
    check('openai', theirs),
};
const namedImport = agent.replace("import * as z from 'zod';", "import { z } from 'zod';");
if (namedImport === agent) throw new Error('the tool-loop app no longer imports zod as expected');
const agentCosts = {
  "bundler, import * as z from 'zod'": check('agent-bundler', agent, settings.bundler),
  "NodeNext, import { z } from 'zod'": check('agent-node', namedImport),
};
/** For reference: the namespace import under NodeNext, and what that import alone costs there. */
const namespaceCost = check('agent-node-namespace', agent);
const zodLine = "import * as z from 'zod';\nexport const s = z.string();\n";
const zodNamespace = check('zod-namespace', zodLine);
const zodNamed = check('zod-named', zodLine.replace('* as z', '{ z }'));
rmSync(app, { recursive: true, force: true });

const ts = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8'));
console.log(
  `README quickstart, TypeScript ${ts.version}, skipLibCheck, median check time of ${runs}`,
);
console.log(
  'package                        types   instantiations   check time   declarations loaded',
);
for (const [name, cost] of Object.entries(results)) {
  console.log(
    `${name.padEnd(28)}${cost.types.toLocaleString('en').padStart(8)}${cost.instantiations
      .toLocaleString('en')
      .padStart(
        17,
      )}${`${cost.checkSeconds.toFixed(2)} s`.padStart(13)}${kb(cost.declarationBytes).padStart(22)}`,
  );
}

console.log('\ntool-loop app (two tool()s on zod schemas), responses-client (dist), zod included:');
for (const [name, cost] of Object.entries(agentCosts))
  console.log(
    `  ${name.padEnd(36)}${cost.types.toLocaleString('en').padStart(7)} types${cost.instantiations.toLocaleString('en').padStart(8)} instantiations${`${cost.checkSeconds.toFixed(2)} s`.padStart(9)}`,
  );
console.log(
  `  (NodeNext, import * as z from 'zod': ${namespaceCost.types.toLocaleString('en')} types, the namespace import costing ${(zodNamespace.types - zodNamed.types).toLocaleString('en')} more than \`import { z }\` before the app uses zod)`,
);

/** A declaration file's size with the local chunks it imports (tsup splits shared declarations). */
function withChunks(file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  let size = statSync(file).size;
  for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const chunk = join(
      dirname(file),
      (spec as string).replace(/\.c?js$/, (ext) => (ext === '.cjs' ? '.d.cts' : '.d.ts')),
    );
    size += withChunks(chunk, seen);
  }
  return size;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
console.log('\nentry          declarations with their chunks (.d.ts / .d.cts)');
let mainSize = 0;
for (const [entry, target] of Object.entries<Record<string, { types: string }>>(pkg.exports)) {
  if (typeof target !== 'object' || !target.import) continue;
  const sizes = [target.import.types, target.require?.types].map((file) =>
    file ? withChunks(join(root, file)) : 0,
  );
  if (entry === '.') mainSize = Math.max(...sizes);
  console.log(`${entry.padEnd(15)}${sizes.map(kb).join(' / ')}`);
}

const ourTypes = results['responses-client (dist)'].types;
const over = [
  ourTypes > budget.types && `types ${ourTypes} > ${budget.types}`,
  ...Object.entries(agentCosts).map(
    ([name, cost]) =>
      cost.types > budget.agentTypes &&
      `tool-loop app (${name}) ${cost.types} types > ${budget.agentTypes}`,
  ),
  mainSize > budget.mainDts && `main .d.ts ${kb(mainSize)} > ${kb(budget.mainDts)}`,
].filter(Boolean);
console.log(
  `\nbudget: ≤ ${budget.types.toLocaleString('en')} types (the tool-loop app ≤ ${budget.agentTypes.toLocaleString('en')}), main .d.ts ≤ ${kb(budget.mainDts)}${over.length ? ` — OVER: ${over.join(', ')}` : ''}`,
);
process.exitCode = over.length ? 1 : 0;
