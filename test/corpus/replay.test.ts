/**
 * Replays real recorded traffic (test/fixtures/corpus) through the public client: every recorded
 * answer is read with no validation error, every recorded request is sent unchanged.
 */
import {
  APIError,
  ChatCompletionStream,
  deepValidation,
  RequestValidationError,
  ResponseStream,
  ResponsesClient,
  type ResponseValidation,
  StreamError,
} from 'responses-client';
import { describe, expect, it } from 'vitest';
import { classByStatus } from '../helpers/error-classes.js';
import {
  baseURLOf,
  blamedField,
  type CorpusCase,
  corpusCases,
  dialectOf,
  kindOf,
  replayFetch,
  type SentRequest,
  serverMessage,
  sseData,
  withoutDocumentedAdditions,
} from './corpus.js';

const cases = corpusCases();
/** `[id, case]` rows, so that test names carry the whole id (`%s` is not shortened). */
const named = cases.map((c) => [c.id, c] as const);

/** The error class the table of docs/errors.md gives each status. */
const errorClasses = new Map(classByStatus);

/** Sends the case's recorded request through a client whose fetch answers with its recording. */
function send(c: CorpusCase, validateResponses: true | ResponseValidation, sent: SentRequest[]) {
  const options = {
    apiKey: 'sk-test',
    baseURL: baseURLOf(c),
    fetch: replayFetch(c, sent),
    maxRetries: 0,
    validateResponses,
  };
  const params = c.request.body as never;
  return c.api === 'responses'
    ? new ResponsesClient({ ...options, dialect: dialectOf(c) }).responses
        .create(params)
        .then((result): unknown => result)
    : new ResponsesClient({ ...options, dialect: dialectOf(c) }).chat.completions
        .create(params)
        .then((result): unknown => result);
}

/** Reads every event or chunk, then the final object; returns how many were delivered. */
async function drain(stream: unknown): Promise<number> {
  let delivered = 0;
  if (stream instanceof ResponseStream) {
    for await (const _event of stream) delivered++;
    const final = await stream.finalResponse();
    expect(Array.isArray(final.output)).toBe(true);
  } else if (stream instanceof ChatCompletionStream) {
    for await (const _chunk of stream) delivered++;
    const final = await stream.finalChatCompletion();
    expect(Array.isArray(final.choices)).toBe(true);
  } else {
    throw new Error(`expected a stream, got ${typeof stream}`);
  }
  return delivered;
}

/**
 * The client refused, before sending, the very field the server refused in the recording (a
 * `temperature: -1` the server answered 400 for): the check did its job, earlier.
 */
function refusedAsTheServerDid(error: unknown, c: CorpusCase): boolean {
  const field = blamedField(c);
  return (
    field !== undefined &&
    error instanceof RequestValidationError &&
    error.issues.some((issue) => String(issue.path[0]) === field)
  );
}

async function replay(c: CorpusCase, validateResponses: true | ResponseValidation): Promise<void> {
  const sent: SentRequest[] = [];
  const kind = kindOf(c);
  if (kind === 'error') {
    const error = await send(c, validateResponses, sent).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (refusedAsTheServerDid(error, c)) return;
    if (!(error instanceof APIError)) throw error ?? new Error('the recorded error resolved');
    expect(error).toBeInstanceOf(errorClasses.get(c.response.status) ?? APIError);
    expect(error.status).toBe(c.response.status);
    const message = serverMessage(c.response.body);
    if (message) expect(error.message).toContain(message.slice(0, 60));
    return;
  }
  const result = await send(c, validateResponses, sent);
  if (kind === 'unary') {
    const output = c.api === 'responses' ? 'output' : 'choices';
    expect(Array.isArray((result as Record<string, unknown>)[output])).toBe(true);
  } else if (kind === 'stream') {
    expect(await drain(result)).toBe(sseData(c.response.sse ?? '').length);
  } else {
    const error = await drain(result).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof StreamError))
      throw error ?? new Error('the recorded failure ended quietly');
  }
  expect(sent).toHaveLength(1);
}

async function sendsUnchanged(c: CorpusCase, validateResponses: true | ResponseValidation) {
  const sent: SentRequest[] = [];
  let refused = false;
  const result = await send(c, validateResponses, sent).catch((error: unknown) => {
    refused = refusedAsTheServerDid(error, c);
    if (error instanceof RequestValidationError && !refused) throw error;
    return undefined;
  });
  if (refused) return;
  if (result instanceof ResponseStream || result instanceof ChatCompletionStream) result.abort();
  expect(sent).toHaveLength(1);
  const [request] = sent;
  expect(request?.method).toBe('POST');
  expect(new URL(request?.url ?? '').pathname).toMatch(
    c.api === 'responses' ? /\/responses$/ : /\/chat\/completions$/,
  );
  const body = request?.body as Record<string, unknown>;
  expect(withoutDocumentedAdditions(body, c.request.body)).toEqual(c.request.body);
}

describe('the real corpus', () => {
  it('holds unary, streamed, failed-stream and HTTP error cases of both APIs', () => {
    const kinds = new Set(cases.map((c) => `${c.api} ${kindOf(c)}`));
    for (const api of ['responses', 'chat']) {
      for (const kind of ['unary', 'stream', 'error']) expect(kinds).toContain(`${api} ${kind}`);
    }
    expect(kinds).toContain('chat stream-error');
  });

  it('names the cassette, commit and license every case was taken from', () => {
    for (const c of cases) {
      expect(c.source, c.id).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}:[^#]+#interaction-\d+$/);
      expect(['MIT', 'Apache-2.0'], c.id).toContain(c.license);
    }
  });
});

describe.each([
  ['the default validation', true as const],
  ['deepValidation', deepValidation],
])('the real corpus, with %s', (_name, validateResponses) => {
  it.each(named)('replays %s with no validation error', (_id, c) => replay(c, validateResponses));

  it.each(named)('sends the recorded request of %s unchanged', (_id, c) =>
    sendsUnchanged(c, validateResponses),
  );
});
