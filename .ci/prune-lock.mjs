// The registry mirror this project is built against serves each native package only for the
// platforms it has (linux-x64 here), so `npm install` writes a lock whose entries name optional
// platform packages (rollup, esbuild, biome binaries for other systems) that the lock itself does
// not contain, and `npm ci` refuses it. This drops those dangling optional names from the lock,
// which is what `npm ci` would skip on this platform anyway. Run after `npm install`:
//   npm install && node .ci/prune-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

/** Whether `name` resolves from the package at `at`, walking up node_modules as Node does. */
function resolves(at, name) {
  for (let dir = at; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
  }
}

let pruned = 0;
for (const [at, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (resolves(at, name)) continue;
    delete entry.optionalDependencies[name];
    pruned += 1;
  }
  if (entry.optionalDependencies && Object.keys(entry.optionalDependencies).length === 0) {
    delete entry.optionalDependencies;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`pruned ${pruned} optional dependencies this registry does not serve`);
