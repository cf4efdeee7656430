/**
 * The browser harness: a directory (and web-standard route handlers) served on 127.0.0.1, code
 * bundled for the page with esbuild, Debian's Chromium driven by playwright-core, DOM states
 * recorded as they change, and screenshots saved under `artifacts/` for CI to keep. Used by the
 * browser tests (test/browser/*.perf.test.ts) and by the runtime matrix (test/runtime/matrix.ts).
 * Nothing here downloads a browser: Chromium is `/usr/bin/chromium` (`apt-get install chromium`),
 * or `CHROMIUM_PATH`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');

/** Where screenshots and other CI artifacts go (git-ignored; `.ci/run` prints what is in it). */
export const artifactsDir = join(root, 'artifacts');

/** The Chromium this harness drives: `CHROMIUM_PATH`, or Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags Chromium runs with: headless, no sandbox (CI runs as root), nothing that phones home. */
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts headless Chromium; fails saying how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/** A route handler, web-standard: what a Next.js, Hono, Bun or worker route is. */
export type RouteHandler = (request: Request) => Response | Promise<Response>;

/** A server on 127.0.0.1: its base URL (ending in `/`), and how to stop it. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files of `dir` (`/` is `index.html`) on 127.0.0.1 and a free port, and `routes`
 * (path → web handler) before them. A route's request carries a `signal` that aborts when the
 * browser goes away, and its response body is piped with `stream/promises.pipeline`, which
 * cancels it (and so closes what it reads from upstream) when the browser disconnects.
 */
export async function serveDirectory(
  dir: string,
  routes: Record<string, RouteHandler> = {},
  upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<Served> {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    const answer = route ? answerRoute(route, req, res) : answerFile(base, path, res);
    answer.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  if (upgrade) server.on('upgrade', upgrade);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function answerFile(base: string, path: string, res: ServerResponse): Promise<void> {
  const file = normalize(join(base, decodeURIComponent(path === '/' ? '/index.html' : path)));
  if (!file.startsWith(base + sep) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
    return;
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(await readFile(file));
}

async function answerRoute(
  route: RouteHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
    method: req.method ?? 'GET',
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)] as [string, string]],
    ),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    signal: gone.signal,
    ...(hasBody ? { duplex: 'half' } : {}),
  });
  const response = await route(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeWebStream<Uint8Array>), res).catch(() => {
    // The browser went away: pipeline has cancelled the body, which closes the upstream.
  });
}

/**
 * Bundles `entry` (TypeScript or JavaScript) for the browser as one ES module at `outfile`, as
 * an app's bundler would: `responses-client` resolved by `alias` (the built package, or src).
 */
export async function bundleForBrowser(
  entry: string,
  outfile: string,
  alias: Record<string, string> = {},
): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    alias,
    logLevel: 'warning',
  });
}

/** A page of examples/browser, served with Chromium to open it in. */
export interface ServedExample extends Served {
  readonly browser: Browser;
}

/**
 * Serves one page of `examples/browser/` as an app would ship it: `script` bundled for the
 * browser and `html` copied into a folder of their own, served with `routes` on 127.0.0.1, and
 * Chromium launched; `close()` stops all three and removes the folder.
 */
export async function serveExample(
  { script, html }: { script: string; html: string },
  routes: Record<string, RouteHandler> = {},
): Promise<ServedExample> {
  const example = join(root, 'examples/browser');
  const dir = mkdtempSync(join(tmpdir(), 'browser-example-'));
  await bundleForBrowser(join(example, script), join(dir, script.replace(/\.ts$/, '.js')));
  copyFileSync(join(example, html), join(dir, html));
  const served = await serveDirectory(dir, routes);
  const browser = await launchChromium();
  return {
    url: served.url,
    browser,
    close: async () => {
      await browser.close();
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as `artifacts/<folder>/<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(artifactsDir, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Records every text the element matching `selector` shows from now on, each time the DOM
 * changes (a MutationObserver in the page, so no state is missed between two polls).
 * `states()` gives them in order, the one at the start first.
 */
export async function recordTextStates(
  page: Page,
  selector: string,
): Promise<{ states(): Promise<string[]> }> {
  const key = `__states_${selector.replace(/\W/g, '_')}`;
  await page.evaluate(
    ([selector, key]) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No element matches ${selector}`);
      const states = [element.textContent ?? ''];
      Object.assign(window, { [key]: states });
      new MutationObserver(() => {
        const text = element.textContent ?? '';
        if (text !== states.at(-1)) states.push(text);
      }).observe(element, { childList: true, characterData: true, subtree: true });
    },
    [selector, key] as const,
  );
  return {
    states: () =>
      page.evaluate(
        (key) => [...((window as unknown as Record<string, string[]>)[key] ?? [])],
        key,
      ),
  };
}
