/**
 * Text-like deltas and their done events: output text, refusals, reasoning (OpenAI's
 * `reasoning_text` and OpenResponses' `reasoning`), summaries, function and custom tool call
 * arguments, annotations and audio. The hot path: keep these shallow.
 */
import * as z from 'zod/mini';
import { AnnotationSchema, LogProbSchema } from './content.js';
import { SummaryPartSchema, seq } from './event-fields.js';

/** A piece of the spoken reply (`response.audio.delta`): base64-encoded audio bytes. */
export const ResponseAudioDeltaEventSchema = z.looseObject({
  type: z.literal('response.audio.delta'),
  ...seq,
  /** A chunk of Base64 encoded response audio bytes. */
  delta: z.string(),
});
/** The spoken reply is complete (`response.audio.done`). */
export const ResponseAudioDoneEventSchema = z.looseObject({
  type: z.literal('response.audio.done'),
  ...seq,
});
/** A piece of the spoken reply's transcript (`response.audio.transcript.delta`). */
export const ResponseAudioTranscriptDeltaEventSchema = z.looseObject({
  type: z.literal('response.audio.transcript.delta'),
  /** The partial transcript of the audio response. */
  delta: z.string(),
  ...seq,
});
/** The spoken reply's transcript is complete (`response.audio.transcript.done`). */
export const ResponseAudioTranscriptDoneEventSchema = z.looseObject({
  type: z.literal('response.audio.transcript.done'),
  ...seq,
});
/**
 * A piece of a function call's arguments (`response.function_call_arguments.delta`): JSON text,
 * not parseable until the call is done. For the whole call, wait for
 * `response.function_call_arguments.done` or the item's `response.output_item.done`.
 */
export const ResponseFunctionCallArgumentsDeltaEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.delta'),
  /** Padding that hides the payload's length (OpenResponses, OpenAI). */
  obfuscation: z.optional(z.string()),
  /** The ID of the output item that the function-call arguments delta is added to. */
  item_id: z.string(),
  /** The index of the output item that the function-call arguments delta is added to. */
  output_index: z.number(),
  ...seq,
  /** The function-call arguments delta that is added. */
  delta: z.string(),
});
/**
 * A function call's arguments are complete (`response.function_call_arguments.done`): `arguments`
 * is the whole JSON text (and `name` the function's, where the server sends it).
 */
export const ResponseFunctionCallArgumentsDoneEventSchema = z.looseObject({
  type: z.literal('response.function_call_arguments.done'),
  /** The ID of the item. */
  item_id: z.string(),
  /** The name of the function that was called (often omitted). */
  name: z.optional(z.string()),
  /** The index of the output item. */
  output_index: z.number(),
  ...seq,
  /** The function-call arguments. */
  arguments: z.string(),
});
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
/** A piece of the model's refusal (`response.refusal.delta`), streamed like text. */
export const ResponseRefusalDeltaEventSchema = z.looseObject({
  type: z.literal('response.refusal.delta'),
  /** The ID of the output item that the refusal text is added to. */
  item_id: z.string(),
  /** The index of the output item that the refusal text is added to. */
  output_index: z.number(),
  /** The index of the content part that the refusal text is added to. */
  content_index: z.number(),
  /** The refusal text that is added. */
  delta: z.string(),
  ...seq,
});
/** A refusal is complete (`response.refusal.done`): `refusal` holds all of it. */
export const ResponseRefusalDoneEventSchema = z.looseObject({
  type: z.literal('response.refusal.done'),
  /** The ID of the output item that the refusal text is finalized. */
  item_id: z.string(),
  /** The index of the output item that the refusal text is finalized. */
  output_index: z.number(),
  /** The index of the content part that the refusal text is finalized. */
  content_index: z.number(),
  /** The refusal text that is finalized. */
  refusal: z.string(),
  ...seq,
});
/**
 * A piece of the reply's text (`response.output_text.delta`): append `delta` to show the text as
 * it comes. `item_id`, `output_index` and `content_index` say which part it extends (servers that
 * leave them out get them filled in); `stream.textDeltas()` yields only these `delta`s.
 */
export const ResponseTextDeltaEventSchema = z.looseObject({
  type: z.literal('response.output_text.delta'),
  /** Padding that hides the payload's length (OpenResponses, OpenAI). */
  obfuscation: z.optional(z.string()),
  /** The ID of the output item that the text delta was added to. */
  item_id: z.string(),
  /** The index of the output item that the text delta was added to. */
  output_index: z.number(),
  /** The index of the content part that the text delta was added to. */
  content_index: z.number(),
  /** The text delta that was added. */
  delta: z.string(),
  ...seq,
  /** The log probabilities of the tokens in the delta. */
  logprobs: z.optional(z.array(LogProbSchema)),
});
/** A text part is complete (`response.output_text.done`): `text` holds all of it. */
export const ResponseTextDoneEventSchema = z.looseObject({
  type: z.literal('response.output_text.done'),
  /** The ID of the output item that the text content is finalized. */
  item_id: z.string(),
  /** The index of the output item that the text content is finalized. */
  output_index: z.number(),
  /** The index of the content part that the text content is finalized. */
  content_index: z.number(),
  /** The text content that is finalized. */
  text: z.string(),
  ...seq,
  /** The log probabilities of the tokens in the delta. */
  logprobs: z.optional(z.array(LogProbSchema)),
});
/**
 * A citation or file path was attached to the reply's text
 * (`response.output_text.annotation_added`): `annotation` at `annotation_index` of the part.
 */
export const ResponseOutputTextAnnotationAddedEventSchema = z.looseObject({
  type: z.literal('response.output_text.annotation.added'),
  /** The unique identifier of the item to which the annotation is being added. */
  item_id: z.string(),
  /** The index of the output item in the response's output array. */
  output_index: z.number(),
  /** The index of the content part within the output item. */
  content_index: z.number(),
  /** The index of the annotation within the content part. */
  annotation_index: z.number(),
  ...seq,
  /** The annotation object being added. (See annotation schema for details.). */
  annotation: z.nullable(AnnotationSchema),
});
/** A piece of a custom tool call's free-form input (`response.custom_tool_call_input.delta`). */
export const ResponseCustomToolCallInputDeltaEventSchema = z.looseObject({
  type: z.literal('response.custom_tool_call_input.delta'),
  ...seq,
  /** The index of the output this delta applies to. */
  output_index: z.number(),
  /** Unique identifier for the API item associated with this event. */
  item_id: z.string(),
  /** The incremental input data (delta) for the custom tool call. */
  delta: z.string(),
});
/**
 * A custom tool call's input is complete (`response.custom_tool_call_input.done`): `input` holds
 * all of it.
 */
export const ResponseCustomToolCallInputDoneEventSchema = z.looseObject({
  type: z.literal('response.custom_tool_call_input.done'),
  ...seq,
  /** The index of the output this event applies to. */
  output_index: z.number(),
  /** Unique identifier for the API item associated with this event. */
  item_id: z.string(),
  /** The complete input data for the custom tool call. */
  input: z.string(),
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
