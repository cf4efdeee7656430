/**
 * Run by bench/stream.ts in a process of its own (`node --expose-gc --import tsx`), one client at
 * a time, so that the heap it measures holds that client's stream alone: iterates the stream at
 * `url` (a loopback server, bench/stream.ts) with `responses-client` or `openai-node`, never asks
 * for the final response, and prints as JSON the heap in use after a full GC at the start and at
 * the end (the stream still referenced, as an app that may call `finalResponse()` later holds it),
 * the peak heap in use while iterating, and how far RSS rose.
 *
 *   node --expose-gc --import tsx bench/stream-memory.ts responses-client http://127.0.0.1:PORT/v1
 */
import OpenAI from 'openai';
import { ResponsesClient } from '../src/index.js';

const [client = 'responses-client', baseURL = ''] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const params = { model: 'gpt-5-mini', input: 'hi', stream: true } as const;

/** Opens the stream with the client named on the command line. */
async function open(): Promise<AsyncIterable<{ type: unknown }>> {
  if (client === 'openai-node') {
    return new OpenAI({ baseURL, apiKey: 'x', maxRetries: 0 }).responses.create(params);
  }
  return new ResponsesClient({ baseURL, apiKey: 'x', maxRetries: 0 }).responses.create(params);
}

gc();
const start = process.memoryUsage();
let peakHeap = start.heapUsed;
let peakRss = start.rss;
let events = 0;
const stream = await open();
for await (const _event of stream) {
  events++;
  if ((events & 0x3fff) === 0) {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }
}
gc();
const end = process.memoryUsage();
console.log(
  JSON.stringify({
    client,
    events,
    // Keeps the stream referenced up to the measurement above, as a caller holding it does.
    held: stream !== undefined,
    heapStart: start.heapUsed,
    heapEnd: end.heapUsed,
    heapPeak: Math.max(peakHeap, end.heapUsed),
    rssGrowth: Math.max(peakRss, end.rss) - start.rss,
  }),
);
