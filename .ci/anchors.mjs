// Installs the packages the benchmarks compare against (bench/package.json: openai-node, ai), apart
// from the project's own, so that a newcomer's `npm ci` never meets their engine ranges. Does
// nothing when bench/node_modules already matches bench/package-lock.json. Run by the bench
// scripts, `npm run typecheck` (bench/ is type-checked) and CI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const bench = new URL('../bench/', import.meta.url);
const installed = new URL('node_modules/.package-lock.json', bench);
const wanted = JSON.parse(readFileSync(new URL('package-lock.json', bench), 'utf8')).packages;
const have = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).packages : {};
const current = Object.entries(wanted).every(
  ([path, entry]) => path === '' || have[path]?.version === entry.version,
);
if (!current) {
  execFileSync(
    'npm',
    [
      'ci',
      '--prefix',
      'bench',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--engine-strict=false',
    ],
    { cwd: new URL('..', import.meta.url), stdio: 'inherit' },
  );
}
