/**
 * `npm run bench`: what iterating a stream costs, against a bare eventsource-parser + JSON.parse
 * loop (the floor) and against openai-node, in one run, on the same bytes.
 *
 *   DELTAS=150000 RUNS=7 npm run bench
 */
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { ResponsesClient } from '../src/index.js';
import { fetchServing, randomChunks, syntheticStream } from './synthetic-stream.js';

const deltas = Number(process.env.DELTAS ?? 150_000);
const runs = Number(process.env.RUNS ?? 7);
const { body, text } = syntheticStream(deltas);
const chunks = randomChunks(body);
const fetch = fetchServing(chunks);
const baseURL = 'http://127.0.0.1:9/v1';
const params = { model: 'gpt-5-mini', input: 'hi', stream: true } as const;

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
      if (event.type === 'response.output_text.delta') seen += (event as { delta: string }).delta;
    }
    return seen;
  },
  'responses-client: create + iterate, validation off': async () => {
    const client = new ResponsesClient({ baseURL, fetch, validateResponses: false });
    let seen = '';
    for await (const event of await client.responses.create(params)) {
      if (event.type === 'response.output_text.delta') seen += (event as { delta: string }).delta;
    }
    return seen;
  },
  'responses-client: + finalResponse()': async () => {
    const client = new ResponsesClient({ baseURL, fetch });
    const stream = await client.responses.create(params);
    let seen = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') seen += (event as { delta: string }).delta;
    }
    const final = await stream.finalResponse();
    return final.output_text === seen ? seen : 'finalResponse mismatch';
  },
  'openai-node 7.57: create + iterate': async () => {
    const client = new OpenAI({
      baseURL,
      apiKey: 'x',
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    let seen = '';
    for await (const event of await client.responses.create(params)) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    return seen;
  },
  'openai-node 7.57: responses.stream + finalResponse()': async () => {
    const client = new OpenAI({
      baseURL,
      apiKey: 'x',
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const stream = client.responses.stream({ model: 'gpt-5-mini', input: 'hi' });
    let seen = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') seen += event.delta;
    }
    await stream.finalResponse();
    return seen;
  },
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const names = Object.keys(cases);
const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const peaks: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));

console.log(
  `${deltas} deltas, ${(body.length / 1e6).toFixed(1)} MB in ${chunks.length} chunks, ${runs} runs (+1 warm-up), interleaved`,
);
for (let run = -1; run < runs; run++) {
  for (const name of names) {
    const runCase = cases[name] as () => Promise<string>;
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const start = performance.now();
    const seen = await runCase();
    const elapsed = performance.now() - start;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (seen !== text)
      throw new Error(`${name} saw different text (${seen.length} vs ${text.length} characters)`);
    if (run >= 0) {
      times[name]?.push(elapsed);
      peaks[name] = Math.max(peaks[name] ?? 0, peak - before);
    }
  }
}

const floor = median(times[names[0] as string] as number[]);
const ours = median(times[names[1] as string] as number[]);
console.log(
  '\ncase                                                  median ms   × floor   peak RSS +MB',
);
for (const name of names) {
  const value = median(times[name] as number[]);
  console.log(
    `${name.padEnd(54)}${value.toFixed(1).padStart(9)}${(value / floor).toFixed(2).padStart(10)}${((peaks[name] ?? 0) / 1e6).toFixed(0).padStart(14)}`,
  );
}
const openaiIterate = median(times['openai-node 7.57: create + iterate'] as number[]);
console.log(
  `\nresponses-client create + iterate / openai-node create + iterate: ${(ours / openaiIterate).toFixed(2)}×`,
);
