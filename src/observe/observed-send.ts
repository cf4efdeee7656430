/**
 * The instrumented path of the transport, loaded when something watches a client's requests
 * (hooks, a log level, spans): each request gets a probe, told of its attempts, answers and
 * retries (by `send`), of a stream's first chunk, and of its end, once, however it ends:
 * completed, failed, aborted or left by `break`. Then the plain path runs as it always does.
 */
import { StreamError } from '../errors.js';
import { isObject } from '../json.js';
import type { EventStreamInit } from '../stream/event-stream.js';
import type { CallOptions } from '../transport/call-options.js';
import { secretsOf, textRedactor } from '../transport/redact.js';
import type { APIRequest } from '../transport/request.js';
import {
  sendAndOpenStream,
  sendAndReadJSON,
  sendAndReadText,
  type WithResponse,
} from '../transport/send-and-read.js';
import { buildURL } from '../transport/url.js';
import type { Outcome, RequestProbe, Watcher } from './instrumentation.js';
import { turnOf } from './turns.js';

/** A failure as an outcome. */
export const failed = (error: unknown): Outcome => ({ kind: 'failed', error });

/** The request's probe, and the call that carries it (and no longer loads the instrumentation). */
async function start(
  call: CallOptions,
  request: APIRequest,
  stream: boolean,
): Promise<[CallOptions, RequestProbe]> {
  const { instrumentation } = await (call.observe as () => Promise<Watcher>)();
  const probe = instrumentation.request({
    operation: request.operation ?? 'http',
    method: request.method,
    url: buildURL(call.baseURL, request.path, request.query),
    body: isObject(request.body) ? request.body : undefined,
    stream,
    transport: 'http',
    parent: turnOf(call.signal),
    redact: textRedactor(secretsOf({ ...call, auth: request.auth })),
  });
  return [{ ...call, observe: undefined, probe }, probe];
}

/** Runs a unary request with its probe: ended with its answer, or with its error. */
async function unary<T>(
  call: CallOptions,
  request: APIRequest,
  run: (call: CallOptions) => Promise<WithResponse<T>>,
): Promise<WithResponse<T>> {
  const [inner, probe] = await start(call, request, false);
  try {
    const result = await run(inner);
    probe.end({ kind: 'completed', value: result.data });
    return result;
  } catch (error) {
    probe.end(failed(error));
    throw error;
  }
}

/** `sendAndReadText`, watched. */
export function text(call: CallOptions, request: APIRequest) {
  return unary(call, request, (inner) => sendAndReadText(inner, request));
}

/** `sendAndReadJSON`, watched. */
export function json<T>(call: CallOptions, request: APIRequest, parse: (body: unknown) => T) {
  return unary(call, request, (inner) => sendAndReadJSON(inner, request, parse));
}

/**
 * `sendAndOpenStream`, watched: the body passes through a step that notes its first chunk, and
 * the stream's end (however it comes) ends the probe with the final response, the failure, or
 * `left` when the caller stopped reading first.
 */
export async function stream<S>(
  call: CallOptions,
  request: APIRequest,
  open: (init: EventStreamInit & { body: ReadableStream<Uint8Array> }) => S,
): Promise<WithResponse<S>> {
  const [inner, probe] = await start(call, request, true);
  try {
    return await sendAndOpenStream(inner, request, (init) => {
      let first = true;
      const body = init.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (first) probe.firstChunk();
            first = false;
            controller.enqueue(chunk);
          },
        }),
      );
      const opened: S = open({
        ...init,
        body,
        onEnd: (failure) => {
          init.onEnd?.(failure);
          void streamEnded(opened, failure).then((outcome) => probe.end(outcome));
        },
      });
      return opened;
    });
  } catch (error) {
    probe.end(failed(error));
    throw error;
  }
}

/**
 * How a stream ended: its failure; else its final response (a `response.failed` one is a
 * failure too), or a chat stream's completion rebuilt from its chunks; else, with no terminal
 * event, it was left by its caller (`break`, `abort()`).
 */
export async function streamEnded(stream: unknown, failure: unknown): Promise<Outcome> {
  if (failure !== undefined) return failed(failure);
  const { finalResponse, finalChatCompletion } = stream as {
    finalResponse?: () => Promise<unknown>;
    finalChatCompletion?: () => Promise<unknown>;
  };
  const final = finalResponse ?? finalChatCompletion;
  if (!final) return { kind: 'completed', value: undefined };
  try {
    return { kind: 'completed', value: await final.call(stream) };
  } catch (error) {
    return error instanceof StreamError && isObject(error.event) ? failed(error) : { kind: 'left' };
  }
}
