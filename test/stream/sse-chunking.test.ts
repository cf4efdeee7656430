import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventSourceMessage, SSEReader } from '../../src/stream/sse.js';
import { bodyOf, cutAt } from '../helpers/streams.js';

/** Reads every message of a body through SSEReader, as the streams do. */
async function readAll(chunks: readonly Uint8Array[]): Promise<EventSourceMessage[]> {
  const reader = new SSEReader(bodyOf(chunks));
  const messages: EventSourceMessage[] = [];
  for (;;) {
    for (let message = reader.take(); message; message = reader.take()) messages.push(message);
    if (!(await reader.fill())) break;
  }
  for (let message = reader.take(); message; message = reader.take()) messages.push(message);
  return messages;
}

const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', 'é', '☕', '𝄞', '中', '"', '\\', '\n', '\r'),
});
const event = fc.record({
  type: fc.constantFrom('response.output_text.delta', 'response.created', 'custom.event'),
  data: fc.dictionary(fc.constantFrom('delta', 'text', 'x'), text, { maxKeys: 3 }),
  comment: fc.option(fc.constantFrom('keep-alive', 'OPENROUTER PROCESSING'), { nil: undefined }),
  splitData: fc.boolean(),
  withEventLine: fc.boolean(),
});

/** Writes events as SSE with the given line ending, optional BOM, comments and multi-line data. */
function serialize(
  events: fc.Arbitrary<unknown> extends never ? never : Parameters<typeof encode>[0],
  eol: string,
  bom: boolean,
): string {
  return (bom ? '\uFEFF' : '') + encode(events, eol);
}

function encode(
  events: readonly {
    type: string;
    data: Record<string, string>;
    comment: string | undefined;
    splitData: boolean;
    withEventLine: boolean;
  }[],
  eol: string,
): string {
  return events
    .map(({ type, data, comment, splitData, withEventLine }) => {
      const json = JSON.stringify({ type, ...data });
      // JSON may be cut at a comma onto several data: lines; the parser joins them with '\n', which JSON ignores.
      const lines = splitData
        ? json.split(',').map((piece, i, all) => (i < all.length - 1 ? `${piece},` : piece))
        : [json];
      return [
        ...(comment ? [`: ${comment}`] : []),
        ...(withEventLine ? [`event: ${type}`] : []),
        ...lines.map((line) => `data: ${line}`),
        '',
        '',
      ].join(eol);
    })
    .join('');
}

describe('SSEReader', () => {
  it('gives the same messages for any chunking, line ending, BOM, comments and multi-line data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (events, eol, bom, offsets) => {
          const bytes = new TextEncoder().encode(serialize(events, eol, bom));
          const messages = await readAll(cutAt(bytes, offsets));
          expect(messages.map((m) => JSON.parse(m.data))).toEqual(
            events.map(({ type, data }) => ({ type, ...data })),
          );
          expect(messages.map((m) => m.event)).toEqual(
            events.map((e) => (e.withEventLine ? e.type : undefined)),
          );
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('splits multi-byte characters at every offset without corrupting them', async () => {
    const body = new TextEncoder().encode('event: x\r\ndata: {"delta":"é☕𝄞中"}\r\n\r\n');
    for (let at = 1; at < body.length; at++) {
      const messages = await readAll([body.subarray(0, at), body.subarray(at)]);
      expect(messages.map((m) => JSON.parse(m.data).delta)).toEqual(['é☕𝄞中']);
    }
  });

  it('delivers the last message when the body ends without a blank line, whatever the line ending', async () => {
    for (const ending of ['', '\n', '\r', '\r\n']) {
      const messages = await readAll([
        new TextEncoder().encode(`data: {"n":1}\n\ndata: {"n":2}${ending}`),
      ]);
      expect(messages.map((m) => m.data)).toEqual(['{"n":1}', '{"n":2}']);
    }
  });
});
