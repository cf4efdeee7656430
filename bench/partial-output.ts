/**
 * `npm run bench` (part): partial output. A structured output of about 1 MB (a catalog of a few
 * thousand items) in about 20,000 text deltas, served as OpenAI sends it by an in-process fetch,
 * read through `responses.parse({ stream: true })` three ways in one run:
 * - plain: iterate the events, then `finalResponse()` (the floor);
 * - `partialOutput()`: a snapshot per change, then the same final response;
 * - the AI SDK's partial JSON parser on the same stream: `parsePartialJson` of the whole text so
 *   far on every delta (what its `streamObject` does before it compares the value with the last
 *   one). It re-reads the whole text per delta, so its time grows with the square of the output:
 *   minutes here, so it runs `AI_RUNS` times (default 1; 0 leaves it out).
 *
 * Each case is timed in wall time and in CPU time (this process, all its threads): on a machine
 * shared with other work, the CPU figure is the steadier one.
 *
 *   DELTAS=20000 ITEMS=4100 RUNS=7 AI_RUNS=1 npm run bench
 */
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { parsePartialJson } from 'ai';
import * as z from 'zod/mini';
import { ResponsesClient, zodTextFormat } from '../src/index.js';
import { bodyOf, fetchServing, randomChunks, replyFrames, seeded } from './synthetic-stream.js';

const deltaCount = Number(process.env.DELTAS ?? 20_000);
const itemCount = Number(process.env.ITEMS ?? 4_100);
const runs = Number(process.env.RUNS ?? 7);
const aiRuns = Number(process.env.AI_RUNS ?? 1);

const Catalog = z.object({
  title: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      tags: z.array(z.string()),
      price: z.number(),
      in_stock: z.boolean(),
      description: z.string(),
    }),
  ),
});
type Catalog = z.infer<typeof Catalog>;

/** The output: a catalog whose items are made from a fixed seed. */
function catalog(): Catalog {
  const random = seeded(3);
  const words = [
    'roast',
    'bright',
    'chocolatey',
    'notes',
    'of',
    'citrus',
    'é',
    '☕',
    'and',
    'dusk',
  ];
  const phrase = (length: number) =>
    Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
  return {
    title: 'Autumn catalog',
    items: Array.from({ length: itemCount }, (_, id) => ({
      id,
      name: `${phrase(3)} ${id}`,
      tags: Array.from({ length: 1 + Math.floor(random() * 4) }, () => phrase(1)),
      price: Math.round(random() * 10_000) / 100,
      in_stock: random() < 0.5,
      description: phrase(20 + Math.floor(random() * 10)),
    })),
  };
}

const expected = catalog();
const json = JSON.stringify(expected);
const size = Math.ceil(json.length / deltaCount);
const { body, text } = bodyOf(
  replyFrames(Math.ceil(json.length / size), (index) =>
    json.slice(index * size, (index + 1) * size),
  ),
);
if (text !== json) throw new Error('the stream does not carry the catalog');
const chunks = randomChunks(body);
const fetch = fetchServing(chunks);
const client = new ResponsesClient({ baseURL: 'http://127.0.0.1:9/v1', fetch });
const format = zodTextFormat(Catalog, 'catalog');
const open = () =>
  client.responses.parse({ model: 'gpt-5-mini', input: 'hi', text: { format }, stream: true });

/** What a case saw: how many snapshots, the last one, and the parsed output. */
interface Seen {
  snapshots: number;
  last: unknown;
  parsed: unknown;
}

const cases: Record<string, () => Promise<Seen>> = {
  'plain: iterate + finalResponse()': async () => {
    const stream = await open();
    let characters = 0;
    for await (const event of stream)
      if (event.type === 'response.output_text.delta') characters += event.delta.length;
    const parsed = (await stream.finalResponse()).output_parsed;
    return { snapshots: characters === json.length ? 0 : -1, last: parsed, parsed };
  },
  'partialOutput() + finalResponse()': async () => {
    const stream = await open();
    let snapshots = 0;
    let last: unknown;
    for await (const snapshot of stream.partialOutput()) {
      snapshots += 1;
      last = snapshot;
    }
    return { snapshots, last, parsed: (await stream.finalResponse()).output_parsed };
  },
  'AI SDK 6 parsePartialJson per delta + finalResponse()': async () => {
    const stream = await open();
    let snapshots = 0;
    let last: unknown;
    let sofar = '';
    for await (const event of stream) {
      if (event.type !== 'response.output_text.delta') continue;
      sofar += event.delta;
      const { value } = await parsePartialJson(sofar);
      if (value === undefined) continue;
      snapshots += 1;
      last = value;
    }
    return { snapshots, last, parsed: (await stream.finalResponse()).output_parsed };
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
  `\npartial output: ${(json.length / 1e6).toFixed(2)} MB of JSON (${itemCount} items) in ${Math.ceil(
    json.length / size,
  )} deltas, ${(body.length / 1e6).toFixed(1)} MB of SSE; ${runs} runs (+1 warm-up) interleaved, the AI SDK ${aiRuns}; Node ${process.version}, ${cpus().length} CPUs, load average ${load()}`,
);
const names = Object.keys(cases).filter((name) => aiRuns > 0 || !name.startsWith('AI SDK'));
/** Per case, each run's wall time and CPU time (this process, every thread), in ms. */
const wall: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const cpu: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const snapshots: Record<string, number> = {};
for (let run = -1; run < runs; run++) {
  for (const name of names) {
    // The AI SDK's case takes minutes: it runs `aiRuns` times, with no warm-up.
    if (name.startsWith('AI SDK') && (run < 0 || run >= aiRuns)) continue;
    // No forced GC between cases: a full GC shrinks the heap, and the case after it pays for
    // growing it again (it tripled the plain case's time here). The cases run interleaved.
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const seen = await (cases[name] as () => Promise<Seen>)();
    const elapsed = performance.now() - start;
    const { user, system } = process.cpuUsage(cpuStart);
    if (seen.snapshots < 0 || !isDeepStrictEqual(seen.parsed, expected))
      throw new Error(`${name} did not read the whole output`);
    if (!isDeepStrictEqual(seen.last, expected))
      throw new Error(`${name}: its last snapshot is not the output`);
    snapshots[name] = seen.snapshots;
    if (run < 0) continue;
    wall[name]?.push(elapsed);
    cpu[name]?.push((user + system) / 1000);
  }
}

const plain = names[0] as string;
const ratio = (times: Record<string, number[]>, name: string) =>
  median(times[name] ?? []) / median(times[plain] ?? []);
console.log(
  '\ncase                                                   median ms   × plain    CPU ms   × plain   snapshots',
);
for (const name of names) {
  console.log(
    `${name.padEnd(54)}${median(wall[name] ?? [])
      .toFixed(1)
      .padStart(10)}${ratio(wall, name).toFixed(2).padStart(10)}${median(cpu[name] ?? [])
      .toFixed(1)
      .padStart(
        10,
      )}${ratio(cpu, name).toFixed(2).padStart(10)}${String(snapshots[name]).padStart(12)}`,
  );
}
const partial = 'partialOutput() + finalResponse()';
const ai = 'AI SDK 6 parsePartialJson per delta + finalResponse()';
const met = (value: number) => `${value.toFixed(2)}× (${value <= 2 ? 'met' : 'NOT met'})`;
const versus =
  aiRuns > 0
    ? `; the AI SDK's parser ${ratio(wall, ai).toFixed(0)}× plain, ${(median(wall[ai] ?? []) / median(wall[partial] ?? [])).toFixed(0)}× partialOutput()`
    : '';
console.log(
  `\ntarget: partialOutput() ≤ 2× plain iteration: ${met(ratio(wall, partial))} in time, ${met(ratio(cpu, partial))} in CPU${versus}; load average at the end ${load()}`,
);
