import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDialect } from '../../src/dialects/index.js';
import { ResponseAccumulator } from '../../src/dialects/response-accumulator.js';
import { StreamError } from '../../src/errors.js';
import { envelopeValidation } from '../../src/schemas/index.js';
import { outputText } from '../../src/stream/output-text.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { corpusCases, dialectOf } from '../corpus/corpus.js';
import { recordedDir, recordedFiles } from '../fixtures/recorded.js';
import { bodyOf, cutAt } from '../helpers/streams.js';

type Json = Record<string, unknown>;

/** The Responses streams among the recordings (chat-completion ones are left out), as raw bytes. */
function recordedStreams(): { name: string; bytes: Uint8Array }[] {
  const encoder = new TextEncoder();
  const streams: { name: string; bytes: Uint8Array }[] = [];
  for (const file of recordedFiles()) {
    const text = readFileSync(join(recordedDir, file), 'utf8');
    if (text.includes('chat.completion.chunk')) continue;
    if (file.endsWith('.sse')) streams.push({ name: file, bytes: encoder.encode(text) });
    if (!file.endsWith('.chunks.txt')) continue;
    // A chunks file may hold several streams in a row: each starts at its response.created.
    let frames: string[] = [];
    const flush = () => {
      if (frames.length)
        streams.push({
          name: `${file}#${streams.filter((s) => s.name.startsWith(file)).length + 1}`,
          bytes: encoder.encode(frames.join('')),
        });
      frames = [];
    };
    for (const line of text.split('\n').filter((l) => l.trim())) {
      const type = (JSON.parse(line) as Json).type as string;
      if (type === 'response.created') flush();
      frames.push(`event: ${type}\ndata: ${line}\n\n`);
    }
    flush();
  }
  return streams;
}

const streams = recordedStreams();

async function replay(
  chunks: readonly Uint8Array[],
): Promise<{ events: Json[]; failure: unknown }> {
  const events: Json[] = [];
  try {
    for await (const event of new ResponseStream({ body: bodyOf(chunks) }))
      events.push(event as Json);
    return { events, failure: undefined };
  } catch (failure) {
    return { events, failure };
  }
}

/** What a server mints anew for each snapshot (rotated ids, re-encrypted reasoning): no client can reproduce it. */
const minted = new Set(['id', 'encrypted_content']);
const withoutIds = (items: unknown) =>
  JSON.parse(JSON.stringify(items, (key, value) => (minted.has(key) ? undefined : value)));

describe('recorded streams', () => {
  it('include the Responses streams of every server captured', () => {
    expect(streams.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(streams)('$name', ({ bytes }) => {
    it('replays whole to events that end in a terminal event or the error the server sent', async () => {
      const { events, failure } = await replay([bytes]);
      expect(events.length).toBeGreaterThan(0);
      const last = events.at(-1)?.type as string;
      if (failure) expect((failure as Error).name).toBe('StreamError');
      else expect(['response.completed', 'response.incomplete', 'response.failed']).toContain(last);
    });

    it('replays byte by byte to the same events', async () => {
      const whole = await replay([bytes]);
      const oneByOne = await replay(
        Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1)),
      );
      expect(oneByOne.events).toEqual(whole.events);
      expect(String(oneByOne.failure)).toBe(String(whole.failure));
    });

    it('replays in any random chunking to the same events', async () => {
      const whole = await replay([bytes]);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (offsets) => {
          const chunked = await replay(cutAt(bytes, offsets));
          expect(chunked.events).toEqual(whole.events);
        }),
        { numRuns: 15, seed: 20261121 },
      );
    });

    it('rebuilds from the deltas alone the output that response.completed carries', async () => {
      const { events } = await replay([bytes]);
      const accumulator = new ResponseAccumulator();
      for (const event of events) accumulator.add(event as never);
      const terminal = events.find(
        (e) => e.type === 'response.completed' || e.type === 'response.incomplete',
      );
      const expected = (terminal?.response as Json | undefined)?.output;
      if (!Array.isArray(expected) || expected.length === 0) return;
      expect(withoutIds(accumulator.builtOutput())).toEqual(withoutIds(expected));
    });
  });
});

/** The terminal event of a stream's data lines, as the server sent it. */
function terminalOf(data: readonly string[]): Json | undefined {
  const terminals = data
    .map((line) => JSON.parse(line) as Json)
    .filter((event) =>
      ['response.completed', 'response.incomplete', 'response.failed'].includes(
        event.type as string,
      ),
    );
  return terminals.at(-1);
}

/** The `data:` payloads of an SSE body, `[DONE]` left out. */
const dataOf = (bytes: Uint8Array) =>
  new TextDecoder()
    .decode(bytes)
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter((data) => data !== '' && data !== '[DONE]');

/** Every Responses stream recorded: the shared recordings and the corpus, with the dialect a user of that server picks. */
const everyStream = [
  ...streams.map(({ name, bytes }) => ({ name, bytes, dialect: 'openai' as const })),
  ...corpusCases()
    .filter((c) => c.api === 'responses' && c.response.sse !== undefined)
    .map((c) => ({
      name: c.id,
      bytes: new TextEncoder().encode(c.response.sse),
      dialect: dialectOf(c),
    })),
];

describe('finalResponse() on every recorded Responses stream', () => {
  it('covers the shared recordings and the corpus', () => {
    expect(everyStream.length).toBeGreaterThanOrEqual(50);
  });

  it.each(everyStream)(
    '$name: is the response of the terminal event as the server sent it, with output_text',
    async ({ bytes, dialect }) => {
      const terminal = terminalOf(dataOf(bytes));
      const normalize = (await resolveDialect(dialect).load()).eventNormalizer();
      const stream = new ResponseStream({
        body: bodyOf([bytes]),
        decoding: { normalize, validate: envelopeValidation.event },
      });
      if (terminal === undefined || terminal.type === 'response.failed') {
        await expect(stream.finalResponse()).rejects.toBeInstanceOf(StreamError);
        return;
      }
      const response = terminal.response as Json & { output: unknown[] };
      const final = await stream.finalResponse();
      expect(response.output.length).toBeGreaterThan(0);
      expect(final).toEqual({ ...response, output_text: outputText(response.output) });
    },
  );
});
