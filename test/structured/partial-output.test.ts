import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResponseValidationError, StreamError, zodTextFormat } from '../../src/index.js';
import { partialSnapshots } from '../../src/structured/partial-output.js';
import type { Turn } from '../../src/testing/index.js';
import type { ResponseStreamEvent } from '../../src/types/index.js';
import { setUp } from '../testing/setup.js';

const model = 'fake-model';
const input = 'Plan a coffee menu';
const Menu = z.object({
  title: z.string(),
  courses: z.array(
    z.object({
      name: z.string(),
      price: z.number(),
      pairing: z.nullable(z.object({ pastry: z.string(), sweet: z.boolean() })),
    }),
  ),
});
const menu = {
  title: 'Morning',
  courses: [
    { name: 'Wake up', price: 3.5, pairing: { pastry: 'Croissant', sweet: false } },
    { name: 'Slow down', price: 12, pairing: null },
  ],
};
const format = zodTextFormat(Menu, 'menu');

/** The snapshots of `responses.parse({ stream: true })` over one scripted turn. */
async function partial(turn: Turn) {
  const { client } = setUp('openai', { turns: [turn] });
  const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
  const snapshots: unknown[] = [];
  const copies: string[] = [];
  let error: unknown;
  try {
    for await (const snapshot of stream.partialOutput()) {
      snapshots.push(snapshot);
      copies.push(JSON.stringify(snapshot));
    }
  } catch (caught) {
    error = caught;
  }
  return { stream, snapshots, copies, error };
}

describe('ParsedResponseStream.partialOutput', () => {
  it('yields snapshots that grow, one per change, into the output_parsed of the final response', async () => {
    const { stream, snapshots, copies, error } = await partial({
      type: 'json',
      json: menu,
      chunkSize: 3,
    });
    expect(error).toBeUndefined();
    expect(snapshots.length).toBeGreaterThan(20);
    expect(snapshots[0]).toEqual({});
    expect(snapshots.at(-1)).toEqual(menu);
    expect((await stream.finalResponse()).output_parsed).toEqual(snapshots.at(-1));
    // Each one as it was when given: none changed afterwards, and no two the same.
    expect(snapshots.map((snapshot) => JSON.stringify(snapshot))).toEqual(copies);
    expect(new Set(copies).size).toBe(copies.length);
  });

  it('never shows a field with another type than it ends with, nor a number before it is whole', async () => {
    const { snapshots } = await partial({ type: 'json', json: menu, chunkSize: 1 });
    const prices = snapshots.flatMap((snapshot) =>
      ((snapshot as { courses?: { price?: unknown }[] }).courses ?? []).map((c) => c.price),
    );
    expect(new Set(prices.filter((price) => price !== undefined))).toEqual(new Set([3.5, 12]));
    const titles = snapshots.map((snapshot) => (snapshot as { title?: unknown }).title);
    for (const title of titles)
      if (title !== undefined) expect('Morning'.startsWith(String(title))).toBe(true);
    const pairings = snapshots.map(
      (snapshot) => (snapshot as { courses?: { pairing?: unknown }[] }).courses?.[1]?.pairing,
    );
    expect(pairings.filter((pairing) => pairing !== undefined && pairing !== null)).toEqual([]);
  });

  it('keeps a course that is complete the same object in every later snapshot', async () => {
    const { snapshots } = await partial({ type: 'json', json: menu, chunkSize: 4 });
    const firsts = snapshots
      .map((snapshot) => (snapshot as { courses?: unknown[] }).courses)
      .filter((courses) => courses !== undefined && courses.length === 2)
      .map((courses) => courses?.[0]);
    expect(firsts.length).toBeGreaterThan(3);
    for (const first of firsts) expect(first).toBe(firsts[0]);
  });

  it('ends with the ResponseValidationError finalResponse gives when the JSON does not match', async () => {
    const wrong = { ...menu, courses: [{ ...menu.courses[0], price: 'free' }] };
    const { snapshots, error } = await partial({ type: 'json', json: wrong });
    expect(snapshots.at(-1)).toEqual(wrong);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ issues: [{ path: ['courses', 0, 'price'] }] });
  });

  it('stops at text that is not JSON and ends with ResponseValidationError', async () => {
    const { snapshots, error } = await partial({
      type: 'text',
      text: '{"title": "Morning"} and more',
    });
    expect(snapshots[0]).toEqual({});
    expect(snapshots.at(-1)).toEqual({ title: 'Morning' });
    expect(error).toBeInstanceOf(ResponseValidationError);
  });

  it('yields nothing when the model refuses, and ends without an error', async () => {
    const { stream, snapshots, error } = await partial({ type: 'refusal', refusal: 'No menus.' });
    expect(snapshots).toEqual([]);
    expect(error).toBeUndefined();
    expect((await stream.finalResponse()).output_parsed).toBeNull();
  });

  it('leaves the stream when the loop is left early, as leaving a loop over its events does', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu, chunkSize: 2 }] });
    const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
    let seen = 0;
    for await (const _ of stream.partialOutput()) if (++seen === 3) break;
    expect(seen).toBe(3);
    await expect(stream.finalResponse()).rejects.toThrow(
      new StreamError('The stream was left before its terminal event arrived.'),
    );
  });

  it('consumes the stream: iterating it afterwards throws StreamError', async () => {
    const { stream } = await partial({ type: 'json', json: menu });
    expect(() => stream[Symbol.asyncIterator]()).toThrow(StreamError);
  });
});

describe('partialSnapshots', () => {
  /** Text deltas of messages, as events. */
  async function* deltas(...pieces: [item: string, delta: string][]) {
    for (const [item_id, delta] of pieces)
      yield {
        type: 'response.output_text.delta',
        item_id,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
        sequence_number: 0,
      } as ResponseStreamEvent;
  }

  it('reads any stream of events with text deltas, and starts a new value with a new message', async () => {
    const seen: unknown[] = [];
    const events = deltas(['m1', '{"a": 1'], ['m1', '2}'], ['m2', '{"b"'], ['m2', ': true}']);
    for await (const snapshot of partialSnapshots(events)) seen.push(snapshot);
    expect(seen).toEqual([{}, { a: 12 }, {}, { b: true }]);
  });

  it('gives the whole value last even when a long array held snapshots back', async () => {
    const long = JSON.stringify({ list: Array.from({ length: 500 }, (_, i) => i) });
    const pieces = long.match(/.{1,3}/gs) ?? [];
    const seen: unknown[] = [];
    for await (const snapshot of partialSnapshots(
      deltas(...pieces.map((p) => ['m', p] as [string, string])),
    ))
      seen.push(snapshot);
    expect(seen.length).toBeLessThan(pieces.length);
    expect(seen.at(-1)).toEqual(JSON.parse(long));
  });
});
