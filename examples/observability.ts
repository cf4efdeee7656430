/**
 * Seeing what the client does: hooks, log lines, and OpenTelemetry spans after the GenAI
 * semantic conventions (`responses-client/otel`), here with the OpenTelemetry SDK's in-memory
 * exporter, printed as a tree at the end: a conversation turn that calls a tool.
 *
 *   npx tsx examples/observability.ts      # no key, no network
 */
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ResponsesClient } from 'responses-client';
import { withTelemetry } from 'responses-client/otel';
import { createFakeServer } from 'responses-client/testing';
import { z } from 'zod/mini';

const server = createFakeServer({
  turns: [
    { type: 'function_call', calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] },
    'It is -3°C in Oslo: wear a coat.',
  ],
});

// 1. Hooks: called as requests go, given values with the key redacted.
// 2. Logs: `info` writes a line per request (`debug` adds headers and bodies, redacted).
const client = new ResponsesClient({
  fetch: server.fetch,
  baseURL: server.baseURL,
  apiKey: 'sk-example-0123456789',
  logLevel: 'info',
  hooks: {
    onRequest: ({ method, url, headers, attempt }) =>
      console.log(`hook: ${method} ${url} (attempt ${attempt}, ${headers.authorization})`),
    onResponse: ({ status, requestId, durationMs }) =>
      console.log(`hook: ${status} ${requestId ?? ''} in ${Math.round(durationMs)} ms`),
  },
});

// 3. Spans: a tracer of the OpenTelemetry SDK (in an app: NodeSDK's, with your exporter).
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const traced = withTelemetry(client, { tracer: provider.getTracer('example') });

const chat = traced.conversation({
  model: 'fake-model',
  tools: {
    get_weather: {
      parameters: z.object({ city: z.string() }),
      execute: ({ city }) => ({ city, temperature: '-3°C' }),
    },
  },
});
console.log(`> ${(await chat.send('Do I need a coat in Oslo?')).output_text}`);

// The spans as a tree: the turn, its two chat requests and its tool call.
const spans = exporter.getFinishedSpans();
const print = (span: ReadableSpan, depth: number) => {
  const { attributes } = span;
  const usage = attributes['gen_ai.usage.output_tokens'];
  console.log(
    `${'  '.repeat(depth)}${span.name}${usage === undefined ? '' : ` (${usage} output tokens)`}`,
  );
  for (const child of spans)
    if (child.parentSpanContext?.spanId === span.spanContext().spanId) print(child, depth + 1);
};
for (const root of spans.filter((span) => !span.parentSpanContext)) print(root, 0);
if (spans.length !== 4) throw new Error(`expected 4 spans, got ${spans.length}`);
await provider.shutdown();
