/**
 * Lifecycle events: the response object at each stage, output items and content parts added and
 * done, and the `error` event (flat as documented, or nested as `{ error: {…} }` as OpenAI sends).
 */
import * as z from 'zod/mini';
import { seq } from './event-fields.js';

/** The schemas nested in lifecycle events: full ones for types, envelopes for the default checks. */
export interface LifecycleNested<
  Response extends z.core.$ZodType,
  Item extends z.core.$ZodType,
  Part extends z.core.$ZodType,
> {
  response: Response;
  item: Item;
  part: Part;
}

/**
 * The lifecycle events over the schemas of the response, item and part they carry: one
 * definition of each event's own fields for both the full schemas and the envelope checks.
 */
export function lifecycleEvents<
  Response extends z.core.$ZodType,
  Item extends z.core.$ZodType,
  Part extends z.core.$ZodType,
>({ response, item, part }: LifecycleNested<Response, Item, Part>) {
  return {
    /** Emitted when the model response is complete. */
    ResponseCompletedEventSchema: z.looseObject({
      type: z.literal('response.completed'),
      /** Properties of the completed response. */
      response,
      ...seq,
    }),
    /** Emitted when a new content part is added. */
    ResponseContentPartAddedEventSchema: z.looseObject({
      type: z.literal('response.content_part.added'),
      /** The ID of the output item that the content part was added to. */
      item_id: z.string(),
      /** The index of the output item that the content part was added to. */
      output_index: z.number(),
      /** The index of the content part that was added. */
      content_index: z.number(),
      /** The content part that was added. */
      part,
      ...seq,
    }),
    /** Emitted when a content part is done. */
    ResponseContentPartDoneEventSchema: z.looseObject({
      type: z.literal('response.content_part.done'),
      /** The ID of the output item that the content part was added to. */
      item_id: z.string(),
      /** The index of the output item that the content part was added to. */
      output_index: z.number(),
      /** The index of the content part that is done. */
      content_index: z.number(),
      ...seq,
      /** The content part that is done. */
      part,
    }),
    /** An event that is emitted when a response is created. */
    ResponseCreatedEventSchema: z.looseObject({
      type: z.literal('response.created'),
      /** The response that was created. */
      response,
      ...seq,
    }),
    /** Emitted when an error occurs. */
    /** Emitted when the response is in progress. */
    ResponseInProgressEventSchema: z.looseObject({
      type: z.literal('response.in_progress'),
      /** The response that is in progress. */
      response,
      ...seq,
    }),
    /** An event that is emitted when a response fails. */
    ResponseFailedEventSchema: z.looseObject({
      type: z.literal('response.failed'),
      ...seq,
      /** The response that failed. */
      response,
    }),
    /** An event that is emitted when a response finishes as incomplete. */
    ResponseIncompleteEventSchema: z.looseObject({
      type: z.literal('response.incomplete'),
      /** The response that was incomplete. */
      response,
      ...seq,
    }),
    /** Emitted when a new output item is added. */
    ResponseOutputItemAddedEventSchema: z.looseObject({
      type: z.literal('response.output_item.added'),
      /** The index of the output item that was added. */
      output_index: z.number(),
      ...seq,
      /** The output item that was added. For reasoning items, `encrypted_content`. */
      item,
    }),
    /** Emitted when an output item is marked done. */
    ResponseOutputItemDoneEventSchema: z.looseObject({
      type: z.literal('response.output_item.done'),
      /** The index of the output item that was marked done. */
      output_index: z.number(),
      ...seq,
      /** The output item that was marked done. */
      item,
    }),
    /** Emitted when a response is queued and waiting to be processed. */
    ResponseQueuedEventSchema: z.looseObject({
      type: z.literal('response.queued'),
      /** The full response object that is queued. */
      response,
      ...seq,
    }),
    /** An error: flat (`code`, `message`, `param`) or nested under `error`, as servers differ. */
    ResponseErrorEventSchema: z.looseObject({
      type: z.literal('error'),
      ...seq,
      /** The error code, flat form. */
      code: z.optional(z.nullable(z.string())),
      /** The error message, flat form. */
      message: z.optional(z.string()),
      /** The parameter at fault, flat form. */
      param: z.optional(z.nullable(z.string())),
      /** The error, nested form (OpenAI, OpenResponses). */
      error: z.optional(
        z.looseObject({
          /** The error type, like `insufficient_quota`. */
          type: z.optional(z.nullable(z.string())),
          /** The error code. */
          code: z.optional(z.nullable(z.string())),
          /** The error message. */
          message: z.string(),
          /** The parameter at fault. */
          param: z.optional(z.nullable(z.string())),
        }),
      ),
    }),
  };
}
