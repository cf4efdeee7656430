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
import { expect, vi } from 'vitest';
import type { ClientOptions } from '../../src/options.js';
import { withTelemetry } from '../../src/otel/index.js';
import { clientWith } from '../observe/setup.js';

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

/** A client whose requests are answered by `answer`, traced to memory (content kept if asked). */
export function traced(
  answer: () => Response,
  options: ClientOptions & { captureContent?: boolean } = {},
) {
  const { captureContent = false, ...clientOptions } = options;
  const memory = memoryTracer();
  const { client } = clientWith(answer, clientOptions);
  return { memory, client: withTelemetry(client, { tracer: memory.tracer, captureContent }) };
}

/** Waits until the one span has ended, and no span is left open; returns it. */
export async function theSpan(memory: ReturnType<typeof memoryTracer>) {
  await vi.waitFor(() => expect(memory.spans()).toHaveLength(1));
  expect(memory.open()).toBe(0);
  return memory.spans()[0];
}
