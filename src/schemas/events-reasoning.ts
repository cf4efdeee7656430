/**
 * Reasoning as it streams: the reasoning summary's parts and text, and raw reasoning text under
 * both its names (OpenAI's `reasoning_text`, OpenResponses' `reasoning`).
 */
import * as z from 'zod/mini';
import { SummaryPartSchema, seq } from './event-fields.js';

/**
 * A part of the reasoning summary began (`response.reasoning_summary_part.added`); its text
 * follows in `response.reasoning_summary_text.delta` events.
 */
export const ResponseReasoningSummaryPartAddedEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_part.added'),
  /** The ID of the item this summary part is associated with. */
  item_id: z.string(),
  /** The index of the output item this summary part is associated with. */
  output_index: z.number(),
  /** The index of the summary part within the reasoning summary. */
  summary_index: z.number(),
  ...seq,
  /** The summary part that was added. */
  part: SummaryPartSchema,
});

/** A part of the reasoning summary is complete (`response.reasoning_summary_part.done`). */
export const ResponseReasoningSummaryPartDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_part.done'),
  /** The ID of the item this summary part is associated with. */
  item_id: z.string(),
  /** The index of the output item this summary part is associated with. */
  output_index: z.number(),
  /** The index of the summary part within the reasoning summary. */
  summary_index: z.number(),
  /** The completion status of the summary part. Omitted when the part completed. */
  status: z.optional(z.literal('incomplete')),
  ...seq,
  /** The completed summary part. */
  part: SummaryPartSchema,
});

/**
 * A piece of the reasoning summary (`response.reasoning_summary_text.delta`), sent when the
 * request asks for one with `reasoning: { summary: 'auto' }`: what to show while a reasoning
 * model thinks.
 */
export const ResponseReasoningSummaryTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_text.delta'),
  /** Padding that hides the payload's length (OpenResponses, OpenAI). */
  obfuscation: z.optional(z.string()),
  /** The ID of the item this summary text delta is associated with. */
  item_id: z.string(),
  /** The index of the output item this summary text delta is associated with. */
  output_index: z.number(),
  /** The index of the summary part within the reasoning summary. */
  summary_index: z.number(),
  /** The text delta that was added to the summary. */
  delta: z.string(),
  ...seq,
});

/**
 * A part of the reasoning summary is complete (`response.reasoning_summary_text.done`): `text`
 * holds all of it.
 */
export const ResponseReasoningSummaryTextDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning_summary_text.done'),
  /** The ID of the item this summary text is associated with. */
  item_id: z.string(),
  /** The index of the output item this summary text is associated with. */
  output_index: z.number(),
  /** The index of the summary part within the reasoning summary. */
  summary_index: z.number(),
  /** The full text of the completed reasoning summary. */
  text: z.string(),
  ...seq,
});

/**
 * A piece of the model's raw reasoning text (`response.reasoning_text.delta`, OpenAI's name),
 * where the server shares it; OpenAI's hosted reasoning models keep it hidden and stream a summary
 * instead. OpenResponses servers send `response.reasoning.delta`.
 */
export const ResponseReasoningTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.reasoning_text.delta'),
  /** The ID of the item this reasoning text delta is associated with. */
  item_id: z.string(),
  /** The index of the output item this reasoning text delta is associated with. */
  output_index: z.number(),
  /** The index of the reasoning content part this delta is associated with. */
  content_index: z.number(),
  /** The text delta that was added to the reasoning content. */
  delta: z.string(),
  ...seq,
});

/** The model's raw reasoning text is complete (`response.reasoning_text.done`). */
export const ResponseReasoningTextDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning_text.done'),
  /** The ID of the item this reasoning text is associated with. */
  item_id: z.string(),
  /** The index of the output item this reasoning text is associated with. */
  output_index: z.number(),
  /** The index of the reasoning content part. */
  content_index: z.number(),
  /** The full text of the completed reasoning content. */
  text: z.string(),
  ...seq,
});

/**
 * A piece of reasoning text as the OpenResponses document names it (`response.reasoning.delta`);
 * OpenAI's name for it is `response.reasoning_text.delta`. Both pass through as sent.
 */
export const ResponseReasoningDeltaEventSchema = z.looseObject({
  type: z.literal('response.reasoning.delta'),
  ...seq,
  /** The ID of the item that was updated. */
  item_id: z.string(),
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the reasoning content that was updated. */
  content_index: z.number(),
  /** The reasoning text delta that was appended. */
  delta: z.string(),
  /** An obfuscation string that was added to pad the event payload. */
  obfuscation: z.optional(z.string()),
});

/**
 * Reasoning text is complete, as the OpenResponses document names it (`response.reasoning.done`).
 */
export const ResponseReasoningDoneEventSchema = z.looseObject({
  type: z.literal('response.reasoning.done'),
  ...seq,
  /** The ID of the item that was updated. */
  item_id: z.string(),
  /** The index of the output item that was updated. */
  output_index: z.number(),
  /** The index of the reasoning content that was completed. */
  content_index: z.number(),
  /** The final reasoning text that was emitted. */
  text: z.string(),
});
