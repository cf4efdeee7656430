/**
 * The runtime matrix: the smoke suite (test/runtime/smoke/suite.mjs: unary, stream, abort, a
 * typed error, the relay, stopping a relay, the app's own zod with the package's, the schemas)
 * run against the built package, packed and installed as an app installs it, in Node 20, 22 and
 * 24 (ESM and CJS), Bun (ESM and CJS), Deno, workerd and Chromium, on the fake server of
 * `responses-client/testing`, with no network. Prints each runtime's checks and which runtimes
 * passed; exits 1 when any failed.
 *
 *   npm run build && npm run test:runtimes            # every runtime
 *   npm run test:runtimes -- deno workerd             # some of them, by id
 */
import { rmSync } from 'node:fs';
import { installEngines, makeApp } from './app.js';
import { type Report, runtimes } from './runtimes.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !runtimes.some((runtime) => runtime.id === id));
if (unknown.length > 0) {
  console.error(
    `Unknown runtime ${unknown.join(', ')}; known: ${runtimes.map((r) => r.id).join(', ')}`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? runtimes.filter((r) => wanted.includes(r.id)) : runtimes;

installEngines();
const app = await makeApp();
console.log(`runtime matrix: the packed package in ${selected.length} runtimes (app in ${app})`);

const rows: { label: string; report?: Report; error?: string }[] = [];
for (const runtime of selected) {
  try {
    const report = await runtime.run(app);
    rows.push({ label: runtime.label, report });
    const failed = report.checks.filter((check) => !check.ok);
    console.log(
      `${failed.length === 0 ? 'pass' : 'FAIL'}  ${runtime.label.padEnd(12)} (${report.runtime}): ` +
        report.checks.map((check) => `${check.name} ${check.ok ? 'ok' : 'FAILED'}`).join(', '),
    );
    for (const check of failed) console.log(`        ${check.name}: ${check.error}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ label: runtime.label, error: message });
    console.log(`FAIL  ${runtime.label.padEnd(12)} did not run the suite: ${message}`);
  }
}
rmSync(app, { recursive: true, force: true });

const passed = rows.filter((row) => row.report?.checks.every((check) => check.ok));
const failed = rows.filter((row) => !passed.includes(row));
console.log(`passed: ${passed.map((row) => row.label).join(', ') || 'none'}`);
console.log(`failed: ${failed.map((row) => row.label).join(', ') || 'none'}`);
console.log(`runtimes: ${passed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
