/**
 * The runtimes of the matrix and how each is launched on the app folder (test/runtime/app.ts):
 * a process running a file for Node, Bun and Deno; workerd serving the worker bundle on
 * 127.0.0.1; Chromium opening the page bundle served on 127.0.0.1. Each gives back the report of
 * test/runtime/smoke/suite.mjs.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { launchChromium, serveDirectory } from '../browser/harness.js';
import { binaries, versionOf } from './app.js';
import { responsesSocket, startLoopback } from './ws-loopback.js';

/** What the smoke suite reports from inside a runtime. */
export interface Report {
  /** The runtime as it names itself (`node 22.23.3`, `bun 1.4.5`, `workerd`, …). */
  runtime: string;
  checks: { name: string; ok: boolean; error?: string }[];
}

export interface Runtime {
  /** Short id, to pick runtimes on the command line: `node22-cjs`, `deno`, `chromium`. */
  id: string;
  /** Its name in the output. */
  label: string;
  run(app: string): Promise<Report>;
}

/** How long one runtime may take, start to report, before it counts as failed. */
const RUNTIME_LIMIT_MS = 120_000;

/** Environment for the runtimes: no update checks, no telemetry. */
const quiet = { ...process.env, DO_NOT_TRACK: '1', DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };

/**
 * Runs `command` in the app folder and reads the `SMOKE {…}` line it prints; a loopback server
 * for its WebSocket check runs meanwhile (`args` are given its base URL and `host:port`).
 */
function runFile(command: string, args: (baseURL: string, host: string) => string[]) {
  return async (app: string): Promise<Report> => {
    const loopback = await startLoopback();
    try {
      return await runFileWith(command, args(loopback.baseURL, loopback.host), app);
    } finally {
      await loopback.close();
    }
  };
}

function runFileWith(command: string, args: string[], app: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: app,
      env: quiet,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUNTIME_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('SMOKE '));
      if (line) return resolve(JSON.parse(line.slice('SMOKE '.length)) as Report);
      const how = signal ? `was killed (${signal})` : `exited with ${code}`;
      reject(new Error(`${command} ${how} without a report. ${tail(err || out)}`));
    });
  });
}

/** workerd serving the worker bundle (smoke/workerd.capnp) on 127.0.0.1; one request runs the suite. */
async function runWorkerd(app: string): Promise<Report> {
  const port = await freePort();
  const loopback = await startLoopback();
  const child = spawn(
    binaries.workerd,
    ['serve', 'workerd.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
    { cwd: app, env: quiet, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('close', (code) => reject(new Error(`workerd exited with ${code}. ${tail(err)}`))),
  );
  try {
    const asked = askWhenUp(`http://127.0.0.1:${port}/?ws=${encodeURIComponent(loopback.baseURL)}`);
    const report = await Promise.race([exited, asked]);
    return { ...report, runtime: `workerd ${versionOf('workerd')}` };
  } finally {
    child.kill();
    await loopback.close();
  }
}

/** GETs `url` once the server there listens: up to 100 tries, 100 ms apart. */
async function askWhenUp(url: string): Promise<Report> {
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(RUNTIME_LIMIT_MS) });
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((done) => setTimeout(done, 100));
      continue;
    }
    if (!response.ok)
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Report;
  }
}

/** Chromium (playwright-core, /usr/bin/chromium) opening the page bundle served on 127.0.0.1. */
async function runChromium(app: string): Promise<Report> {
  // The WebSocket check's server is the page's own origin: a browser sends no key, so an app
  // puts its key on a same-origin proxy (see the README).
  const sockets = responsesSocket();
  const counted = () => {
    sockets.countHttp();
    return new Response('Not found', { status: 404 });
  };
  const served = await serveDirectory(app, { '/v1/responses': counted }, sockets.upgrade);
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${served.url}index.html`);
    await page.waitForFunction(() => 'smoke' in window, undefined, { timeout: RUNTIME_LIMIT_MS });
    const report = await page.evaluate(
      () => (window as unknown as { smoke: Promise<Report> }).smoke,
    );
    return { ...report, runtime: `chromium ${browser.version()}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message} ${tail(errors.join('\n'))}`);
  } finally {
    await browser.close();
    sockets.close();
    await served.close();
  }
}

export const runtimes: Runtime[] = [
  {
    id: 'node20-esm',
    label: 'Node 20 ESM',
    run: runFile(process.execPath, (url) => ['entry.mjs', url]),
  },
  {
    id: 'node20-cjs',
    label: 'Node 20 CJS',
    run: runFile(process.execPath, (url) => ['entry.cjs', url]),
  },
  {
    id: 'node22-esm',
    label: 'Node 22 ESM',
    run: runFile(binaries.node22, (url) => ['entry.mjs', url]),
  },
  {
    id: 'node22-cjs',
    label: 'Node 22 CJS',
    run: runFile(binaries.node22, (url) => ['entry.cjs', url]),
  },
  {
    id: 'node24-esm',
    label: 'Node 24 ESM',
    run: runFile(binaries.node24, (url) => ['entry.mjs', url]),
  },
  {
    id: 'node24-cjs',
    label: 'Node 24 CJS',
    run: runFile(binaries.node24, (url) => ['entry.cjs', url]),
  },
  {
    id: 'bun-esm',
    label: 'Bun ESM',
    run: runFile(binaries.bun, (url) => ['--no-install', 'entry.mjs', url]),
  },
  {
    id: 'bun-cjs',
    label: 'Bun CJS',
    run: runFile(binaries.bun, (url) => ['--no-install', 'entry.cjs', url]),
  },
  // One permission: the network, to the WebSocket check's loopback server only.
  {
    id: 'deno',
    label: 'Deno',
    run: runFile(binaries.deno, (url, host) => [
      'run',
      '--no-prompt',
      `--allow-net=${host}`,
      'entry.mjs',
      url,
    ]),
  },
  { id: 'workerd', label: 'workerd', run: runWorkerd },
  { id: 'chromium', label: 'Chromium', run: runChromium },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}
