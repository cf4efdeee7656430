/**
 * Run by memory.perf.test.ts in a process of its own (`node --expose-gc --import tsx`), so that
 * the heap it measures holds this stream alone: iterates, through the client and its fetch, the
 * stream a loopback server serves at the URL it is given, never asking for the final response,
 * and prints as JSON how many events came, the heap in use after a full GC at the end (the
 * stream still referenced) less the same at the start, and the peak heap growth while iterating.
 */
import { ResponsesClient } from '../../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const baseURL = process.argv[2] ?? '';

gc();
const start = process.memoryUsage().heapUsed;
let peak = start;
let events = 0;
const client = new ResponsesClient({ baseURL, apiKey: 'x', maxRetries: 0 });
const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
for await (const _event of stream) {
  events++;
  if ((events & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
gc();
const end = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    events,
    growth: end - start,
    peakGrowth: Math.max(peak, end) - start,
    // Read after the measurement, so the stream is held through it, as a caller holding it would.
    held: stream.lastSequenceNumber,
  }),
);
