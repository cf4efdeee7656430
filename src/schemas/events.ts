/**
 * `ResponseStreamEvent`: the 60 stream event types (OpenAI's 58 and OpenResponses'
 * `response.reasoning.delta` / `.done`), discriminated on `type`, closed by a typed catch-all so
 * events of new types pass through without spoiling the narrowing of known ones. These are the
 * full schemas, with every item, part and response field: the source of the types.
 *
 * The known events are listed once, in event-union.ts. `npm run types:gen` names each event type
 * after its schema (`ResponseTextDeltaEventSchema` → `ResponseTextDeltaEvent`); only the
 * lifecycle events, whose schemas a factory builds (events-lifecycle.ts), take their names from
 * the aliases below, which also declare their types with the factory's docs.
 */
import * as z from 'zod/mini';
import { OutputContentSchema } from './content.js';
import { eventUnion } from './event-union.js';
import { ResponseOutputItemSchema } from './output-item.js';
import { ResponseSchema } from './response.js';

const full = eventUnion({
  response: ResponseSchema,
  item: ResponseOutputItemSchema,
  part: OutputContentSchema,
});
const lifecycle = full.lifecycle;
export const ResponseCompletedEventSchema = lifecycle.ResponseCompletedEventSchema;
export const ResponseContentPartAddedEventSchema = lifecycle.ResponseContentPartAddedEventSchema;
export const ResponseContentPartDoneEventSchema = lifecycle.ResponseContentPartDoneEventSchema;
export const ResponseCreatedEventSchema = lifecycle.ResponseCreatedEventSchema;
export const ResponseInProgressEventSchema = lifecycle.ResponseInProgressEventSchema;
export const ResponseFailedEventSchema = lifecycle.ResponseFailedEventSchema;
export const ResponseIncompleteEventSchema = lifecycle.ResponseIncompleteEventSchema;
export const ResponseOutputItemAddedEventSchema = lifecycle.ResponseOutputItemAddedEventSchema;
export const ResponseOutputItemDoneEventSchema = lifecycle.ResponseOutputItemDoneEventSchema;
export const ResponseQueuedEventSchema = lifecycle.ResponseQueuedEventSchema;
export const ResponseErrorEventSchema = lifecycle.ResponseErrorEventSchema;

/** The 60 known event schemas. */
export const knownEventSchemas = full.knownEvents;
/** The known events only, discriminated on `type` (one map lookup, then one object). */
export const KnownStreamEventSchema = z.discriminatedUnion('type', [...full.knownEvents]);
/** An event of a type this client does not know; kept whole. */
export const UnknownStreamEventSchema = full.unknown;
/** One event of a streamed response. */
export const ResponseStreamEventSchema = z.union([
  KnownStreamEventSchema,
  UnknownStreamEventSchema,
]);
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEventSchema>;
/** An event of a type this client does not know. */
export type ResponseUnknownEvent = z.infer<typeof UnknownStreamEventSchema>;

// The lifecycle events' types, declared where their factory documents them.
export type ResponseCompletedEvent = z.infer<typeof lifecycle.ResponseCompletedEventSchema>;
export type ResponseContentPartAddedEvent = z.infer<
  typeof lifecycle.ResponseContentPartAddedEventSchema
>;
export type ResponseContentPartDoneEvent = z.infer<
  typeof lifecycle.ResponseContentPartDoneEventSchema
>;
export type ResponseCreatedEvent = z.infer<typeof lifecycle.ResponseCreatedEventSchema>;
export type ResponseInProgressEvent = z.infer<typeof lifecycle.ResponseInProgressEventSchema>;
export type ResponseFailedEvent = z.infer<typeof lifecycle.ResponseFailedEventSchema>;
export type ResponseIncompleteEvent = z.infer<typeof lifecycle.ResponseIncompleteEventSchema>;
export type ResponseOutputItemAddedEvent = z.infer<
  typeof lifecycle.ResponseOutputItemAddedEventSchema
>;
export type ResponseOutputItemDoneEvent = z.infer<
  typeof lifecycle.ResponseOutputItemDoneEventSchema
>;
export type ResponseQueuedEvent = z.infer<typeof lifecycle.ResponseQueuedEventSchema>;
export type ResponseErrorEvent = z.infer<typeof lifecycle.ResponseErrorEventSchema>;
