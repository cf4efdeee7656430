/**
 * The progress of the search and image tools the server runs: file search, web search and image
 * generation (with its partial images).
 */
import * as z from 'zod/mini';
import { progress, seq } from './event-fields.js';

/** A file search finished (`response.file_search_call.completed`). */
export const ResponseFileSearchCallCompletedEventSchema = progress(
  'response.file_search_call.completed',
);

/** A file search began (`response.file_search_call.in_progress`). */
export const ResponseFileSearchCallInProgressEventSchema = progress(
  'response.file_search_call.in_progress',
);

/** A file search is running (`response.file_search_call.searching`). */
export const ResponseFileSearchCallSearchingEventSchema = progress(
  'response.file_search_call.searching',
);

/**
 * A web search finished (`response.web_search_call.completed`); the sources come in its item and
 * as `url_citation` annotations.
 */
export const ResponseWebSearchCallCompletedEventSchema = progress(
  'response.web_search_call.completed',
);

/** A web search began (`response.web_search_call.in_progress`). */
export const ResponseWebSearchCallInProgressEventSchema = progress(
  'response.web_search_call.in_progress',
);

/** A web search is running (`response.web_search_call.searching`). */
export const ResponseWebSearchCallSearchingEventSchema = progress(
  'response.web_search_call.searching',
);

/**
 * An image was generated (`response.image_generation_call.completed`); its item holds the image.
 */
export const ResponseImageGenCallCompletedEventSchema = progress(
  'response.image_generation_call.completed',
);

/** An image is being generated (`response.image_generation_call.generating`). */
export const ResponseImageGenCallGeneratingEventSchema = progress(
  'response.image_generation_call.generating',
);

/** An image generation call began (`response.image_generation_call.in_progress`). */
export const ResponseImageGenCallInProgressEventSchema = progress(
  'response.image_generation_call.in_progress',
);

/**
 * A draft of the image being generated (`response.image_generation_call.partial_image`):
 * base64 image data, sent when the tool's `partial_images` asks for drafts.
 */
export const ResponseImageGenCallPartialImageEventSchema = z.looseObject({
  type: z.literal('response.image_generation_call.partial_image'),
  /** The index of the output item in the response's output array. */
  output_index: z.number(),
  /** The unique identifier of the image generation item being processed. */
  item_id: z.string(),
  ...seq,
  /** 0-based index for the partial image (backend is 1-based, but this is 0-based for the user). */
  partial_image_index: z.number(),
  /** Base64-encoded partial image data, suitable for rendering as an image. */
  partial_image_b64: z.string(),
  /** The image size that was used. */
  size: z.optional(z.string()),
  /** The image quality that was used. */
  quality: z.optional(z.string()),
  /** The background setting that was used. */
  background: z.optional(z.string()),
  /** The output format that was used. */
  output_format: z.optional(z.string()),
});
