/**
 * What the fuzz tests share: how many runs (`FUZZ_RUNS=5000 npx vitest run test/fuzz` fuzzes
 * longer, `FUZZ_SEED=…` replays a failure fast-check reported), a time limit on every run (a
 * hang fails the run instead of the suite), bodies cut into chunks, and the outcome of a stream.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  APIConnectionError,
  ResponseStream,
  type ResponseStreamInit,
  ResponsesError,
} from '../../src/index.js';

const envRuns = Number(process.env.FUZZ_RUNS);
const envSeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Runs per property: `FUZZ_RUNS` when set, else the property's default (sized for `npm test`). */
export function runs(defaultRuns: number): number {
  return Number.isInteger(envRuns) && envRuns > 0 ? envRuns : defaultRuns;
}

/** The fast-check parameters of a property: its runs, a time limit per run, the seed if given. */
export function params(numRuns: number, perRunMs = 5_000): fc.Parameters<unknown> {
  return {
    numRuns,
    plugins: [fc.timeout(perRunMs)],
    ...(envSeed === undefined ? {} : { seed: envSeed }),
  };
}

/** How long a test may take: enough for its runs, with room for a loaded machine. */
export const timeFor = (numRuns: number, msPerRun = 20) => 10_000 + numRuns * msPerRun;

/** A body that yields these chunks, then ends. */
export function bodyOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** Cuts bytes at the given offsets: the chunks of one body. */
export function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets)]
    .filter((o) => o > 0 && o < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

/**
 * The offsets where a cut is most likely to break a reader: inside a multi-byte UTF-8 character
 * (before a continuation byte) and between the `\r` and `\n` of a line ending.
 */
export function trickyOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80 || (bytes[i - 1] === 0x0d && byte === 0x0a)) offsets.push(i);
  }
  return offsets;
}

/**
 * Chunkings of a body: one byte at a time, or cuts at random offsets mixed with tricky ones (a
 * sample of them, so that a long body is not cut at every character).
 */
export function chunkings(bytes: Uint8Array): fc.Arbitrary<Uint8Array[]> {
  const tricky = trickyOffsets(bytes);
  const anywhere = fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) });
  const some = tricky.length
    ? fc.array(fc.constantFrom(...tricky), { maxLength: 60 })
    : fc.constant([]);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null).map(() => cut(bytes, [...bytes.keys()])) },
    { weight: 1, arbitrary: fc.constant(null).map(() => cut(bytes, tricky)) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(some, fc.array(anywhere, { maxLength: 40 }))
        .map(([a, b]) => cut(bytes, [...a, ...b])),
    },
  );
}

/** How a stream ended, in plain data that two runs can be compared by. */
export interface Outcome {
  events: unknown[];
  /** The error the loop threw, as its class name and message. */
  error: { name: string; message: string } | undefined;
  /** The final response, or the error `finalResponse()` rejected with. */
  final: unknown;
}

const described = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'not an Error', message: String(error) };

/** A user-facing error, checked: a `ResponsesError`, and not a connection error (bodies here come from memory, so a "broken connection" would be an internal throw in disguise). */
function expectTyped(error: unknown): void {
  expect(error).toBeInstanceOf(ResponsesError);
  expect(error).not.toBeInstanceOf(APIConnectionError);
}

/**
 * Reads a stream to its end and says how it ended. Fails the run at once if anything thrown is
 * not a {@link ResponsesError}: a `SyntaxError` or `TypeError` reaching the user is a bug.
 */
export async function outcomeOf(
  chunks: readonly Uint8Array[],
  init: Omit<ResponseStreamInit, 'body'> = {},
): Promise<Outcome> {
  const stream = ResponseStream.fromReadableStream(bodyOf(chunks), init);
  const events: unknown[] = [];
  let error: unknown;
  try {
    for await (const event of stream) events.push(event);
  } catch (caught) {
    error = caught;
  }
  if (error !== undefined) expectTyped(error);
  let final: unknown;
  try {
    final = await stream.finalResponse();
  } catch (caught) {
    expectTyped(caught);
    final = described(caught);
  }
  return { events, error: error === undefined ? undefined : described(error), final };
}

/** UTF-8 bytes of a text. */
export const utf8 = (text: string) => new TextEncoder().encode(text);
