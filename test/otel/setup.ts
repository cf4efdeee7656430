/** What the telemetry tests share: a tracer whose spans go to memory, and a count of open spans. */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export { SpanKind, SpanStatusCode };

/** A tracer that keeps every ended span, and knows the spans started and not ended yet. */
export function memoryTracer() {
  const exporter = new InMemorySpanExporter();
  const open = new Set<Span>();
  const counting: SpanProcessor = {
    onStart: (span) => {
      open.add(span);
    },
    onEnd: (span) => {
      open.delete(span as Span);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const provider = new BasicTracerProvider({
    spanProcessors: [counting, new SimpleSpanProcessor(exporter)],
  });
  return {
    tracer: provider.getTracer('test'),
    /** The spans that ended, oldest first. */
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    /** How many spans started and never ended. */
    open: () => open.size,
  };
}

/** The span's parent's id, if it has one. */
export const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
