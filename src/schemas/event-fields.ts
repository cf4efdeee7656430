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
