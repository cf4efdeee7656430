/**
 * Run by memory.perf.test.ts in a process of its own (`node --expose-gc --import tsx`), so that what
 * it measures is this stream alone: iterates a 200+ MB stream made on the fly and prints, as
 * JSON, how many bytes and events went through and how far RSS rose above where it started.
 */
import { ResponseStream } from '../../src/stream/response-stream.js';

const deltas = Number(process.argv[2] ?? 800_000);
const encoder = new TextEncoder();
const at = { item_id: 'msg_0123456789abcdef0123456789abcdef', output_index: 0, content_index: 0 };
const frame = (event: Record<string, unknown>) =>
  `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;
const response = (status: string) => ({ id: 'resp_big', object: 'response', status, output: [] });
const padding = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789';

let sent = 0;
let bytes = 0;
const body = new ReadableStream<Uint8Array>({
  pull(controller) {
    let text =
      sent === 0
        ? frame({ type: 'response.created', sequence_number: 0, response: response('in_progress') })
        : '';
    for (let i = 0; i < 500 && sent < deltas; i++, sent++) {
      const delta = `word${sent % 97} `;
      text += frame({
        type: 'response.output_text.delta',
        sequence_number: sent + 1,
        ...at,
        delta,
        logprobs: [],
        obfuscation: padding,
      });
    }
    if (sent >= deltas)
      text += frame({
        type: 'response.completed',
        sequence_number: deltas + 1,
        response: response('completed'),
      });
    bytes += text.length;
    controller.enqueue(encoder.encode(text));
    if (sent >= deltas) controller.close();
  },
});

(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
let peak = before;
let events = 0;
for await (const _ of new ResponseStream({ body })) {
  events++;
  if ((events & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ bytes, events, growth: peak - before }));
