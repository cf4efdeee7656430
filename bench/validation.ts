/**
 * What validation costs per event: `npx tsx bench/validation.ts`.
 * Compares JSON.parse alone with JSON.parse + the full event union (zod/mini), on a
 * `response.output_text.delta` (~150 bytes) and on a large `response.completed` from a recording.
 * Prints medians over repeated runs and ratios to JSON.parse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStreamEvent, ResponseStreamEventSchema } from '../src/schemas/index.js';

const fixtures = join(import.meta.dirname, '../test/fixtures/recorded');
const delta = JSON.stringify({
  type: 'response.output_text.delta',
  sequence_number: 42,
  item_id: 'msg_0953eda47ee17412006933306199c88195b44f9cf2986e1d5b',
  output_index: 1,
  content_index: 0,
  delta: ' roasts',
  logprobs: [],
});
const completed =
  readFileSync(join(fixtures, 'openai-web-search-tool.1.chunks.txt'), 'utf8')
    .split('\n')
    .find((line) => line.includes('"type":"response.completed"')) ?? '';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
/** Nanoseconds per call of `fn`, median of `runs` runs of `n` calls. */
function measure(fn: () => unknown, n: number, runs = 15): number {
  for (let i = 0; i < n; i++) fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / n);
  }
  return median(times);
}

function row(name: string, text: string, n: number): void {
  const parsed = JSON.parse(text);
  const parse = measure(() => JSON.parse(text), n);
  const validate = measure(() => ResponseStreamEventSchema.safeParse(parsed), n);
  const both = measure(() => ResponseStreamEventSchema.safeParse(JSON.parse(text)), n);
  const fast = measure(() => parseStreamEvent(parsed), n);
  const fastBoth = measure(() => parseStreamEvent(JSON.parse(text)), n);
  console.log(
    `${name.padEnd(26)} ${String(text.length).padStart(6)} B  JSON.parse ${parse.toFixed(0).padStart(7)} ns` +
      `  validate ${validate.toFixed(0).padStart(7)} ns  parse+validate ${both.toFixed(0).padStart(7)} ns` +
      `  ratio ${(both / parse).toFixed(2)}x\n${''.padEnd(36)}parseStreamEvent ${fast.toFixed(0).padStart(7)} ns` +
      `  JSON.parse+parseStreamEvent ${fastBoth.toFixed(0).padStart(7)} ns  ratio ${(fastBoth / parse).toFixed(2)}x`,
  );
}

if (!ResponseStreamEventSchema.safeParse(JSON.parse(completed)).success) {
  throw new Error('the response.completed sample does not validate');
}
console.log(`node ${process.version}; zod/mini; medians of 15 runs`);
row('response.output_text.delta', delta, 200_000);
row('response.completed (large)', completed, 2_000);
