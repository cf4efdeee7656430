/**
 * `npm run bench`: what a stream costs, against a bare eventsource-parser + JSON.parse loop (the
 * floor) and against openai-node 7.57, in one run:
 * - time: create + iterate and create + final response, on the same bytes served by an in-process
 *   fetch (no socket, so that the client's own work is what is timed);
 * - memory: the heap a 200 MB stream leaves in use when nobody asks for the final response, each
 *   client iterating in a process of its own (bench/stream-memory.ts) a stream served by a
 *   loopback `node:http` server (127.0.0.1).
 * Then `npm run bench` builds the package and runs the cold start (bench/cold-start.ts): import,
 * and import + first create, in fresh processes, against openai-node 7.57.
 *
 *   DELTAS=150000 RUNS=7 MEMORY_MB=200 npm run bench
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { ResponsesClient } from '../src/index.js';
import {
  fetchServing,
  randomChunks,
  syntheticFrames,
  syntheticStream,
} from './synthetic-stream.js';

const deltas = Number(process.env.DELTAS ?? 150_000);
const runs = Number(process.env.RUNS ?? 7);
const memoryMB = Number(process.env.MEMORY_MB ?? 200);
const { body, text } = syntheticStream(deltas);
const chunks = randomChunks(body);
const fetch = fetchServing(chunks);
const baseURL = 'http://127.0.0.1:9/v1';
const params = { model: 'gpt-5-mini', input: 'hi', stream: true } as const;
const openai = () =>
  new OpenAI({ baseURL, apiKey: 'x', fetch: fetch as unknown as typeof globalThis.fetch });

/** Each case returns the text it saw, so that none can skip the work. */
const cases: Record<string, () => Promise<string>> = {
  'floor: eventsource-parser + JSON.parse': async () => {
    const response = await fetch(baseURL, {});
    let seen = '';
    const parser = createParser({
      onEvent: (message) => {
        const event = JSON.parse(message.data);
        if (event.type === 'response.output_text.delta') seen += event.delta;
      },
    });
    const decoder = new TextDecoder();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    return seen;
  },
  'responses-client: create + iterate': async () => {
    const client = new ResponsesClient({ baseURL, fetch });
    let seen = '';
    for await (const event of await client.responses.create(params)) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    return seen;
  },
  'responses-client: create + iterate, validation off': async () => {
    const client = new ResponsesClient({ baseURL, fetch, validateResponses: false });
    let seen = '';
    for await (const event of await client.responses.create(params)) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    return seen;
  },
  'responses-client: create + iterate + finalResponse()': async () => {
    const client = new ResponsesClient({ baseURL, fetch });
    const stream = await client.responses.create(params);
    let seen = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    const final = await stream.finalResponse();
    return final.output_text === seen ? seen : 'finalResponse mismatch';
  },
  'openai-node 7.57: create + iterate': async () => {
    let seen = '';
    for await (const event of await openai().responses.create(params)) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    return seen;
  },
  'openai-node 7.57: responses.stream + iterate + finalResponse()': async () => {
    const stream = openai().responses.stream({ model: 'gpt-5-mini', input: 'hi' });
    let seen = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    const final = await stream.finalResponse();
    return final.output_text === seen ? seen : 'finalResponse mismatch';
  },
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
console.log(
  `Node ${process.version} (openai-node 7.57 declares Node >= 22), ${cpus().length} CPUs, load average ${load()}`,
);

// Time.
const names = Object.keys(cases);
const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
console.log(
  `\n${deltas} deltas, ${(body.length / 1e6).toFixed(1)} MB in ${chunks.length} chunks, ${runs} runs (+1 warm-up), interleaved`,
);
for (let run = -1; run < runs; run++) {
  for (const name of names) {
    const runCase = cases[name] as () => Promise<string>;
    globalThis.gc?.();
    const start = performance.now();
    const seen = await runCase();
    const elapsed = performance.now() - start;
    if (seen !== text)
      throw new Error(`${name} saw different text (${seen.length} vs ${text.length} characters)`);
    if (run >= 0) times[name]?.push(elapsed);
  }
}
const floor = median(times[names[0] as string] as number[]);
console.log(
  '\ncase                                                  median ms   × floor   min–max ms',
);
for (const name of names) {
  const values = times[name] as number[];
  const value = median(values);
  const range = `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  console.log(
    `${name.padEnd(54)}${value.toFixed(1).padStart(9)}${(value / floor).toFixed(2).padStart(10)}   ${range}`,
  );
}
const ratio = (name: string) => median(times[name] as number[]) / floor;
const iterate = ratio('responses-client: create + iterate');
const final = ratio('responses-client: create + iterate + finalResponse()');
console.log(
  `\ntargets: create + iterate ${iterate.toFixed(2)}× floor (≤ 1.30: ${iterate <= 1.3 ? 'met' : 'NOT met'}), create + finalResponse() ${final.toFixed(2)}× (≤ 1.50: ${final <= 1.5 ? 'met' : 'NOT met'})`,
);
console.log(
  `responses-client / openai-node: create + iterate ${(iterate / ratio('openai-node 7.57: create + iterate')).toFixed(2)}×, final response ${(final / ratio('openai-node 7.57: responses.stream + iterate + finalResponse()')).toFixed(2)}×`,
);

// Memory.
const memoryDeltas = Math.ceil((memoryMB * 1e6) / (body.length / deltas));
let served = 0;
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const frames = syntheticFrames(memoryDeltas);
  let bytes = 0;
  const pump = () => {
    for (;;) {
      let batch = '';
      for (let i = 0; i < 256; i++) {
        const next = frames.next();
        if (next.done) {
          served = bytes + Buffer.byteLength(batch);
          res.end(batch);
          return;
        }
        batch += next.value;
      }
      bytes += Buffer.byteLength(batch);
      if (!res.write(batch)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
const probe = fileURLToPath(new URL('./stream-memory.ts', import.meta.url));

/** Runs the memory probe for one client in a process of its own. */
function measure(client: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', probe, client, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last));
      else reject(new Error(`the memory probe of ${client} exited with ${code}: ${output}`));
    });
  });
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1).padStart(10);
console.log(
  `\nmemory: ${memoryDeltas} deltas over loopback node:http, no final response asked, load average ${load()}`,
);
console.log(
  'client                 MB served   heap at start   heap at end (after GC)   growth   peak growth   RSS growth',
);
const growths: Record<string, number> = {};
for (const client of ['responses-client', 'openai-node']) {
  const result = await measure(client);
  const { heapStart = 0, heapEnd = 0, heapPeak = 0, rssGrowth = 0 } = result;
  growths[client] = heapEnd - heapStart;
  console.log(
    `${client.padEnd(22)}${mb(served)}${mb(heapStart).padStart(16)}${mb(heapEnd).padStart(25)}${mb(heapEnd - heapStart).padStart(9)}${mb(heapPeak - heapStart).padStart(14)}${mb(rssGrowth).padStart(13)}`,
  );
}
server.close();
const growth = (growths['responses-client'] ?? 0) / 1e6;
console.log(
  `\ntarget: heap growth ${growth.toFixed(1)} MB (≤ 20 MB: ${growth <= 20 ? 'met' : 'NOT met'}); load average at the end ${load()}`,
);
