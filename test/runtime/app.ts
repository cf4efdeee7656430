/**
 * The app the runtime matrix runs: a folder outside the repository with the packed package
 * (`npm pack`, so only what is published) in its node_modules, the package's dependencies beside
 * it, the smoke suite's files, and the two bundles esbuild makes of them (a worker for workerd,
 * a page script for Chromium). Also the runtimes themselves: test/runtime/engines, installed from
 * npm by its own lockfile when it is missing or stale.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

export const root = resolve(import.meta.dirname, '../..');
const smoke = join(import.meta.dirname, 'smoke');
const engines = join(import.meta.dirname, 'engines');

/** Where each runtime's binary is, once test/runtime/engines is installed. */
export const binaries = {
  node22: join(engines, 'node_modules/node22/bin/node'),
  node24: join(engines, 'node_modules/node24/bin/node'),
  bun: join(engines, 'node_modules/bun/bin/bun'),
  deno: join(engines, 'node_modules/deno/deno'),
  workerd: join(engines, 'node_modules/workerd/bin/workerd'),
};

/** The version of an installed engine package (`workerd` names itself no better). */
export function versionOf(name: keyof typeof binaries): string {
  const manifest = join(engines, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Installs test/runtime/engines (`npm ci --ignore-scripts`: the binaries are in the packages,
 * no install script is needed) unless what is installed is what its lockfile says.
 */
export function installEngines(): void {
  const lock = JSON.parse(readFileSync(join(engines, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const stale = Object.entries(lock.packages).some(([path, { version }]) => {
    if (path === '') return false;
    const manifest = join(engines, path, 'package.json');
    return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
  });
  if (!stale && Object.values(binaries).every((binary) => existsSync(binary))) return;
  console.log('installing the runtimes (test/runtime/engines: npm ci --ignore-scripts)');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: engines,
    stdio: 'inherit',
  });
}

/** Makes the app folder from the built package (`npm run build` first); returns its path. */
export async function makeApp(): Promise<string> {
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/index.cjs'))) {
    throw new Error('No built package in dist/: run `npm run build` first.');
  }
  const app = mkdtempSync(join(tmpdir(), 'runtime-matrix-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string }[];
  const installed = join(app, 'node_modules/responses-client');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', [
    '-xzf',
    join(app, packed[0]!.filename),
    '-C',
    installed,
    '--strip-components=1',
  ]);

  // The package's dependencies, as npm would put them beside it.
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  // …and `ws`, the optional peer an app on Node 20 installs for the WebSocket transport.
  for (const name of [...Object.keys(manifest.dependencies), 'ws']) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
  // Deno reads the app's package.json to resolve bare names from node_modules.
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'smoke-app',
      private: true,
      dependencies: { 'responses-client': manifest.version },
    }),
  );

  for (const file of readdirSync(smoke)) cpSync(join(smoke, file), join(app, file));
  const shared = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning' } as const;
  await build({
    ...shared,
    entryPoints: [join(app, 'page.mjs')],
    outfile: join(app, 'page.js'),
    platform: 'browser',
  });
  await build({
    ...shared,
    entryPoints: [join(app, 'worker.mjs')],
    outfile: join(app, 'worker.js'),
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
  });
  return app;
}
