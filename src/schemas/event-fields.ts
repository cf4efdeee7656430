/** Fields shared by many stream events, spread into each event's shape. */
import * as z from 'zod/mini';

/** The event's position in the stream; older servers and resumed streams may omit it. */
export const seq = {
  /** The event's position in the stream, for `retrieve(id, { stream: true, starting_after })`. */
  sequence_number: z.optional(z.number()),
};

/** A summary part of a reasoning item. */
export const SummaryPartSchema = z.looseObject({
  /** Always `summary_text`. */
  type: z.string(),
  /** The summary text. */
  text: z.string(),
});

/** Where an item event points: the item's id and index, and the event's sequence number. */
export const itemAt = {
  /** The ID of the output item. */
  item_id: z.string(),
  /** The index of the output item in `output`. */
  output_index: z.number(),
  ...seq,
};

/** An event that only says an item reached a stage (in progress, searching, completed…). */
export const progress = <Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), ...itemAt });
