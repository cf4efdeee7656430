/**
 * `npm run bench:start` (and the second half of `npm run bench`): what a fresh process pays
 * before its first answer, ours against openai-node 7.57's. Each case runs in its own new Node process (as a serverless function or a
 * CLI starts), interleaved, `RUNS` times (default 9), and reports medians:
 * - import alone: `await import(<package>)`;
 * - import + first create: that, then a client and one unary `responses.create` answered by an
 *   in-process fetch (no network, so only the package's own work is timed).
 * Times (wall clock, and the process's CPU time) are taken inside the process from just before
 * the import. Ours is the built package
 * (`dist/`, as published, run `npm run build` first) imported by its name, like an app does: in
 * Node that is the `node` export condition's build (dist/node). The load average is printed
 * before and after: on a shared machine, figures taken under load are not worth quoting.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 9);
if (!existsSync('dist/index.js')) throw new Error('No dist/: run `npm run build` first.');

/** A complete unary response, as both clients expect it. */
const body = JSON.stringify({
  id: 'resp_1',
  object: 'response',
  created_at: 1_700_000_000,
  status: 'completed',
  model: 'gpt-5-mini',
  output: [
    {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Hello!', annotations: [] }],
    },
  ],
  parallel_tool_calls: true,
  tool_choice: 'auto',
  tools: [],
  usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 },
});

/** The script one process runs: import, then (if asked) one create; prints its timings as JSON. */
function script(pkg: 'ours' | 'openai', create: boolean): string {
  const load =
    pkg === 'ours'
      ? `const { ResponsesClient } = await import('responses-client');`
      : `const { default: OpenAI } = await import('openai');`;
  const client =
    pkg === 'ours'
      ? `new ResponsesClient({ apiKey: 'k', fetch })`
      : `new OpenAI({ apiKey: 'k', fetch })`;
  return `
    const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
    const start = performance.now();
    const startCPU = cpu();
    ${load}
    const imported = performance.now();
    const importedCPU = cpu();
    let created = imported;
    let createdCPU = importedCPU;
    if (${create}) {
      const fetch = async () => new Response(${JSON.stringify(body)}, {
        headers: { 'content-type': 'application/json' },
      });
      const response = await ${client}.responses.create({ model: 'gpt-5-mini', input: 'hi' });
      if (response.output_text !== 'Hello!') throw new Error('unexpected output_text');
      created = performance.now();
      createdCPU = cpu();
    }
    console.log(JSON.stringify({
      import: { wall: imported - start, cpu: importedCPU - startCPU },
      total: { wall: created - start, cpu: createdCPU - startCPU },
    }));`;
}

/** Wall-clock and CPU milliseconds (the process's own, all threads) of one phase. */
interface Timing {
  wall: number;
  cpu: number;
}

/** Runs one fresh process and returns its timings. */
function once(pkg: 'ours' | 'openai', create: boolean): { import: Timing; total: Timing } {
  // Each from where its package resolves: ours from this repository, openai-node from bench/'s anchors.
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script(pkg, create)], {
    encoding: 'utf8',
    cwd: pkg === 'ours' ? process.cwd() : join(process.cwd(), 'bench'),
  });
  return JSON.parse(out);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const cases = {
  'responses-client: import': () => once('ours', false).import,
  'openai-node 7.57: import': () => once('openai', false).import,
  'responses-client: import + first create': () => once('ours', true).total,
  'openai-node 7.57: import + first create': () => once('openai', true).total,
} satisfies Record<string, () => Timing>;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const loadBefore = load();

const times: Record<string, Timing[]> = Object.fromEntries(Object.keys(cases).map((n) => [n, []]));
// One untimed run of each package first, so that neither pays for a cold disk cache.
once('ours', true);
once('openai', true);
for (let run = 0; run < runs; run++) {
  for (const [name, measure] of Object.entries(cases)) times[name]?.push(measure());
}

console.log(
  `cold start, fresh Node ${process.version} processes, median of ${runs}; ${cpus().length} CPUs, ` +
    `load average ${loadBefore} before, ${load()} after`,
);
const medians = Object.fromEntries(
  Object.entries(times).map(([name, t]) => [
    name,
    { wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) },
  ]),
);
// Wall time is what a user waits; CPU time is the process's own work, which others' load on a
// shared machine disturbs less (it waits for no core).
console.log(`${'case'.padEnd(42)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}`);
for (const [name, { wall, cpu }] of Object.entries(medians)) {
  console.log(`${name.padEnd(42)}${wall.toFixed(1).padStart(9)}${cpu.toFixed(1).padStart(9)}`);
}
const ratio = (what: string, of: keyof Timing) =>
  (medians[`responses-client: ${what}`]?.[of] ?? 0) /
  (medians[`openai-node 7.57: ${what}`]?.[of] ?? 1);
for (const what of ['import', 'import + first create']) {
  const target = what === 'import' ? '' : ' (target ≤ 0.6× in wall time)';
  console.log(
    `ratio, ${what}: ${ratio(what, 'wall').toFixed(2)}× wall, ${ratio(what, 'cpu').toFixed(2)}× CPU${target}`,
  );
}
