import { describe, expect, it } from 'vitest';
import { ResponseStream } from '../../src/stream/response-stream.js';

/** A body of `deltas` text-delta events made on the fly, so that the source itself holds nothing. */
function generatedBody(deltas: number): { body: ReadableStream<Uint8Array>; bytes: () => number } {
  const encoder = new TextEncoder();
  const at = { item_id: 'msg_0123456789abcdef0123456789abcdef', output_index: 0, content_index: 0 };
  let sent = 0;
  let bytes = 0;
  const frame = (event: Record<string, unknown>) =>
    `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;
  const response = (status: string) => ({ id: 'resp_big', object: 'response', status, output: [] });
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      if (sent === 0)
        text += frame({
          type: 'response.created',
          sequence_number: 0,
          response: response('in_progress'),
        });
      for (let i = 0; i < 500 && sent < deltas; i++, sent++) {
        text += frame({
          type: 'response.output_text.delta',
          sequence_number: sent + 1,
          ...at,
          delta: `word${sent % 97} `,
          logprobs: [],
          obfuscation: 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789',
        });
      }
      if (sent >= deltas) {
        text += frame({
          type: 'response.completed',
          sequence_number: deltas + 1,
          response: response('completed'),
        });
        controller.enqueue(encoder.encode(text));
        bytes += text.length;
        controller.close();
        return;
      }
      bytes += text.length;
      controller.enqueue(encoder.encode(text));
    },
  });
  return { body, bytes: () => bytes };
}

describe('ResponseStream memory', () => {
  it('iterates a 200 MB stream with RSS growing by less than 80 MB', {
    timeout: 60_000,
  }, async () => {
    const { body, bytes } = generatedBody(800_000);
    const before = process.memoryUsage().rss;
    let peak = before;
    let events = 0;
    for await (const event of new ResponseStream({ body })) {
      events++;
      if ((events & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
      if (event.type === 'response.completed') break;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(bytes()).toBeGreaterThan(200e6);
    expect(events).toBe(800_002);
    expect((peak - before) / 1e6).toBeLessThan(80);
  });
});
