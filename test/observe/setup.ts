/** What the observability tests share: scripted answers, and a client of them. */
import { HttpResponse } from 'msw';
import { ResponsesClient } from '../../src/client.js';
import type { ClientOptions } from '../../src/options.js';
import { type FetchCall, responseObject, scriptFetch } from '../helpers/msw.js';
import { bodyOf, textStreamFrames } from '../helpers/streams.js';

export const baseURL = 'https://api.test/v1';

/** A 200 JSON answer with the response `resp_1` (usage included), and a request id. */
export function jsonAnswer(id = 'resp_1'): Response {
  return HttpResponse.json(
    { ...responseObject(id), usage: { input_tokens: 11, output_tokens: 7, total_tokens: 18 } },
    { headers: { 'x-request-id': `req_${id}` } },
  );
}

/** A 200 SSE answer with these frames (default: a text stream that says Hi there). */
export function sseAnswer(
  frames: readonly (string | Uint8Array)[] = textStreamFrames(['Hi', ' there']),
  options: { open?: boolean } = {},
): Response {
  return new Response(bodyOf(frames, options), {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_stream' },
  });
}

/** A 200 SSE answer that sends `first`, then breaks off (the connection drops midway). */
export function brokenAnswer(first: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** A JSON error answer. */
export function errorAnswer(status: number, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { error: { message: `failed with ${status}`, type: 'server_error', code: null, param: null } },
    { status, headers: { 'x-request-id': `req_${status}`, ...headers } },
  );
}

/** A client whose fetch answers each call as `respond` says (no retry wait: `retry-after-ms: 0`). */
export function clientWith(
  respond: (call: FetchCall, index: number) => Response | Promise<Response>,
  options: ClientOptions = {},
) {
  const scripted = scriptFetch(respond);
  // Typed as an OpenAI client whatever its dialect (the tests call what every dialect here has).
  const client: ResponsesClient = new ResponsesClient({
    apiKey: 'sk-test-key-0123456789',
    baseURL,
    fetch: scripted.fetch,
    ...options,
  }) as ResponsesClient;
  return { client, calls: scripted.calls };
}

/** A logger that keeps every line, by level. */
export function memoryLogger() {
  const lines: { level: string; message: string; rest: unknown[] }[] = [];
  const at =
    (level: string) =>
    (message: string, ...rest: unknown[]) =>
      lines.push({ level, message, rest });
  return {
    lines,
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
    /** Every line and its values, as one text (to look for a secret in). */
    text: () => JSON.stringify(lines),
  };
}
