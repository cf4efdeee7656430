/**
 * `ResponseStreamEvent`: the 60 stream event types (OpenAI's 58 and OpenResponses'
 * `response.reasoning.delta` / `.done`), discriminated on `type`, closed by a typed catch-all so
 * events of new types pass through without spoiling the narrowing of known ones. These are the
 * full schemas, with every item, part and response field: the source of the types.
 *
 * The known events are listed once, in event-union.ts. `npm run types:gen` names each event type
 * after its schema (`ResponseTextDeltaEventSchema` → `ResponseTextDeltaEvent`); only the
 * lifecycle events, whose schemas a factory builds (events-lifecycle.ts), take their names and
 * docs from the aliases below.
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
/** The schema of a {@link ResponseCompletedEvent}. */
export const ResponseCompletedEventSchema = lifecycle.ResponseCompletedEventSchema;
/** The schema of a {@link ResponseContentPartAddedEvent}. */
export const ResponseContentPartAddedEventSchema = lifecycle.ResponseContentPartAddedEventSchema;
/** The schema of a {@link ResponseContentPartDoneEvent}. */
export const ResponseContentPartDoneEventSchema = lifecycle.ResponseContentPartDoneEventSchema;
/** The schema of a {@link ResponseCreatedEvent}. */
export const ResponseCreatedEventSchema = lifecycle.ResponseCreatedEventSchema;
/** The schema of a {@link ResponseInProgressEvent}. */
export const ResponseInProgressEventSchema = lifecycle.ResponseInProgressEventSchema;
/** The schema of a {@link ResponseFailedEvent}. */
export const ResponseFailedEventSchema = lifecycle.ResponseFailedEventSchema;
/** The schema of a {@link ResponseIncompleteEvent}. */
export const ResponseIncompleteEventSchema = lifecycle.ResponseIncompleteEventSchema;
/** The schema of a {@link ResponseOutputItemAddedEvent}. */
export const ResponseOutputItemAddedEventSchema = lifecycle.ResponseOutputItemAddedEventSchema;
/** The schema of a {@link ResponseOutputItemDoneEvent}. */
export const ResponseOutputItemDoneEventSchema = lifecycle.ResponseOutputItemDoneEventSchema;
/** The schema of a {@link ResponseQueuedEvent}. */
export const ResponseQueuedEventSchema = lifecycle.ResponseQueuedEventSchema;
/** The schema of a {@link ResponseErrorEvent}. */
export const ResponseErrorEventSchema = lifecycle.ResponseErrorEventSchema;

/** The 60 known event schemas. */
export const knownEventSchemas = full.knownEvents;
/**
 * The 60 known stream events, without the catch-all for unknown ones: the type for an exhaustive
 * `switch (event.type)` (a `never` check in `default` then fails to compile when an event is left
 * out). Narrow a {@link ResponseStreamEvent} to it by its `type` first.
 */
export const KnownStreamEventSchema = z.discriminatedUnion('type', [...full.knownEvents]);
/** A stream event of a type this client does not know, kept whole. */
export const UnknownStreamEventSchema = full.unknown;
/** One event of a streamed response. */
export const ResponseStreamEventSchema = z.union([
  KnownStreamEventSchema,
  UnknownStreamEventSchema,
]);
/**
 * One event of a streamed response (`for await (const event of stream)`), discriminated on
 * `type`: `if (event.type === 'response.output_text.delta')` narrows to that event. The 60 known
 * types (OpenAI's and OpenResponses') come in canonical form whatever the server's dialect;
 * events of a type this client does not know pass through as {@link ResponseUnknownEvent}. For an
 * exhaustive `switch`, use `KnownResponseStreamEvent`.
 */
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEventSchema>;
/**
 * A stream event of a type this client does not know (one newer than this version, or a
 * server's own), yielded with all its fields rather than dropped. Its `type` is an
 * {@link UnknownType}, so checks for known types still narrow; read it with `String(event.type)`.
 */
export type ResponseUnknownEvent = z.infer<typeof UnknownStreamEventSchema>;

// The lifecycle events' types: their schemas come from a factory, so they are named here.
/**
 * The response finished (`response.completed`): `response` is the whole final response, its
 * `output_text` included. One of the stream's terminal events; `finalResponse()` resolves with
 * this response.
 */
export type ResponseCompletedEvent = z.infer<typeof ResponseCompletedEventSchema>;
/**
 * A content part began in an output message (`response.content_part.added`): `part` is the part
 * as it starts (empty text), at `output_index` / `content_index`. Its text follows in deltas.
 */
export type ResponseContentPartAddedEvent = z.infer<typeof ResponseContentPartAddedEventSchema>;
/**
 * A content part is complete (`response.content_part.done`): `part` holds its whole text or
 * refusal, at `output_index` / `content_index`.
 */
export type ResponseContentPartDoneEvent = z.infer<typeof ResponseContentPartDoneEventSchema>;
/**
 * The first event of a stream (`response.created`): `response` is the response as it starts,
 * with its `id` (what `retrieve` and `previous_response_id` take) and no output yet.
 */
export type ResponseCreatedEvent = z.infer<typeof ResponseCreatedEventSchema>;
/**
 * The response is being generated (`response.in_progress`): `response` as it stands, usually
 * without output yet.
 */
export type ResponseInProgressEvent = z.infer<typeof ResponseInProgressEventSchema>;
/**
 * The response failed (`response.failed`): `response.error` says why. A terminal event: the
 * iterator yields it, then `finalResponse()` rejects with `StreamError`.
 */
export type ResponseFailedEvent = z.infer<typeof ResponseFailedEventSchema>;
/**
 * The response stopped before it was done (`response.incomplete`), for example at
 * `max_output_tokens`; `response.incomplete_details.reason` says why. A terminal event:
 * `finalResponse()` resolves with this response, `status: 'incomplete'`.
 */
export type ResponseIncompleteEvent = z.infer<typeof ResponseIncompleteEventSchema>;
/**
 * An output item began (`response.output_item.added`): a message, reasoning, a function call…
 * at `output_index`, as it starts. Its content follows in deltas until `response.output_item.done`.
 */
export type ResponseOutputItemAddedEvent = z.infer<typeof ResponseOutputItemAddedEventSchema>;
/**
 * An output item is complete (`response.output_item.done`): `item` holds it whole (a message's
 * full text, a function call's full arguments), at `output_index`. Handle function calls here to
 * run them as soon as each is known.
 */
export type ResponseOutputItemDoneEvent = z.infer<typeof ResponseOutputItemDoneEventSchema>;
/**
 * The response waits to be processed (`response.queued`), as background responses may before
 * they start.
 */
export type ResponseQueuedEvent = z.infer<typeof ResponseQueuedEventSchema>;
/**
 * The server reported an error mid-stream (`type: 'error'`). Servers differ in its shape: flat
 * (`code`, `message`, `param`), as the OpenResponses document writes it, or nested under
 * `error`, as OpenAI sends it; both are accepted. The iterator throws `StreamError` with the
 * server's message, code and type.
 */
export type ResponseErrorEvent = z.infer<typeof ResponseErrorEventSchema>;
