/**
 * `ResponseStreamEvent`: the 60 stream event types (OpenAI's 58 and OpenResponses'
 * `response.reasoning.delta` / `.done`), discriminated on `type`, closed by a typed catch-all so
 * events of new types pass through without spoiling the narrowing of known ones.
 */
import * as z from 'zod/mini';
import * as lifecycle from './events-lifecycle.js';
import * as text from './events-text.js';
import * as tools from './events-tools.js';
import { catchAll, typesOf } from './shared.js';

const knownEvents = [
  lifecycle.ResponseCompletedEventSchema,
  lifecycle.ResponseContentPartAddedEventSchema,
  lifecycle.ResponseContentPartDoneEventSchema,
  lifecycle.ResponseCreatedEventSchema,
  lifecycle.ResponseInProgressEventSchema,
  lifecycle.ResponseFailedEventSchema,
  lifecycle.ResponseIncompleteEventSchema,
  lifecycle.ResponseOutputItemAddedEventSchema,
  lifecycle.ResponseOutputItemDoneEventSchema,
  lifecycle.ResponseQueuedEventSchema,
  lifecycle.ResponseErrorEventSchema,
  text.ResponseAudioDeltaEventSchema,
  text.ResponseAudioDoneEventSchema,
  text.ResponseAudioTranscriptDeltaEventSchema,
  text.ResponseAudioTranscriptDoneEventSchema,
  text.ResponseFunctionCallArgumentsDeltaEventSchema,
  text.ResponseFunctionCallArgumentsDoneEventSchema,
  text.ResponseReasoningSummaryPartAddedEventSchema,
  text.ResponseReasoningSummaryPartDoneEventSchema,
  text.ResponseReasoningSummaryTextDeltaEventSchema,
  text.ResponseReasoningSummaryTextDoneEventSchema,
  text.ResponseReasoningTextDeltaEventSchema,
  text.ResponseReasoningTextDoneEventSchema,
  text.ResponseRefusalDeltaEventSchema,
  text.ResponseRefusalDoneEventSchema,
  text.ResponseTextDeltaEventSchema,
  text.ResponseTextDoneEventSchema,
  text.ResponseOutputTextAnnotationAddedEventSchema,
  text.ResponseCustomToolCallInputDeltaEventSchema,
  text.ResponseCustomToolCallInputDoneEventSchema,
  text.ResponseReasoningDeltaEventSchema,
  text.ResponseReasoningDoneEventSchema,
  tools.ResponseCodeInterpreterCallCodeDeltaEventSchema,
  tools.ResponseCodeInterpreterCallCodeDoneEventSchema,
  tools.ResponseCodeInterpreterCallCompletedEventSchema,
  tools.ResponseCodeInterpreterCallInProgressEventSchema,
  tools.ResponseCodeInterpreterCallInterpretingEventSchema,
  tools.ResponseFileSearchCallCompletedEventSchema,
  tools.ResponseFileSearchCallInProgressEventSchema,
  tools.ResponseFileSearchCallSearchingEventSchema,
  tools.ResponseShellCallCommandAddedEventSchema,
  tools.ResponseShellCallCommandDeltaEventSchema,
  tools.ResponseShellCallCommandDoneEventSchema,
  tools.ResponseShellCallOutputContentDeltaEventSchema,
  tools.ResponseShellCallOutputContentDoneEventSchema,
  tools.ResponseWebSearchCallCompletedEventSchema,
  tools.ResponseWebSearchCallInProgressEventSchema,
  tools.ResponseWebSearchCallSearchingEventSchema,
  tools.ResponseImageGenCallCompletedEventSchema,
  tools.ResponseImageGenCallGeneratingEventSchema,
  tools.ResponseImageGenCallInProgressEventSchema,
  tools.ResponseImageGenCallPartialImageEventSchema,
  tools.ResponseMcpCallArgumentsDeltaEventSchema,
  tools.ResponseMcpCallArgumentsDoneEventSchema,
  tools.ResponseMcpCallCompletedEventSchema,
  tools.ResponseMcpCallFailedEventSchema,
  tools.ResponseMcpCallInProgressEventSchema,
  tools.ResponseMcpListToolsCompletedEventSchema,
  tools.ResponseMcpListToolsFailedEventSchema,
  tools.ResponseMcpListToolsInProgressEventSchema,
] as const;

/** The 60 known event schemas. */
export const knownEventSchemas = knownEvents;
/** The known events only, discriminated on `type` (one map lookup, then one object). */
export const KnownStreamEventSchema = z.discriminatedUnion('type', [...knownEvents]);
/** An event of a type this client does not know; kept whole. */
export const UnknownStreamEventSchema = z.looseObject({
  ...catchAll(() => typesOf(knownEvents)).shape,
  /** The event's position in the stream, when sent. */
  sequence_number: z.optional(z.number()),
});
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
