import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { echo } from './setup.js';

const script = fileURLToPath(new URL('./exits.ts', import.meta.url));

/** Runs exits.ts; resolves with whether it exited by itself within `bound` ms, and its output. */
function run(
  args: string[],
  bound: number,
): Promise<{ exited: boolean; code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ exited: false, code: null, out });
    }, bound);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ exited: true, code, out });
    });
  });
}

describe('WebSocket transport: nothing keeps the process alive', () => {
  it('after client.close()', { timeout: 30_000 }, async () => {
    const server = await echo();
    const result = await run([server.baseURL, 'close'], 20_000);
    expect(result).toMatchObject({ exited: true, code: 0 });
    expect(result.out).toContain('done');
  });

  it('while a ws socket is idle, without close()', { timeout: 30_000 }, async () => {
    const server = await echo();
    const result = await run([server.baseURL, 'idle'], 20_000);
    expect(result).toMatchObject({ exited: true, code: 0 });
    expect(server.connections).toBe(1);
  });

  it('while a conversation holds its ws socket between turns', { timeout: 30_000 }, async () => {
    const server = await echo();
    const result = await run([server.baseURL, 'conversation'], 20_000);
    expect(result).toMatchObject({ exited: true, code: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('after close() with a WHATWG WebSocket (undici, as Node 22+ has)', {
    timeout: 30_000,
  }, async () => {
    const server = await echo();
    const result = await run([server.baseURL, 'close', 'undici'], 20_000);
    expect(result).toMatchObject({ exited: true, code: 0 });
    expect(server.authorizations).toEqual(['Bearer sk-test']);
  });
});

describe('WebSocket transport: a WHATWG socket, which cannot be unref()ed', () => {
  it('is closed once idle for a few seconds, so that a script ends without close()', {
    timeout: 30_000,
  }, async () => {
    const server = await echo();
    const result = await run([server.baseURL, 'idle', 'undici'], 20_000);
    expect(result).toMatchObject({ exited: true, code: 0 });
    expect(server.sockets[0]?.readyState).toBe(3);
  });
});
