/**
 * `ResponseStreamEvent`: the 60 stream event types (OpenAI's 58 and OpenResponses'
 * `response.reasoning.delta` / `.done`), discriminated on `type`, closed by a typed catch-all so
 * events of new types pass through without spoiling the narrowing of known ones. These are the
 * full schemas, with every item, part and response field: the source of the types.
 */
import * as z from 'zod/mini';
import { OutputContentSchema } from './content.js';
import { eventUnion } from './event-union.js';
import type * as text from './events-text.js';
import type * as tools from './events-tools.js';
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
export type ResponseAudioDeltaEvent = z.infer<typeof text.ResponseAudioDeltaEventSchema>;
export type ResponseAudioDoneEvent = z.infer<typeof text.ResponseAudioDoneEventSchema>;
export type ResponseAudioTranscriptDeltaEvent = z.infer<
  typeof text.ResponseAudioTranscriptDeltaEventSchema
>;
export type ResponseAudioTranscriptDoneEvent = z.infer<
  typeof text.ResponseAudioTranscriptDoneEventSchema
>;
export type ResponseFunctionCallArgumentsDeltaEvent = z.infer<
  typeof text.ResponseFunctionCallArgumentsDeltaEventSchema
>;
export type ResponseFunctionCallArgumentsDoneEvent = z.infer<
  typeof text.ResponseFunctionCallArgumentsDoneEventSchema
>;
export type ResponseReasoningSummaryPartAddedEvent = z.infer<
  typeof text.ResponseReasoningSummaryPartAddedEventSchema
>;
export type ResponseReasoningSummaryPartDoneEvent = z.infer<
  typeof text.ResponseReasoningSummaryPartDoneEventSchema
>;
export type ResponseReasoningSummaryTextDeltaEvent = z.infer<
  typeof text.ResponseReasoningSummaryTextDeltaEventSchema
>;
export type ResponseReasoningSummaryTextDoneEvent = z.infer<
  typeof text.ResponseReasoningSummaryTextDoneEventSchema
>;
export type ResponseReasoningTextDeltaEvent = z.infer<
  typeof text.ResponseReasoningTextDeltaEventSchema
>;
export type ResponseReasoningTextDoneEvent = z.infer<
  typeof text.ResponseReasoningTextDoneEventSchema
>;
export type ResponseRefusalDeltaEvent = z.infer<typeof text.ResponseRefusalDeltaEventSchema>;
export type ResponseRefusalDoneEvent = z.infer<typeof text.ResponseRefusalDoneEventSchema>;
export type ResponseTextDeltaEvent = z.infer<typeof text.ResponseTextDeltaEventSchema>;
export type ResponseTextDoneEvent = z.infer<typeof text.ResponseTextDoneEventSchema>;
export type ResponseOutputTextAnnotationAddedEvent = z.infer<
  typeof text.ResponseOutputTextAnnotationAddedEventSchema
>;
export type ResponseCustomToolCallInputDeltaEvent = z.infer<
  typeof text.ResponseCustomToolCallInputDeltaEventSchema
>;
export type ResponseCustomToolCallInputDoneEvent = z.infer<
  typeof text.ResponseCustomToolCallInputDoneEventSchema
>;
export type ResponseReasoningDeltaEvent = z.infer<typeof text.ResponseReasoningDeltaEventSchema>;
export type ResponseReasoningDoneEvent = z.infer<typeof text.ResponseReasoningDoneEventSchema>;
export type ResponseCodeInterpreterCallCodeDeltaEvent = z.infer<
  typeof tools.ResponseCodeInterpreterCallCodeDeltaEventSchema
>;
export type ResponseCodeInterpreterCallCodeDoneEvent = z.infer<
  typeof tools.ResponseCodeInterpreterCallCodeDoneEventSchema
>;
export type ResponseCodeInterpreterCallCompletedEvent = z.infer<
  typeof tools.ResponseCodeInterpreterCallCompletedEventSchema
>;
export type ResponseCodeInterpreterCallInProgressEvent = z.infer<
  typeof tools.ResponseCodeInterpreterCallInProgressEventSchema
>;
export type ResponseCodeInterpreterCallInterpretingEvent = z.infer<
  typeof tools.ResponseCodeInterpreterCallInterpretingEventSchema
>;
export type ResponseFileSearchCallCompletedEvent = z.infer<
  typeof tools.ResponseFileSearchCallCompletedEventSchema
>;
export type ResponseFileSearchCallInProgressEvent = z.infer<
  typeof tools.ResponseFileSearchCallInProgressEventSchema
>;
export type ResponseFileSearchCallSearchingEvent = z.infer<
  typeof tools.ResponseFileSearchCallSearchingEventSchema
>;
export type ResponseShellCallCommandAddedEvent = z.infer<
  typeof tools.ResponseShellCallCommandAddedEventSchema
>;
export type ResponseShellCallCommandDeltaEvent = z.infer<
  typeof tools.ResponseShellCallCommandDeltaEventSchema
>;
export type ResponseShellCallCommandDoneEvent = z.infer<
  typeof tools.ResponseShellCallCommandDoneEventSchema
>;
export type ResponseShellCallOutputContentDeltaEvent = z.infer<
  typeof tools.ResponseShellCallOutputContentDeltaEventSchema
>;
export type ResponseShellCallOutputContentDoneEvent = z.infer<
  typeof tools.ResponseShellCallOutputContentDoneEventSchema
>;
export type ResponseWebSearchCallCompletedEvent = z.infer<
  typeof tools.ResponseWebSearchCallCompletedEventSchema
>;
export type ResponseWebSearchCallInProgressEvent = z.infer<
  typeof tools.ResponseWebSearchCallInProgressEventSchema
>;
export type ResponseWebSearchCallSearchingEvent = z.infer<
  typeof tools.ResponseWebSearchCallSearchingEventSchema
>;
export type ResponseImageGenCallCompletedEvent = z.infer<
  typeof tools.ResponseImageGenCallCompletedEventSchema
>;
export type ResponseImageGenCallGeneratingEvent = z.infer<
  typeof tools.ResponseImageGenCallGeneratingEventSchema
>;
export type ResponseImageGenCallInProgressEvent = z.infer<
  typeof tools.ResponseImageGenCallInProgressEventSchema
>;
export type ResponseImageGenCallPartialImageEvent = z.infer<
  typeof tools.ResponseImageGenCallPartialImageEventSchema
>;
export type ResponseMcpCallArgumentsDeltaEvent = z.infer<
  typeof tools.ResponseMcpCallArgumentsDeltaEventSchema
>;
export type ResponseMcpCallArgumentsDoneEvent = z.infer<
  typeof tools.ResponseMcpCallArgumentsDoneEventSchema
>;
export type ResponseMcpCallCompletedEvent = z.infer<
  typeof tools.ResponseMcpCallCompletedEventSchema
>;
export type ResponseMcpCallFailedEvent = z.infer<typeof tools.ResponseMcpCallFailedEventSchema>;
export type ResponseMcpCallInProgressEvent = z.infer<
  typeof tools.ResponseMcpCallInProgressEventSchema
>;
export type ResponseMcpListToolsCompletedEvent = z.infer<
  typeof tools.ResponseMcpListToolsCompletedEventSchema
>;
export type ResponseMcpListToolsFailedEvent = z.infer<
  typeof tools.ResponseMcpListToolsFailedEventSchema
>;
export type ResponseMcpListToolsInProgressEvent = z.infer<
  typeof tools.ResponseMcpListToolsInProgressEventSchema
>;
