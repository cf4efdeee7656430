/**
 * The client's internal instrumentation: the points of a request's life (each attempt, its
 * answer, a retry, the first chunk, the end), of a conversation turn and of a tool call, that
 * the transport, the stream and the conversation report to. Hooks, logs and OpenTelemetry spans
 * are three instrumentations; the client combines those it has into one. Nothing here is loaded
 * unless one is set: the transport checks one field, and the code behind it comes with `import()`.
 *
 * Parents are passed explicitly, never looked up in a context manager: a turn's probe is given
 * to the requests and tool calls it makes (the requests find it by the turn's abort signal,
 * which every request of the turn carries; see `observe/turns.ts`).
 */

import type { EventStreamInit } from '../stream/event-stream.js';
import type { CallOptions } from '../transport/call-options.js';
import type { APIRequest } from '../transport/request.js';
import type { WithResponse } from '../transport/send-and-read.js';

/**
 * What a request is for: `chat` for a response created, `chat.completions` for a chat completion
 * created (unary or streamed, each), else plain HTTP.
 */
export type Operation = 'chat' | 'chat.completions' | 'http';

/** A request about to begin: what it is, and the probe of the turn it belongs to, if any. */
export interface RequestStart<Parent = unknown> {
  /**
   * `chat` for `responses.create` (HTTP or WebSocket), `chat.completions` for
   * `chat.completions.create`, `http` for any other request.
   */
  readonly operation: Operation;
  /** The method, `GET`, `POST`, `DELETE`; `WEBSOCKET` for a message on a socket. */
  readonly method: string;
  /** The URL (a `wss:` URL over WebSocket). */
  readonly url: string;
  /** The JSON body as an object, before it is sent (the create params, mapped for the server). */
  readonly body: Record<string, unknown> | undefined;
  /** Whether the answer is an event stream. */
  readonly stream: boolean;
  /** The transport that carries it. */
  readonly transport: 'http' | 'websocket';
  /** The probe of the turn this request belongs to (this instrumentation's own). */
  readonly parent: Parent | undefined;
  /** Takes every secret of the client (its key, in every form) out of a text. */
  readonly redact: (text: string) => string;
  /** The server's dialect name (`gen_ai.provider.name`); filled in by the client's instrumentation. */
  readonly provider?: string | undefined;
}

/** One attempt, as it is sent: the headers and body are the wire's (the hooks redact them). */
export interface AttemptInfo {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The body as sent (JSON text), or `null`. */
  readonly body: string | null;
}

/** How a request, or its stream, ended. */
export type Outcome =
  /**
   * It completed: the response object (a `Response` of the Responses API, a `ChatCompletion`, or
   * any JSON answer; for a stream, what its `finalResponse()` gives).
   */
  | { readonly kind: 'completed'; readonly value: unknown }
  /** It failed: the error the caller was given (a failed response's `StreamError` too). */
  | { readonly kind: 'failed'; readonly error: unknown }
  /** The caller left it before its end: `break`, `return()` or `abort()`. */
  | { readonly kind: 'left' };

/** The probe of one request: told of its attempts, answers, retries, first chunk and end, once each end. */
export interface RequestProbe {
  /** An attempt is being sent: 1 for the first, 2 for the first retry… */
  attempt(info: AttemptInfo, attempt: number): void;
  /** An attempt's answer arrived (headers; any status, a retried one too). */
  response(response: { status: number; headers: Headers }): void;
  /** A retry will be sent after `delayMs`; `error` says why (an `APIError`, a connection error). */
  retry(info: { attempt: number; delayMs: number; error: unknown }): void;
  /** The first chunk of a streamed answer arrived. */
  firstChunk(): void;
  /** The request, and its stream if it has one, ended: called once. */
  end(outcome: Outcome): void;
}

/** A conversation turn about to begin. */
export interface TurnStart {
  /** The model of the conversation, when its params name one. */
  readonly model: string | undefined;
  /** The server-side conversation's id (`conversation` param), when the turns carry one. */
  readonly conversationId: string | undefined;
  /** The turn's input, as items. */
  readonly input: unknown;
  /** Takes every secret of the client out of a text. */
  readonly redact: (text: string) => string;
  /** The server's dialect name; filled in by the client's instrumentation. */
  readonly provider?: string | undefined;
}

/** The probe of one turn: its tool calls, and its end. */
export interface TurnProbe {
  /** A tool call begins: returns its probe. */
  tool(call: { name: string; callId: string; arguments: string }): ToolProbe;
  /** The turn ended (its last response, a failure, or left by its caller). */
  end(outcome: Outcome): void;
}

/** The probe of one tool call. */
export interface ToolProbe {
  /** The call ended: `completed` with the output sent back to the model, or `failed`. */
  end(outcome: Outcome): void;
}

/** One instrumentation (hooks, logs, spans): it makes the probes of requests and turns. */
export interface Instrumentation {
  /** A request begins. */
  request(start: RequestStart): RequestProbe;
  /** A conversation turn begins. */
  turn(start: TurnStart): TurnProbe;
}

/**
 * What `call.observe()` loads: the client's instrumentation, and the transport's instrumented
 * path (`observe/observed-send.ts`), which the plain one hands a request to when it is set.
 */
export interface Watcher {
  /** The client's hooks, log and spans, made one. */
  readonly instrumentation: Instrumentation;
  /** `sendAndReadText`, watched. */
  text(call: CallOptions, request: APIRequest): Promise<WithResponse<string>>;
  /** `sendAndReadJSON`, watched. */
  json<T>(
    call: CallOptions,
    request: APIRequest,
    parse: (body: unknown) => T,
  ): Promise<WithResponse<T>>;
  /** A request's probe, under the turn whose signal `signal` is (for a transport of its own). */
  probe(start: Omit<RequestStart, 'parent'>, signal: AbortSignal | undefined): RequestProbe;
  /** Ends a request's probe as its stream ended (see `streamEnded`). */
  ended(probe: RequestProbe, stream: unknown, failure: unknown): void;
  /** `sendAndOpenStream`, watched. */
  stream<S>(
    call: CallOptions,
    request: APIRequest,
    open: (init: EventStreamInit & { body: ReadableStream<Uint8Array> }) => S,
  ): Promise<WithResponse<S>>;
}

/** The instrumentation a client option carries (`withTelemetry` sets it); kept by `withOptions`. */
export interface InstrumentedOptions {
  /** Instrumentations beside the hooks and the log: `withTelemetry`'s spans. */
  instrumentation?: Instrumentation | undefined;
}
