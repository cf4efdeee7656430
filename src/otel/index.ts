/**
 * `responses-client/otel`: OpenTelemetry spans for a client, after the GenAI semantic
 * conventions. `@opentelemetry/api` is an optional peer dependency: only this entry imports it.
 */
import { type Tracer, trace } from '@opentelemetry/api';
import type { AnyResponsesClient } from '../client.js';
import type { InstrumentedOptions } from '../observe/instrumentation.js';
import type { ClientOptions } from '../options.js';
import { spansInstrumentation } from './spans.js';

/** Options of {@link withTelemetry}. */
export interface TelemetryOptions {
  /** The tracer spans are made with; default `trace.getTracer('responses-client')` (the global provider's). */
  tracer?: Tracer | undefined;
  /**
   * Records content on the spans: input and output messages, instructions, tool arguments and
   * results (`gen_ai.input.messages`, `gen_ai.output.messages`…). Default false: they may hold
   * personal data. The client's secrets are taken out either way.
   */
  captureContent?: boolean | undefined;
}

/**
 * A client like `client` (same options, same dialect) whose requests, conversation turns and
 * tool calls make OpenTelemetry spans: `chat {model}` per response created (unary, streamed,
 * over HTTP or WebSocket) and per chat completion created (unary, streamed), `invoke_agent`
 * per turn, `execute_tool {name}` per tool call, each ended however its work ends (completed,
 * failed, aborted, left by `break`).
 *
 * @example
 * const client = withTelemetry(new ResponsesClient({ apiKey }), { tracer: trace.getTracer('my-app') });
 */
export function withTelemetry<C extends AnyResponsesClient>(
  client: C,
  options: TelemetryOptions = {},
): C {
  const instrumentation = spansInstrumentation({
    tracer: options.tracer ?? trace.getTracer('responses-client'),
    captureContent: options.captureContent ?? false,
  });
  const instrumented: ClientOptions & InstrumentedOptions = { instrumentation };
  return client.withOptions(instrumented) as unknown as C;
}
