/**
 * Spans after the OpenTelemetry GenAI semantic conventions (v1.41, in development): `chat {model}`
 * per response or chat completion created (CLIENT; `shape.ts` says how each reads), `invoke_agent`
 * per conversation turn and `execute_tool {name}` per tool call (INTERNAL), the turn's requests and
 * tool calls its children. Parents are passed explicitly (a turn's span is the parent of its
 * requests' and tools'), never read from a context manager, which an app may not have installed; a
 * span with no turn above it is a child of the active span, if any. Every span ends once, however
 * its work ends.
 */
import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { isObject } from '../json.js';
import type {
  Instrumentation,
  Outcome,
  RequestProbe,
  RequestStart,
  ToolProbe,
  TurnProbe,
} from '../observe/instrumentation.js';
import { responseShape } from './attributes.js';
import { chatCompletionShape } from './chat-attributes.js';
import type { SpanShape } from './shape.js';

/** The requests that make a `chat` span, and how each reads: the others make none. */
const shapes: Partial<Record<RequestStart['operation'], SpanShape>> = {
  chat: responseShape,
  'chat.completions': chatCompletionShape,
};

/** How spans are made. */
export interface SpanSettings {
  readonly tracer: Tracer;
  /** Record messages, instructions, tool arguments and results (they may hold personal data). */
  readonly captureContent: boolean;
}

/** A turn's probe: its span, the parent of its requests' and tool calls' spans. */
class TurnSpan implements TurnProbe {
  constructor(
    readonly span: Span,
    readonly settings: SpanSettings,
    readonly redact: (text: string) => string,
  ) {}

  tool(call: { name: string; callId: string; arguments: string }): ToolProbe {
    const { tracer, captureContent } = this.settings;
    const span = tracer.startSpan(
      this.redact(`execute_tool ${call.name}`),
      {
        kind: SpanKind.INTERNAL,
        attributes: redacted(
          {
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.name': call.name,
            'gen_ai.tool.call.id': call.callId,
            'gen_ai.tool.type': 'function',
            ...(captureContent ? { 'gen_ai.tool.call.arguments': call.arguments } : {}),
          },
          this.redact,
        ),
      },
      trace.setSpan(context.active(), this.span),
    );
    return {
      end: (outcome) => {
        if (outcome.kind === 'completed' && captureContent && typeof outcome.value === 'string')
          span.setAttribute('gen_ai.tool.call.result', this.redact(outcome.value));
        finish(span, outcome, this.redact);
      },
    };
  }

  end(outcome: Outcome): void {
    if (outcome.kind === 'completed') {
      const id = (outcome.value as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') this.span.setAttribute('gen_ai.response.id', this.redact(id));
    }
    finish(this.span, outcome, this.redact);
  }
}

/**
 * Attributes with the client's secrets taken out of every text: what a request or an answer says
 * (a model name, an id, a server's code) may echo the key, like any text the server sends.
 */
function redacted(attributes: Attributes, redact: (text: string) => string): Attributes {
  const clean: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string') clean[key] = redact(value);
    else if (Array.isArray(value) && value.every((each) => typeof each === 'string'))
      clean[key] = (value as string[]).map(redact);
    else clean[key] = value;
  }
  return clean;
}

/** What kind of error a span ended with: the server's code, else the error's class. */
function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.name : typeof error;
}

/** Ends a span as its work ended: `error.type` and an ERROR status for a failure. */
function finish(span: Span, outcome: Outcome, redact: (text: string) => string): void {
  if (outcome.kind === 'failed') {
    const { error } = outcome;
    span.setAttribute('error.type', redact(errorType(error)));
    const message = error instanceof Error ? error.message : String(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: redact(message) });
    if (error instanceof Error)
      span.recordException({ name: error.name, message: redact(error.message) });
  }
  span.end();
}

/** The parent of a span: the turn's span, else whatever span is active. */
function parentOf(parent: unknown): Context {
  return parent instanceof TurnSpan
    ? trace.setSpan(context.active(), parent.span)
    : context.active();
}

/** Where the server is: `server.address` and `server.port`. */
function serverOf(url: string): Attributes {
  try {
    const { hostname, port, protocol } = new URL(url);
    const known = protocol === 'https:' || protocol === 'wss:' ? 443 : 80;
    return { 'server.address': hostname, 'server.port': port ? Number(port) : known };
  } catch {
    return {};
  }
}

const quiet: RequestProbe = {
  attempt() {},
  response() {},
  retry() {},
  firstChunk() {},
  end() {},
};

/** A `chat {model}` span for a response or a chat completion being created, read by `shape`. */
function chatSpan(start: RequestStart, settings: SpanSettings, shape: SpanShape): RequestProbe {
  const { tracer, captureContent } = settings;
  const body = start.body ?? {};
  const model = typeof body.model === 'string' ? body.model : undefined;
  const redact = start.redact;
  const attributes: Attributes = redacted(
    {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': start.provider ?? 'openai',
      ...(model ? { 'gen_ai.request.model': model } : {}),
      'gen_ai.request.stream': start.stream,
      ...serverOf(start.url),
      ...shape.request(body),
      ...(captureContent ? shape.input(body) : {}),
    },
    redact,
  );
  const began = performance.now();
  const span = tracer.startSpan(
    redact(model ? `chat ${model}` : 'chat'),
    { kind: SpanKind.CLIENT, attributes },
    parentOf(start.parent),
  );
  let ended = false;
  return {
    attempt: () => {},
    response: ({ status }) => {
      if (status >= 400) span.setAttribute('http.response.status_code', status);
    },
    retry: ({ attempt, delayMs }) => {
      span.addEvent('retry', { attempt, 'delay.ms': delayMs });
    },
    firstChunk: () => {
      span.setAttribute('gen_ai.response.time_to_first_chunk', (performance.now() - began) / 1000);
    },
    end: (outcome) => {
      if (ended) return;
      ended = true;
      const answer = outcome.kind === 'completed' ? outcome.value : undefined;
      if (isObject(answer)) {
        span.setAttributes(redacted(shape.response(answer), redact));
        if (captureContent)
          span.setAttribute('gen_ai.output.messages', redact(JSON.stringify(shape.output(answer))));
        const failure = shape.failure(answer);
        if (failure !== undefined) {
          finish(span, { kind: 'failed', error: failure }, redact);
          return;
        }
      }
      finish(span, outcome, redact);
    },
  };
}

/** The spans of a client as an instrumentation. */
export function spansInstrumentation(settings: SpanSettings): Instrumentation {
  return {
    request: (start) => {
      const shape = shapes[start.operation];
      return shape ? chatSpan(start, settings, shape) : quiet;
    },
    turn(start) {
      const span = settings.tracer.startSpan(
        'invoke_agent',
        {
          kind: SpanKind.INTERNAL,
          attributes: redacted(
            {
              'gen_ai.operation.name': 'invoke_agent',
              'gen_ai.provider.name': start.provider ?? 'openai',
              ...(start.model ? { 'gen_ai.request.model': start.model } : {}),
              ...(start.conversationId ? { 'gen_ai.conversation.id': start.conversationId } : {}),
              ...(settings.captureContent && start.input !== undefined
                ? { 'gen_ai.input.messages': JSON.stringify(start.input) }
                : {}),
            },
            start.redact,
          ),
        },
        context.active(),
      );
      return new TurnSpan(span, settings, start.redact);
    },
  };
}
