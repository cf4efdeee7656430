import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';

const loaded = vi.hoisted(() => ({ api: false }));
vi.mock('@opentelemetry/api', () => {
  loaded.api = true;
  return {};
});

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

describe('the main entry and @opentelemetry/api', () => {
  it('reaches no module of @opentelemetry/api, not even through import()', async () => {
    const result = await build({
      entryPoints: [src('index.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      outdir: '/virtual',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The walk went through the lazy modules too (the instrumentation, the WebSocket transport).
    expect(inputs.some((input) => input.endsWith('observe/observer.ts'))).toBe(true);
    expect(inputs.some((input) => input.endsWith('websocket/create.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('@opentelemetry'))).toEqual([]);
  });

  it('does not load it while requests, streams, turns and tools run with hooks and logs', async () => {
    const { ResponsesClient } = await import('../../src/index.js');
    const { createFakeServer } = await import('../../src/testing/index.js');
    const server = createFakeServer({
      turns: [
        { type: 'function_call', calls: [{ name: 'now', arguments: {}, callId: 'c' }] },
        'Done.',
        'Streamed.',
      ],
    });
    const client = new ResponsesClient({
      fetch: server.fetch,
      baseURL: server.baseURL,
      apiKey: 'sk-test',
      logLevel: 'debug',
      logger: { error() {}, warn() {}, info() {}, debug() {} },
      hooks: { onRequest() {}, onResponse() {} },
    });
    const chat = client.conversation({
      model: 'm',
      tools: { now: { parameters: z.object({}), execute: () => 'noon' } },
    });
    await chat.send('Time?');
    const stream = await client.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const _ of stream);
    expect(loaded.api).toBe(false);
    // The mock is live: importing the telemetry entry does load it.
    await import('../../src/otel/index.js').catch(() => undefined);
    expect(loaded.api).toBe(true);
  });
});
