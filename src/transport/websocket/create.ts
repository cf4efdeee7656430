/**
 * `responses.create` over the WebSocket transport: the request checked and mapped as over HTTP,
 * sent as one `response.create` message on a pooled connection, and its frames read by the same
 * `ResponseStream` an SSE body feeds (the dialect's normalizer, the client's validation). A
 * unary create is that stream's final response. Loaded on the first WebSocket request.
 */
import {
  APIError,
  APIUserAbortError,
  RequestValidationError,
  ResponsesError,
  StreamError,
  type ValidationIssue,
} from '../../errors.js';
import { isObject } from '../../json.js';
import type { RequestProbe, Watcher } from '../../observe/instrumentation.js';
import type { ClientConfig, RequestOptions } from '../../options.js';
import type { AnyDialect, Prepared } from '../../resources/prepare.js';
import { openResponseStream, readResponse } from '../../resources/read-response.js';
import { OpenAIWebSocketParamsSchema } from '../../schemas/dialects/openai-websocket.js';
import { checkRequest as checkWire } from '../../schemas/validate.js';
import { withOutputText } from '../../stream/output-text.js';
import type { ResponseStream } from '../../stream/response-stream.js';
import type { Response, WireObject } from '../../types/index.js';
import type { CallOptions } from '../call-options.js';
import { mergeHeaders } from '../headers.js';
import { redactError, secretsOf, textRedactor } from '../redact.js';
import { wait } from '../request.js';
import { retryDelayMs } from '../retry.js';
import type { WithResponse } from '../send-and-read.js';
import { laneKey } from '../transport-option.js';
import { buildURL } from '../url.js';
import { ageLimit, asFailure, refusalOf, retryable } from './failures.js';
import type { FrameSource } from './frame-source.js';
import { SocketPool } from './pool.js';

/** How many connections a client keeps at most, when its `maxSockets` option does not say. */
export const defaultMaxSockets = 4;

/** Fields of the create params that only HTTP has: WebSocket mode streams every response. */
const httpOnly = ['stream', 'stream_options', 'background'] as const;

/**
 * Creates a response over the client's sockets: a `ResponseStream` when `params.stream`, else
 * the response its stream ends with. Before the first event, an `error` message is the
 * `APIError` of its status (retried as over HTTP), and a socket that closed is retried on a new
 * one; after it, both are a `StreamError` of the stream.
 */
export async function createOverWebSocket(
  config: ClientConfig,
  dialect: AnyDialect,
  call: CallOptions,
  prepared: Prepared,
  params: WireObject,
  options: RequestOptions | undefined,
): Promise<WithResponse<Response | ResponseStream>> {
  checkRequest(dialect, params, prepared, options);
  checkWire(OpenAIWebSocketParamsSchema, params, 'request');
  const message: WireObject = { type: 'response.create', ...prepared.body, ...call.extraBody };
  for (const field of httpOnly) delete message[field];
  const text = JSON.stringify(message);
  const secrets = secretsOf({ ...call, auth: dialect.authHeaders });
  // What watches the client (hooks, log, spans) sees this request as over HTTP.
  const watcher = call.observe && (await call.observe());
  const probe = watcher?.probe(
    {
      operation: 'chat',
      method: 'WEBSOCKET',
      url: socketURL(config, dialect, call),
      body: prepared.body,
      stream: params.stream === true,
      transport: 'websocket',
      redact: textRedactor(secrets),
    },
    call.signal,
  );
  try {
    const watched = watcher && probe ? { watcher, probe } : undefined;
    const result = await sendOverWebSocket(config, dialect, call, params, options, text, watched);
    if (!params.stream) probe?.end({ kind: 'completed', value: result.data });
    return result;
  } catch (error) {
    probe?.end({ kind: 'failed', error });
    throw error;
  }
}

/** Sends the `response.create` message, retried as over HTTP (see {@link createOverWebSocket}). */
async function sendOverWebSocket(
  config: ClientConfig,
  dialect: AnyDialect,
  call: CallOptions,
  params: WireObject,
  options: RequestOptions | undefined,
  text: string,
  watched: { watcher: Watcher; probe: RequestProbe } | undefined,
): Promise<WithResponse<Response | ResponseStream>> {
  const probe = watched?.probe;
  const pool = await poolOf(config, dialect, call);
  const pin = (options as { [laneKey]?: object } | undefined)?.[laneKey];
  const { maxRetries, timeout, signal, apiKey } = call;
  /** Takes the client's secrets out of an error built from what the server sent, as over HTTP. */
  const redact = <E>(error: E): E =>
    redactError(error, secretsOf({ ...call, auth: dialect.authHeaders }));

  let replacedSocket = false;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    const link = () => controller.abort();
    signal?.addEventListener('abort', link, { once: true });
    let source: FrameSource | undefined;
    let failure: ResponsesError;
    try {
      const connection = await pool.acquire(pin, signal);
      probe?.attempt(
        {
          url: pool.dial.url,
          method: 'WEBSOCKET',
          headers: new Headers(pool.dial.headers),
          body: text,
        },
        attempt + 1,
      );
      source = await connection.send({
        text,
        signal: controller.signal,
        callerSignal: signal,
        timeout,
      });
      const first = await source.first();
      const refusal = refusalOf(first, apiKey);
      probe?.response({
        status: refusal instanceof APIError ? refusal.status : 200,
        headers: connection.headers,
      });
      if (!refusal) {
        probe?.firstChunk();
        const headers = connection.headers;
        const response = new globalThis.Response(null, { headers });
        const requestId = headers.get('x-request-id') ?? undefined;
        // A unary create reads the terminal event's response only, as over HTTP it reads one
        // body: checked as a response, its events never decoded (unless it came without output).
        const whole = params.stream ? undefined : await terminalResponse(source);
        if (whole) {
          try {
            return { data: readResponse(config, dialect, whole), response, requestId };
          } catch (error) {
            throw redact(error);
          }
        }
        const stream = openResponseStream(
          config,
          dialect,
          call,
          {
            body: source,
            controller,
            signal,
            idleTimeout: timeout,
            response,
            requestId,
            redact: async (error) => redact(error),
            // A streamed create's probe ends with its stream, however it ends.
            ...(watched && params.stream
              ? {
                  onEnd: (failure: unknown) =>
                    watched.watcher.ended(watched.probe, stream, failure),
                }
              : {}),
          },
          {},
        );
        return { data: params.stream ? stream : await unary(stream), response, requestId };
      }
      failure = refusal;
    } catch (error) {
      if (signal?.aborted || error instanceof APIUserAbortError) throw new APIUserAbortError();
      failure = asFailure(error, source);
      // Retried only when no event of the response arrived: after one, it is the stream's end.
      if (source && source.received > 0) throw redact(failure);
    } finally {
      signal?.removeEventListener('abort', link);
    }
    // The server's connection age limit: the connection let that socket go; the same request
    // goes again on a new one, once, and it counts as no retry.
    if (failure instanceof APIError && failure.code === ageLimit && !replacedSocket) {
      replacedSocket = true;
      attempt -= 1;
      continue;
    }
    if (attempt >= maxRetries || !retryable(failure, source)) throw redact(failure);
    const delayMs = retryDelayMs(
      attempt,
      failure instanceof APIError ? failure.headers : undefined,
    );
    probe?.retry({ attempt: attempt + 2, delayMs, error: redact(failure) });
    await wait(delayMs, signal);
  }
}

/** Refuses, before anything is sent, what the WebSocket transport cannot carry. */
function checkRequest(
  dialect: AnyDialect,
  params: WireObject,
  prepared: Prepared,
  options: RequestOptions | undefined,
): void {
  const issues: ValidationIssue[] = [];
  if (dialect.webSocket !== true)
    issues.push({
      path: ['transport'],
      message: `the ${dialect.name} dialect's server has no WebSocket mode: use transport: 'http'`,
    });
  if (params.background === true)
    issues.push({
      path: ['background'],
      message: "a background response cannot go over a WebSocket: use transport: 'http'",
    });
  const own = [...mergeHeaders(options?.headers ?? {}, prepared.headers).keys()];
  if (own.length > 0)
    issues.push({
      path: ['headers'],
      message: `a request over a WebSocket carries no headers of its own (${own.join(', ')}): the client's go with the upgrade; use transport: 'http' for this one`,
    });
  if (issues.length > 0) throw new RequestValidationError(issues, 'request');
}

/** The URL of the client's sockets: the responses path, over `wss:` (or `ws:`). */
function socketURL(config: ClientConfig, dialect: AnyDialect, call: CallOptions): string {
  const url = new URL(buildURL(call.baseURL, dialect.paths.responses(config.context)));
  url.protocol =
    url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  return url.href;
}

/** The client's pool, made on its first WebSocket request. */
function poolOf(config: ClientConfig, dialect: AnyDialect, call: CallOptions): Promise<SocketPool> {
  const settings = config.webSocket;
  settings.pool ??= Promise.resolve().then(() => {
    const url = socketURL(config, dialect, call);
    const { apiKey } = config.transport;
    const headers = Object.fromEntries(
      mergeHeaders(apiKey ? dialect.authHeaders(apiKey) : {}, config.transport.headers),
    );
    const max = settings.options.maxSockets ?? defaultMaxSockets;
    if (!Number.isFinite(max) || max < 1)
      throw new ResponsesError(`The maxSockets option must be a finite number ≥ 1; got ${max}.`);
    return new SocketPool(
      { url, headers, WebSocket: settings.options.WebSocket, apiKey },
      Math.floor(max),
    );
  });
  return settings.pool;
}

/**
 * The response a unary create's terminal event carries, once the last frame came: `undefined`
 * when the socket broke first, or the response has no output (a sparse server's, which its
 * events rebuild): the stream is decoded then.
 */
async function terminalResponse(source: FrameSource): Promise<WireObject | undefined> {
  await source.settled();
  const last = source.lastFrame;
  if (last === undefined) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(last);
  } catch {
    return undefined;
  }
  if (!isObject(event) || event.type === 'error' || !isObject(event.response)) return undefined;
  const { output } = event.response;
  return Array.isArray(output) && output.length > 0 ? event.response : undefined;
}

/**
 * A unary create's answer: the response the stream ends with. A failed response is returned as
 * over HTTP (where a `failed` body is a response, not an error); a broken stream still throws.
 */
async function unary(stream: ResponseStream): Promise<Response> {
  try {
    return await stream.finalResponse();
  } catch (error) {
    const event = error instanceof StreamError ? error.event : undefined;
    if (!isObject(event) || event.type !== 'response.failed' || !isObject(event.response))
      throw error;
    const response = event.response;
    const output = Array.isArray(response.output) ? response.output : [];
    return withOutputText({ ...response, output }) as unknown as Response;
  }
}
