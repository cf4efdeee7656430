/**
 * Loads test/fixtures/corpus: real HTTP exchanges recorded by public projects (their provenance is
 * in each case's `source` and in SOURCES.md), and replays one through a fetch the client is given.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchLike } from 'responses-client';

export const corpusDir = join(import.meta.dirname, '../fixtures/corpus');

/** One recorded exchange: the request a project sent and what the server answered. */
export interface CorpusCase {
  /** `<source folder>/<file name without .json>`, the name tests show. */
  id: string;
  /** `owner/repo@commit:path#interaction-N` of the cassette it was taken from. */
  source: string;
  license: string;
  /** Who answered: openai, azure, openrouter, xai, deepseek, groq, vllm, ollama… */
  server: string;
  api: 'responses' | 'chat';
  request: { method: string; url: string; body: Record<string, unknown> };
  response: {
    status: number;
    headers: { 'content-type': string };
    /** A unary or error body, parsed. */
    body?: unknown;
    /** A streamed body, exactly as recorded. */
    sse?: string;
  };
}

/** What the case should do when replayed. */
export type CaseKind = 'unary' | 'stream' | 'stream-error' | 'error';

/** Every case of the corpus, sorted by id. */
export function corpusCases(): CorpusCase[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(corpusDir, dir.name))
        .filter((file) => file.endsWith('.json'))
        .map((file) => {
          const text = readFileSync(join(corpusDir, dir.name, file), 'utf8');
          return { id: `${dir.name}/${file.slice(0, -5)}`, ...JSON.parse(text) } as CorpusCase;
        }),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The data payloads of a recorded stream, `[DONE]` left out. */
export function sseData(sse: string): string[] {
  return sse
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter((data) => data !== '' && data !== '[DONE]');
}

/**
 * An HTTP error, a stream that reports an error (an `error` or `response.failed` event, or a
 * chat `{ error }` chunk: OpenRouter's carries its choices too), a stream, or a unary body.
 */
export function kindOf(c: CorpusCase): CaseKind {
  if (c.response.status >= 400) return 'error';
  if (c.response.sse === undefined) return 'unary';
  const failed = sseData(c.response.sse).some((data) => {
    const event = JSON.parse(data) as Record<string, unknown>;
    return (
      event.type === 'error' ||
      event.type === 'response.failed' ||
      (event.error !== undefined && (event.choices === undefined || c.server === 'openrouter'))
    );
  });
  return failed ? 'stream-error' : 'stream';
}

/** The recorded URL up to the endpoint, as the client's base URL; a redacted host gets loopback. */
export function baseURLOf(c: CorpusCase): string {
  const url = c.request.url.replace(/\?.*$/, '').replace(/\/(responses|chat\/completions)\/?$/, '');
  try {
    return new URL(url).href.replace(/\/$/, '');
  } catch {
    return 'http://127.0.0.1/v1';
  }
}

/**
 * The dialect a user of that server picks: OpenRouter's for OpenRouter (its Responses API and
 * its chat completions); the canonical one for everything else (OpenAI-compatible servers).
 */
export function dialectOf(c: CorpusCase): 'openai' | 'openrouter' {
  return c.server === 'openrouter' ? 'openrouter' : 'openai';
}

/** The message an error body carries, as the server wrote it. */
export function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message, detail } = body as Record<string, unknown>;
  if (typeof error === 'object' && error !== null) return serverMessage(error);
  if (typeof error === 'string') return error;
  if (typeof message === 'string') return message;
  if (typeof detail === 'string') return detail;
  return undefined;
}

/**
 * The request field a recorded error blames (`param`, `messages[3]` → `messages`), when the server
 * names one.
 */
export function blamedField(c: CorpusCase): string | undefined {
  const { body } = c.response;
  if (c.response.status < 400 || typeof body !== 'object' || body === null) return undefined;
  const { error } = body as Record<string, unknown>;
  const param =
    typeof error === 'object' && error !== null
      ? (error as Record<string, unknown>).param
      : undefined;
  return typeof param === 'string' ? param.split(/[.[]/)[0] : undefined;
}

/** One request the client sent through {@link replayFetch}. */
export interface SentRequest {
  url: string;
  method: string;
  body: unknown;
}

/** A fetch that records what it is sent and answers with the case's recorded response. */
export function replayFetch(c: CorpusCase, sent: SentRequest[]): FetchLike {
  return async (input, init) => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    sent.push({
      url: input,
      method: init.method ?? 'GET',
      body: text === undefined ? undefined : JSON.parse(text),
    });
    const { status, headers, body, sse } = c.response;
    return new Response(sse ?? JSON.stringify(body), { status, headers });
  };
}

/**
 * The body the client sent, less what it documents adding: `type: 'message'` on an input
 * message given in the easy form (`{ role, content }`), and nothing for a `null` the dialect
 * drops (OpenRouter leaves out the nulls its schema does not allow).
 */
export function withoutDocumentedAdditions(
  sent: Record<string, unknown>,
  recorded: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...sent };
  if (Array.isArray(body.input) && Array.isArray(recorded.input)) {
    const given = recorded.input as unknown[];
    body.input = body.input.map((item: unknown, index) => {
      const original = given[index];
      if (
        isObject(item) &&
        isObject(original) &&
        item.type === 'message' &&
        original.type === undefined
      ) {
        const { type: _added, ...rest } = item;
        return rest;
      }
      return item;
    });
  }
  for (const [key, value] of Object.entries(recorded)) {
    if (value === null && !(key in body)) body[key] = null;
  }
  return body;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
