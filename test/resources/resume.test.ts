import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, ResponsesClient, StreamError } from '../../src/index.js';
import { recordedDir } from '../fixtures/recorded.js';

const first = readFileSync(
  join(recordedDir, 'test_background_mode_streaming_starting_after_vcr.1.sse'),
  'utf8',
);
const resumed = readFileSync(
  join(recordedDir, 'test_background_mode_streaming_starting_after_vcr.2.sse'),
  'utf8',
);

/** The frames of a raw SSE body, each with its `sequence_number`. */
const framesOf = (sse: string) =>
  sse
    .split(/\n\n/)
    .filter((frame) => frame.includes('data:'))
    .map((frame) => ({
      frame: `${frame}\n\n`,
      sequence: Number(/"sequence_number":(\d+)/.exec(frame)?.[1]),
    }));

/** A body that sends `frames`, then breaks off like a dropped connection (or ends, if `drop` is false). */
function body(frames: string[], drop: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const frame = frames[next++];
      if (frame !== undefined) controller.enqueue(encoder.encode(frame));
      else if (drop) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

/** A server whose first stream drops after `cut` events; its resume endpoint serves the recorded resumption. */
function droppingServer(cut: number, resumesAlsoDrop = false) {
  const requests: string[] = [];
  const fetch = async (input: string) => {
    requests.push(input);
    const url = new URL(input);
    const headers = { 'content-type': 'text/event-stream' };
    if (url.searchParams.get('stream') !== 'true') {
      return new Response(
        body(
          framesOf(first)
            .slice(0, cut)
            .map((f) => f.frame),
          true,
        ),
        { headers },
      );
    }
    // The server replays from its recording: possibly from before starting_after, which the client must skip.
    const after = Number(url.searchParams.get('starting_after'));
    const frames = framesOf(resumed)
      .filter((f) => f.sequence > after - 3)
      .map((f) => f.frame);
    return new Response(body(resumesAlsoDrop ? frames.slice(0, 2) : frames, resumesAlsoDrop), {
      headers,
    });
  };
  return { fetch, requests };
}

describe('responses.create with autoResume', () => {
  it('resumes a dropped background stream from the last sequence number, with no event twice', async () => {
    const server = droppingServer(8);
    const client = new ResponsesClient({ baseURL: 'https://api.test/v1', fetch: server.fetch });
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true, background: true },
      { autoResume: true },
    );
    const sequences: number[] = [];
    let text = '';
    for await (const event of stream) {
      sequences.push(Number((event as { sequence_number?: number }).sequence_number));
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(sequences).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(text).toBe('2 + 2 equals 4.');
    expect(server.requests[1]).toContain('/responses/resp_');
    expect(new URL(server.requests[1] ?? '').searchParams.get('starting_after')).toBe('7');
    expect((await stream.finalResponse()).output_text).toBe('2 + 2 equals 4.');
  });

  it('gives up with the original error after maxRetries resumes that drop too', async () => {
    const server = droppingServer(8, true);
    const client = new ResponsesClient({
      baseURL: 'https://api.test/v1',
      fetch: server.fetch,
      maxRetries: 2,
    });
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true, background: true },
      { autoResume: true },
    );
    const failure = await stream.finalResponse().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(APIConnectionError);
    expect((failure as Error).cause).toMatchObject({ message: 'terminated' });
    expect(server.requests).toHaveLength(3);
  });

  it('does not resume unless asked, and says the stream broke off', async () => {
    const server = droppingServer(8);
    const client = new ResponsesClient({ baseURL: 'https://api.test/v1', fetch: server.fetch });
    const stream = await client.responses.create({
      model: 'm',
      input: 'hi',
      stream: true,
      background: true,
    });
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a stream that ends early without a drop as StreamError when there is nothing to resume', async () => {
    const client = new ResponsesClient({
      baseURL: 'https://api.test/v1',
      fetch: async () =>
        new Response(
          body(
            framesOf(first)
              .slice(0, 5)
              .map((f) => f.frame),
            false,
          ),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    });
    const stream = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { autoResume: true },
    );
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(StreamError);
  });
});

describe('responses.retrieve with stream: true', () => {
  it('resumes a stream that has no response.created, knowing its id from the call', async () => {
    const client = new ResponsesClient({
      baseURL: 'https://api.test/v1',
      fetch: async () =>
        new Response(
          body(
            framesOf(resumed)
              .slice(4)
              .map((f) => f.frame),
            false,
          ),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    });
    const stream = await client.responses.retrieve('resp_x', { stream: true, starting_after: 4 });
    const response = await stream.finalResponse();
    expect(response.output_text).toBe('2 + 2 equals 4.');
    expect(stream.lastSequenceNumber).toBe(16);
  });
});
