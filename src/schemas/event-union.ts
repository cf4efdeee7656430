/**
 * The union of the 60 stream events over the schemas nested in the lifecycle events, closed by a
 * typed catch-all: built once with the full schemas (events.ts, the types) and once with the
 * envelopes (envelope.ts, the default runtime check), from the same event definitions.
 */
import * as z from 'zod/mini';
import * as callArguments from './events-call-arguments.js';
import * as code from './events-code.js';
import { type LifecycleNested, lifecycleEvents } from './events-lifecycle.js';
import * as mcp from './events-mcp.js';
import * as reasoning from './events-reasoning.js';
import * as text from './events-text.js';
import * as tools from './events-tools.js';
import { catchAll, typesOf } from './shared.js';

/** The event schemas and their union, over the given nested schemas. */
export function eventUnion<
  Response extends z.core.$ZodType,
  Item extends z.core.$ZodType,
  Part extends z.core.$ZodType,
>(nested: LifecycleNested<Response, Item, Part>) {
  const lifecycle = lifecycleEvents(nested);
  type Lifecycle = (typeof lifecycle)[keyof typeof lifecycle];
  const knownEvents = [
    // The lifecycle events, in the order lifecycleEvents() defines them (none is named twice).
    ...(Object.values(lifecycle) as [Lifecycle, ...Lifecycle[]]),
    text.ResponseAudioDeltaEventSchema,
    text.ResponseAudioDoneEventSchema,
    text.ResponseAudioTranscriptDeltaEventSchema,
    text.ResponseAudioTranscriptDoneEventSchema,
    callArguments.ResponseFunctionCallArgumentsDeltaEventSchema,
    callArguments.ResponseFunctionCallArgumentsDoneEventSchema,
    reasoning.ResponseReasoningSummaryPartAddedEventSchema,
    reasoning.ResponseReasoningSummaryPartDoneEventSchema,
    reasoning.ResponseReasoningSummaryTextDeltaEventSchema,
    reasoning.ResponseReasoningSummaryTextDoneEventSchema,
    reasoning.ResponseReasoningTextDeltaEventSchema,
    reasoning.ResponseReasoningTextDoneEventSchema,
    text.ResponseRefusalDeltaEventSchema,
    text.ResponseRefusalDoneEventSchema,
    text.ResponseTextDeltaEventSchema,
    text.ResponseTextDoneEventSchema,
    text.ResponseOutputTextAnnotationAddedEventSchema,
    callArguments.ResponseCustomToolCallInputDeltaEventSchema,
    callArguments.ResponseCustomToolCallInputDoneEventSchema,
    reasoning.ResponseReasoningDeltaEventSchema,
    reasoning.ResponseReasoningDoneEventSchema,
    code.ResponseCodeInterpreterCallCodeDeltaEventSchema,
    code.ResponseCodeInterpreterCallCodeDoneEventSchema,
    code.ResponseCodeInterpreterCallCompletedEventSchema,
    code.ResponseCodeInterpreterCallInProgressEventSchema,
    code.ResponseCodeInterpreterCallInterpretingEventSchema,
    tools.ResponseFileSearchCallCompletedEventSchema,
    tools.ResponseFileSearchCallInProgressEventSchema,
    tools.ResponseFileSearchCallSearchingEventSchema,
    code.ResponseShellCallCommandAddedEventSchema,
    code.ResponseShellCallCommandDeltaEventSchema,
    code.ResponseShellCallCommandDoneEventSchema,
    code.ResponseShellCallOutputContentDeltaEventSchema,
    code.ResponseShellCallOutputContentDoneEventSchema,
    tools.ResponseWebSearchCallCompletedEventSchema,
    tools.ResponseWebSearchCallInProgressEventSchema,
    tools.ResponseWebSearchCallSearchingEventSchema,
    tools.ResponseImageGenCallCompletedEventSchema,
    tools.ResponseImageGenCallGeneratingEventSchema,
    tools.ResponseImageGenCallInProgressEventSchema,
    tools.ResponseImageGenCallPartialImageEventSchema,
    callArguments.ResponseMcpCallArgumentsDeltaEventSchema,
    callArguments.ResponseMcpCallArgumentsDoneEventSchema,
    mcp.ResponseMcpCallCompletedEventSchema,
    mcp.ResponseMcpCallFailedEventSchema,
    mcp.ResponseMcpCallInProgressEventSchema,
    mcp.ResponseMcpListToolsCompletedEventSchema,
    mcp.ResponseMcpListToolsFailedEventSchema,
    mcp.ResponseMcpListToolsInProgressEventSchema,
  ] as const;
  /** An event of a type this client does not know; kept whole. */
  const unknown = z.looseObject({
    ...catchAll(() => typesOf(knownEvents)).shape,
    /** The event's position in the stream, when sent. */
    sequence_number: z.optional(z.number()),
  });
  return { lifecycle, knownEvents, unknown };
}
