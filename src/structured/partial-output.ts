/**
 * Partial output: the JSON value a response is writing, as snapshots that grow with its text
 * deltas, read by an incremental parser ({@link PartialJSON}). Any stream of response events can
 * offer it (`responses.parse({ stream: true })`'s, a conversation turn's): loaded on first use.
 */
import type { ResponseStreamEvent } from '../types/index.js';
import { PartialJSON } from './partial-json.js';

/**
 * A value as far as it has been written: every property of every object optional, all the way
 * down; arrays hold the elements written so far (the last one may be partial); strings may be
 * cut short; numbers, booleans and `null` are whole. It is the JSON as the model writes it,
 * before the schema's transforms.
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? number extends T['length']
    ? DeepPartial<T[number]>[]
    : { [K in keyof T]?: DeepPartial<T[K]> }
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The snapshots of the JSON value in the text deltas of `events`: a new one each time a delta
 * changed the value (a delta that ends inside a number, a key or `true` changes nothing yet), the
 * last one the whole value. Each snapshot is a new object where it changed and shares the rest
 * with the one before; none is changed afterwards. When a long array is being written, a
 * snapshot may wait for a few more deltas, so that the copies stay paid for by the text (see
 * `snapshot-tree.ts`). A delta of a new message starts a new value (a conversation's next step).
 * Text that is not JSON ends the snapshots; saying why is the final response's parse.
 */
export async function* partialSnapshots(
  events: AsyncIterable<ResponseStreamEvent>,
): AsyncGenerator<unknown, void, undefined> {
  let parser: PartialJSON | undefined;
  let message: unknown;
  for await (const event of events) {
    if (event.type !== 'response.output_text.delta' || typeof event.delta !== 'string') continue;
    if (parser === undefined || event.item_id !== message) {
      if (parser?.end()) yield parser.value;
      parser = new PartialJSON();
      message = event.item_id;
    }
    if (parser.push(event.delta)) yield parser.value;
  }
  if (parser?.end()) yield parser.value;
}
