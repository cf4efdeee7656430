import { describe, expect, it } from 'vitest';
import { APITimeoutError } from '../../src/errors.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { textStreamFrames } from '../helpers/streams.js';

/**
 * A body whose chunks are enqueued one at a time, by hand, recording the order of things. The
 * stream cancels it at its terminal event: `cancelled` says so, and `close` after that is a no-op.
 */
function dripBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  const encoder = new TextEncoder();
  return {
    body,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => {
      if (!cancelled) controller.close();
    },
    cancelled: () => cancelled,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ResponseStream latency', () => {
  it('yields each event as soon as its last byte has arrived, before the next chunk is enqueued', async () => {
    const frames = textStreamFrames(['a', 'b', 'c', 'd']);
    const { body, push, close, cancelled } = dripBody();
    const log: string[] = [];
    const consumer = (async () => {
      for await (const event of new ResponseStream({ body }))
        log.push(`observed ${String(event.type)}`);
    })();
    for (const [n, frame] of frames.entries()) {
      // Split each frame so that its last byte comes in a chunk of its own.
      push(frame.slice(0, -1));
      await tick();
      expect(log.filter((line) => line.startsWith('observed'))).toHaveLength(n);
      push(frame.slice(-1));
      log.push(`enqueued ${n}`);
      await tick();
      expect(log.at(-1)).toMatch(/^observed/);
    }
    await consumer;
    expect(log.filter((line) => line.startsWith('observed'))).toHaveLength(frames.length);
    // The loop ended at the terminal event, with the body cancelled: no close was needed.
    expect(cancelled()).toBe(true);
    close();
  });

  it('never cuts a slow, steady stream whose gaps stay under the idle timeout', async () => {
    const frames = textStreamFrames(Array.from({ length: 12 }, (_, i) => `${i} `));
    const { body, push, close } = dripBody();
    const stream = new ResponseStream({ body, idleTimeout: 60 });
    const done = stream.finalResponse();
    for (const frame of frames) {
      push(frame);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    close();
    // 12 + 2 events at 25 ms: the whole stream takes ~350 ms, far past the 60 ms idle timeout.
    expect((await done).output_text).toBe('0 1 2 3 4 5 6 7 8 9 10 11 ');
  });

  it('cuts a stream that stalls past the idle timeout with APITimeoutError', async () => {
    const { body, push } = dripBody();
    const stream = new ResponseStream({ body, idleTimeout: 40 });
    push(textStreamFrames(['a'])[0] ?? '');
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APITimeoutError);
  });
});
