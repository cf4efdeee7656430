import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
const deltas = 800_000;
const at = { item_id: 'msg_0123456789abcdef0123456789abcdef', output_index: 0, content_index: 0 };
const padding = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The frames of a text answer as OpenAI sends it: `deltas` deltas of about 250 bytes each, then
 * the done events and a terminal response that carry the whole text. Made one batch at a time.
 */
function* frames(): Generator<string> {
  let sequence = 0;
  const frame = (event: Record<string, unknown>) =>
    `event: ${String(event.type)}\ndata: ${JSON.stringify({ ...event, sequence_number: sequence++ })}\n\n`;
  const response = (status: string, output: unknown[]) => ({
    id: 'resp_big',
    object: 'response',
    status,
    output,
  });
  yield frame({ type: 'response.created', response: response('in_progress', []) });
  const message = { type: 'message', id: at.item_id, role: 'assistant', status: 'in_progress' };
  yield frame({
    type: 'response.output_item.added',
    output_index: 0,
    item: { ...message, content: [] },
  });
  const pieces: string[] = [];
  for (let batch = 0; batch < deltas; batch += 500) {
    let text = '';
    for (let i = batch; i < Math.min(deltas, batch + 500); i++) {
      const delta = `word${i % 97} `;
      pieces.push(delta);
      text += frame({
        type: 'response.output_text.delta',
        ...at,
        delta,
        logprobs: [],
        obfuscation: padding,
      });
    }
    yield text;
  }
  const part = { type: 'output_text', text: pieces.join(''), annotations: [] };
  textLength = part.text.length;
  const item = { ...message, status: 'completed', content: [part] };
  yield frame({ type: 'response.output_text.done', ...at, text: part.text, logprobs: [] });
  yield frame({ type: 'response.content_part.done', ...at, part });
  yield frame({ type: 'response.output_item.done', output_index: 0, item });
  yield frame({ type: 'response.completed', response: response('completed', [item]) });
}

let server: Server;
let baseURL = '';
let served = 0;
/** The length of the whole text, which the terminal response carries (one byte a character). */
let textLength = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const source = frames();
    const pump = () => {
      for (let next = source.next(); !next.done; next = source.next()) {
        served += Buffer.byteLength(next.value);
        if (!res.write(next.value)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs the probe in a process of its own (so that no other test's memory is counted). */
function runProbe(): Promise<{ events: number; growth: number; peakGrowth: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', probe, baseURL], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 55_000,
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString('utf8');
    });
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the memory probe exited with ${code}: ${output}`));
      else resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '{}'));
    });
  });
}

describe('ResponseStream memory', () => {
  it('iterates a 200 MB stream from a loopback server holding no state per delta: when nobody asks for the final response, the heap keeps the terminal response and little else', {
    timeout: 60_000,
  }, async () => {
    const { events, growth, peakGrowth } = await runProbe();
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(`heap growth ${mb(growth)}, peak ${mb(peakGrowth)}, text ${mb(textLength)}`);
    expect(served).toBeGreaterThan(200e6);
    expect(events).toBe(deltas + 6);
    expect(growth / 1e6).toBeLessThan(20);
    // One copy of the text (the terminal response's), not one more per delta-built item or part.
    expect(growth).toBeLessThan(textLength + 5e6);
  });
});
