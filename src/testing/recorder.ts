/**
 * The recorder: a `fetch` that passes every request through to the real one and records the
 * exchange as it happens (the body chunk by chunk, as the app's reader gets it), and the
 * cassette of all of them, secrets removed.
 */
import type { Cassette, CassetteExchange, CassetteResponse } from './cassette.js';
import {
  type Redaction,
  redactHeaders,
  redactionOf,
  scrub,
  scrubChunks,
  scrubJson,
  type TimedChunk,
} from './redact-cassette.js';

/** A function with the shape of `fetch`. */
export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<globalThis.Response>;

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /**
   * The `fetch` that reaches the real server; default `globalThis.fetch`, looked up on every
   * call (so that a fetch patched later, as msw patches it, is the one used).
   */
  fetch?: FetchFunction | undefined;
  /**
   * More headers whose values are secrets, beside `authorization`, `proxy-authorization`,
   * `x-api-key`, `api-key`, `cookie` and `set-cookie` (a dialect of your own may send its key
   * in another). Their values are `[redacted]`, and removed wherever else they appear.
   */
  redactHeaders?: readonly string[] | undefined;
  /**
   * More secrets to remove wherever they appear (a key sent in a URL, a customer's email). The
   * API key needs no listing: it is in the auth headers, and removed with their values.
   */
  secrets?: readonly string[] | undefined;
}

/** A recorder of an app's traffic: pass its `fetch` to the client, then save its `cassette()`. */
export interface Recorder {
  /** Pass it as the client's `fetch` option: each request goes to the real server, recorded. */
  readonly fetch: FetchFunction;
  /**
   * Every exchange so far, in the order its request was sent, as plain JSON with its secrets
   * removed: save it with `JSON.stringify`, replay it with `createFakeServer({ cassette })`.
   * A body still being read is recorded up to where it is (`end: 'stopped'`).
   */
  cassette(): Cassette;
}

/** An exchange as it is being recorded: raw, secrets still in. */
interface Raw {
  request: { method: string; url: string; headers: [string, string][]; body: string | undefined };
  response?: {
    status: number;
    statusText: string;
    headers: [string, string][];
    chunks: TimedChunk[];
    end: CassetteResponse['end'];
    bodyError?: { name: string; message: string };
  };
  error?: { name: string; message: string; aborted: boolean };
}

/** An error's name and message, whatever was thrown. */
export const errorOf = (error: unknown) =>
  error instanceof Error || error instanceof DOMException
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };

/**
 * Creates a recorder: its `fetch` sends each request on to the real `fetch` unchanged, and
 * records it and what came back, unary or streamed, byte for byte and chunk by chunk (with when
 * each chunk arrived), failures included: an error status, a retry (a 429 and the 200 after it
 * are two exchanges), a body that broke off, a fetch that rejected. `cassette()` gives them as
 * plain JSON with every secret removed: the values of the auth and cookie headers (and of
 * `redactHeaders`), and each of those values, and `secrets`, wherever else they appear.
 *
 * @example
 * const recorder = createRecorder({ fetch: globalThis.fetch });
 * const client = new ResponsesClient({ apiKey, fetch: recorder.fetch });
 * // … run the app …
 * writeFileSync('cassette.json', JSON.stringify(recorder.cassette(), null, 2));
 */
export function createRecorder(options: RecorderOptions = {}): Recorder {
  const raws: Raw[] = [];

  async function fetch(input: string | URL | Request, init?: RequestInit) {
    const fromRequest = input instanceof Request ? input : undefined;
    const headers = new Headers(init?.headers ?? fromRequest?.headers);
    const raw: Raw = {
      request: {
        method: (init?.method ?? fromRequest?.method ?? 'GET').toUpperCase(),
        url: fromRequest?.url ?? String(input),
        headers: [...headers],
        body: await bodyOf(input, init),
      },
    };
    raws.push(raw);
    const signal = init?.signal ?? fromRequest?.signal;
    const send = options.fetch ?? globalThis.fetch;
    let response: globalThis.Response;
    try {
      response = await send(input, init);
    } catch (error) {
      raw.error = { ...errorOf(error), aborted: signal?.aborted === true };
      throw error;
    }
    const kept: NonNullable<Raw['response']> = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      chunks: [],
      end: 'done',
    };
    raw.response = kept;
    if (!response.body) return response;
    const body = tap(response.body, kept, signal, !response.ok);
    const { status, statusText } = response;
    return new Response(body, { status, statusText, headers: response.headers });
  }

  return {
    fetch,
    cassette: () => {
      const redaction = redactionOf(
        raws.flatMap((raw) => [raw.request.headers, raw.response?.headers ?? []]),
        options.redactHeaders,
        options.secrets,
      );
      return { version: 1, exchanges: raws.map((raw) => exchangeOf(raw, redaction)) };
    },
  };
}

/** The body of a request, as text, read without using it up; `undefined` when it has none. */
async function bodyOf(input: string | URL | Request, init: RequestInit | undefined) {
  const body = init?.body;
  if (typeof body === 'string') return body || undefined;
  if (body == null)
    return input instanceof Request && input.body
      ? (await input.clone().text()) || undefined
      : undefined;
  // A stream is read once, by the real fetch: there is nothing left to record.
  if (body instanceof ReadableStream) return '[a streamed body: not recorded]';
  return await new Request('http://body.invalid', { method: 'POST', body }).text();
}

/**
 * The app's copy of a body: each chunk the app reads is read from the real body, recorded, and
 * handed on, so that the app sees what it would have seen, a break included (after the chunks
 * before it). The app cancelling it stops the reading, unless `readOn` (an error body, which a
 * retry skips: it is read to its end all the same, for the cassette).
 */
function tap(
  source: ReadableStream<Uint8Array>,
  into: NonNullable<Raw['response']>,
  signal: AbortSignal | null | undefined,
  readOn: boolean,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const start = Date.now();
  into.end = 'stopped';
  /** The next chunk, recorded; `undefined` at the end, which is recorded too. */
  const next = async () => {
    try {
      const { done, value } = await reader.read();
      if (done) into.end = 'done';
      else into.chunks.push({ bytes: value.slice(), ms: Date.now() - start });
      return done ? undefined : value;
    } catch (error) {
      // The app's own abort stops the body; anything else broke it off.
      if (signal?.aborted) into.end = 'stopped';
      else {
        into.end = 'error';
        into.bodyError = errorOf(error);
      }
      throw error;
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await next();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      async cancel(reason) {
        if (!readOn) return reader.cancel(reason);
        // Read on in the background, for the record; the app is gone.
        const drain = async () => {
          while ((await next()) !== undefined);
        };
        void drain().catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as base64, in pieces (a spread of a large array would overflow the stack). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** A raw exchange as the cassette keeps it, `redaction` applied. */
function exchangeOf(raw: Raw, redaction: Redaction): CassetteExchange {
  const { request } = raw;
  const exchange: CassetteExchange = {
    request: {
      method: request.method,
      url: scrub(request.url, redaction),
      headers: redactHeaders(request.headers, redaction),
    },
  };
  if (request.body !== undefined) {
    try {
      exchange.request.body = scrubJson(JSON.parse(request.body), redaction);
    } catch {
      exchange.request.bodyText = scrub(request.body, redaction);
    }
  }
  if (raw.error) exchange.error = { ...raw.error, message: scrub(raw.error.message, redaction) };
  const response = raw.response;
  if (!response) return exchange;
  exchange.response = {
    status: response.status,
    statusText: response.statusText,
    // The chunks are the body as fetch handed it over: decoded, whatever its length was.
    headers: redactHeaders(response.headers, redaction, ['content-encoding', 'content-length']),
    chunks: scrubChunks(response.chunks, redaction).map(({ bytes, ms }) => {
      try {
        return { ms, text: decoder.decode(bytes) };
      } catch {
        return { ms, base64: base64(bytes) };
      }
    }),
    end: response.end,
  };
  if (response.bodyError)
    exchange.response.bodyError = {
      ...response.bodyError,
      message: scrub(response.bodyError.message, redaction),
    };
  return exchange;
}
