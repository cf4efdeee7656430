/**
 * The reply as it streams: output text and its annotations, refusals, and spoken audio with its
 * transcript. The hot path: keep these shallow.
 */
import * as z from 'zod/mini';
import { AnnotationSchema, LogProbSchema } from './content.js';
import { seq } from './event-fields.js';

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
