/**
 * Bytes → events: whatever the chunking (one byte at a time, cuts inside a multi-byte character
 * or between `\r` and `\n`), the line endings, comments and framing, a stream yields the same
 * events and the same final response as its body read in one piece; and nothing thrown is ever
 * anything but a `ResponsesError`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textEvents } from '../fault/fault-server.js';
import { recordedDir, recordedFiles } from '../fixtures/recorded.js';
import { chunkings, type Outcome, outcomeOf, params, runs, timeFor, utf8 } from './fuzz.js';

/** A recording as an SSE body: `*.sse` as sent, `*.chunks.txt` framed one event per line. */
function recordedBody(file: string): string {
  const text = readFileSync(join(recordedDir, file), 'utf8');
  if (file.endsWith('.sse')) return text;
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
    .join('');
}

/** Every recorded Responses stream (the two chat completion streams are not). */
const recordings = recordedFiles().filter(
  (file) =>
    /\.(sse|chunks\.txt)$/.test(file) &&
    !['groq-tool-call.chunks.txt', 'test_openrouter_stream_error.1.sse'].includes(file),
);
const withEnding = (body: string, eol: string) => body.replace(/\r?\n/g, eol);
const references = new Map<string, Outcome>();
async function reference(file: string, eol: string): Promise<Outcome> {
  const key = `${file}|${eol}`;
  let outcome = references.get(key);
  if (!outcome) {
    outcome = await outcomeOf([utf8(withEnding(recordedBody(file), eol))]);
    references.set(key, outcome);
  }
  return outcome;
}

describe('bytes → events, recorded streams', () => {
  it('reads every recording in one piece to its terminal event (or the error event it ends in)', async () => {
    for (const file of recordings) {
      const { events, error } = await reference(file, '\n');
      expect(events.length, file).toBeGreaterThan(1);
      if (file.startsWith('openai-error')) expect(error?.name, file).toBe('StreamError');
      else expect(error, file).toBeUndefined();
    }
  });

  const n = runs(60);
  it(
    `yields the same events, error and final response for any chunking and line ending (${n} runs)`,
    async () => {
      const cases = fc
        .tuple(fc.constantFrom(...recordings), fc.constantFrom('\n', '\r\n', '\r'))
        .chain(([file, eol]) =>
          chunkings(utf8(withEnding(recordedBody(file), eol))).map((chunks) => ({
            file,
            eol,
            chunks,
          })),
        );
      await fc.assert(
        fc.asyncProperty(cases, async ({ file, eol, chunks }) => {
          expect(await outcomeOf(chunks)).toEqual(await reference(file, eol));
        }),
        params(n),
      );
    },
    timeFor(n, 200),
  );
});

/** Text units that break naive readers: multi-byte characters, a ZWJ emoji, escapes, separators. */
const unit = fc.constantFrom(
  'a',
  ' ',
  'é',
  '☕',
  '𝄞',
  '中',
  '👩‍👩‍👧',
  'e\u0301',
  '"',
  '\\',
  '\n',
  '\r\n',
  '\u2028',
  '\u0000',
  'data: ',
  ': ',
);
const synthetic = fc.record({
  deltas: fc.array(fc.string({ unit, maxLength: 12 }), { maxLength: 12 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  eventLines: fc.boolean(),
  comments: fc.boolean(),
  bom: fc.boolean(),
  terminalOutput: fc.boolean(),
  done: fc.boolean(),
});

describe('bytes → events, synthetic text streams', () => {
  const n = runs(120);
  it(
    `joins the deltas to the exact text, and finalResponse() to the terminal response (${n} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          synthetic.chain((s) => {
            let events = textEvents('resp_fuzz', s.deltas);
            if (!s.terminalOutput) {
              // A terminal response without output: the final response is rebuilt from the events.
              const last = events.at(-1) as { response: Record<string, unknown> };
              events = [
                ...events.slice(0, -1),
                { ...last, response: { ...last.response, output: [] } },
              ];
            }
            const body =
              (s.bom ? '\uFEFF' : '') +
              events
                .map((event) =>
                  [
                    ...(s.comments ? [': keep-alive'] : []),
                    ...(s.eventLines ? [`event: ${String(event.type)}`] : []),
                    `data: ${JSON.stringify(event)}`,
                    '',
                    '',
                  ].join(s.eol),
                )
                .join('') +
              (s.done ? `data: [DONE]${s.eol}${s.eol}` : '');
            return chunkings(utf8(body)).map((chunks) => ({ s, events, chunks }));
          }),
          async ({ s, events, chunks }) => {
            const outcome = await outcomeOf(chunks);
            expect(outcome.error).toBeUndefined();
            expect(outcome.events).toEqual(events);
            const text = s.deltas.join('');
            const deltas = outcome.events.flatMap((event) => {
              const e = event as { type: string; delta?: string };
              return e.type === 'response.output_text.delta' ? [e.delta] : [];
            });
            expect(deltas.join('')).toBe(text);
            const terminal = (events.at(-1) as { response: Record<string, unknown> }).response;
            const final = outcome.final as { output_text: string; output: unknown[] };
            expect(final.output_text).toBe(text);
            if (s.terminalOutput) expect(final).toEqual({ ...terminal, output_text: text });
            else expect(final.output).toHaveLength(1);
          },
        ),
        params(n),
      );
    },
    timeFor(n),
  );
});

/** Pieces of SSE and JSON, valid and not, and bytes that are not UTF-8. */
const junkPiece = fc.oneof(
  fc.constantFrom(
    'data: ',
    'event: ',
    'id: 7',
    'retry: 10',
    ': comment',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '{',
    '}',
    '[DONE]',
    '"type":"response.completed"',
    '{"type":"response.created","response":{"id":"r","object":"response","status":"in_progress","output":[]}}',
    '{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":"x"}',
    '{"type":"response.completed","response":{"id":"r","object":"response","status":"completed","output":[]}}',
    '{"type":"error","message":"boom"}',
    '{"error":{"message":"nested"}}',
    '{"type":"response.output_item.added","output_index":1e9,"item":{"type":"message"}}',
    '{"__proto__":{"polluted":true},"type":"x"}',
    '{"type":"response.completed","response":{"id":"r","output":[null,7,{"type":"message","content":[null]}]}}',
  ),
  fc.string({ maxLength: 8 }),
  fc.json({ maxDepth: 2 }),
);
/** A piece framed as one SSE message, so that whole (if odd) events reach the decoder. */
const junkFrame = junkPiece.map((piece) => `data: ${piece}\n\n`);
const junkBytes = fc.oneof(
  fc.array(junkPiece, { maxLength: 30 }).map((pieces) => utf8(pieces.join(''))),
  fc
    .array(fc.oneof(junkFrame, junkFrame, junkPiece), { maxLength: 12 })
    .map((pieces) => utf8(pieces.join(''))),
  fc.uint8Array({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        junkPiece.map(utf8),
        fc.constantFrom(new Uint8Array([0xff]), new Uint8Array([0x80, 0xc3])),
      ),
      {
        maxLength: 20,
      },
    )
    .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part]))),
);

/** The events checked by the schemas (the default), or not at all (`validateResponses: false`). */
const unchecked = {
  decoding: { normalize: (event: Record<string, unknown>) => event, validate: undefined },
};

describe.each([
  ['checked', {}],
  ['unchecked', unchecked],
])('bytes → events, any bytes at all, events %s', (_name, init) => {
  const n = runs(150);
  it(
    `ends every stream, quietly or with a ResponsesError, never with another error (${n} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          junkBytes.chain((bytes) => chunkings(bytes)),
          async (chunks) => {
            // outcomeOf fails the run if anything thrown is not a ResponsesError.
            const outcome = await outcomeOf(chunks, init);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
            // A quiet end needs a terminal event: never a silent end.
            const terminal = outcome.events.some((event) =>
              /^response\.(completed|incomplete|failed)$/.test(
                String((event as { type?: unknown }).type),
              ),
            );
            if (outcome.error === undefined) expect(terminal).toBe(true);
          },
        ),
        params(n),
      );
    },
    timeFor(n),
  );
});

describe('bytes → events, streams cut short', () => {
  const n = runs(100);
  it(
    `fail with StreamError after the events that came whole, however the body ends (${n} runs)`,
    async () => {
      const cases = fc
        .record({
          deltas: fc.array(fc.string({ unit, maxLength: 6 }), { maxLength: 8 }),
          keep: fc.nat(),
          ending: fc.constantFrom('nothing', '[DONE]', 'half an event', 'a comment'),
        })
        .chain(({ deltas, keep, ending }) => {
          const events = textEvents('resp_cut', deltas);
          const whole = events.slice(0, keep % events.length);
          const next = JSON.stringify(events[whole.length]);
          const tail =
            ending === '[DONE]'
              ? 'data: [DONE]\n\n'
              : ending === 'half an event'
                ? `data: ${next.slice(0, next.length >> 1)}`
                : ending === 'a comment'
                  ? ': bye\n\n'
                  : '';
          const body = whole.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + tail;
          return chunkings(utf8(body)).map((chunks) => ({ whole, chunks }));
        });
      await fc.assert(
        fc.asyncProperty(cases, async ({ whole, chunks }) => {
          const outcome = await outcomeOf(chunks);
          expect(outcome.events).toEqual(whole);
          expect(outcome.error?.name).toBe('StreamError');
          expect((outcome.final as { name?: string }).name).toBe('StreamError');
        }),
        params(n),
      );
    },
    timeFor(n),
  );
});
