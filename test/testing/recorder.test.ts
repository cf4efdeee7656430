import { describe, expect, it, vi } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import {
  type Cassette,
  createFakeServer,
  createRecorder,
  type FetchFunction,
} from '../../src/testing/index.js';
import { redactionOf, scrubChunks } from '../../src/testing/redact-cassette.js';

const KEY = 'sk-live-0123456789abcdefSECRET';
const REAL = 'https://api.openai.com/v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Every chunk a body's reader gets, until it ends. */
async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
    chunks.push(read.value);
  return chunks;
}

/** A body of exactly these chunks. */
const chunkedBody = (chunks: readonly Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

/** A "real" fetch that answers every request with a body of exactly these chunks. */
const chunkedServer =
  (chunks: readonly Uint8Array[]): FetchFunction =>
  async () =>
    new Response(chunkedBody(chunks), { headers: { 'content-type': 'text/event-stream' } });

describe('createRecorder: what it records', () => {
  it('passes each chunk to the app as it came, and records the chunks as they came, a split character in base64', async () => {
    const e = encoder.encode('é');
    const chunks = [
      encoder.encode('data: {"a":'),
      encoder.encode('1}\n\n'),
      encoder.encode('data: "caf'),
      e.subarray(0, 1),
      Uint8Array.of(...e.subarray(1), ...encoder.encode('"\n\n')),
    ];
    const recorder = createRecorder({ fetch: chunkedServer(chunks) });
    const seen = await chunksOf(
      await recorder.fetch(`${REAL}/responses`, { method: 'POST', body: '{}' }),
    );
    expect(seen).toEqual(chunks);
    const [exchange] = recorder.cassette().exchanges;
    expect(exchange?.response?.chunks.map(({ ms: _, ...chunk }) => chunk)).toEqual([
      { text: 'data: {"a":' },
      { text: '1}\n\n' },
      { text: 'data: "caf' },
      { base64: 'ww==' },
      { base64: 'qSIKCg==' },
    ]);
    expect(exchange?.response?.end).toBe('done');
    for (const chunk of exchange?.response?.chunks ?? [])
      expect(chunk.ms).toBeGreaterThanOrEqual(0);
  });

  it('records the request: method, URL, headers, the JSON body parsed and another body as text', async () => {
    const recorder = createRecorder({ fetch: chunkedServer([]) });
    await recorder.fetch(`${REAL}/responses?x=1`, {
      method: 'post',
      headers: { 'X-Trace': 't1', 'content-type': 'application/json' },
      body: '{"model":"m","input":"hi"}',
    });
    await recorder.fetch(new Request(`${REAL}/files`, { method: 'PUT', body: 'plain words' }));
    expect(recorder.cassette().exchanges.map((exchange) => exchange.request)).toEqual([
      {
        method: 'POST',
        url: `${REAL}/responses?x=1`,
        headers: { 'content-type': 'application/json', 'x-trace': 't1' },
        body: { model: 'm', input: 'hi' },
      },
      {
        method: 'PUT',
        url: `${REAL}/files`,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        bodyText: 'plain words',
      },
    ]);
  });

  it('records a fetch that rejected, and rejects the app the same way', async () => {
    const refused = new TypeError('fetch failed');
    const recorder = createRecorder({
      fetch: async () => {
        throw refused;
      },
    });
    await expect(recorder.fetch(`${REAL}/models`)).rejects.toBe(refused);
    expect(recorder.cassette().exchanges[0]?.error).toEqual({
      name: 'TypeError',
      message: 'fetch failed',
      aborted: false,
    });
  });

  it('records an error body that a retry skips unread, to its end', async () => {
    const server = createFakeServer({
      baseURL: REAL,
      turns: [
        { type: 'error', status: 429, message: 'Slow down', headers: { 'retry-after': '0' } },
        'ok',
      ],
    });
    const recorder = createRecorder({ fetch: server.fetch });
    const client = new ResponsesClient({ apiKey: KEY, fetch: recorder.fetch, maxRetries: 1 });
    await client.responses.create({ model: 'm', input: 'hi' });
    // The skipped body is read on in the background: wait (bounded) for its end.
    await vi.waitFor(() => expect(recorder.cassette().exchanges[0]?.response?.end).toBe('done'));
    const [first, second] = recorder.cassette().exchanges;
    expect(first?.response).toMatchObject({
      status: 429,
      end: 'done',
      headers: { 'retry-after': '0' },
    });
    expect(first?.response?.chunks.map((chunk) => chunk.text).join('')).toContain('Slow down');
    expect(second?.response?.status).toBe(200);
  });

  it('is plain JSON: what JSON.stringify and JSON.parse give back is the same cassette', async () => {
    const server = createFakeServer({ baseURL: REAL, turns: ['Hi!'] });
    const recorder = createRecorder({ fetch: server.fetch });
    const client = new ResponsesClient({ apiKey: KEY, fetch: recorder.fetch });
    await (
      await client.responses.create({ model: 'm', input: 'hi', stream: true })
    ).finalResponse();
    const cassette: Cassette = recorder.cassette();
    expect(JSON.parse(JSON.stringify(cassette))).toEqual(cassette);
    expect(cassette.version).toBe(1);
  });
});

describe('createRecorder: what it removes', () => {
  it('keeps no secret anywhere: the key in headers, URL, bodies and a stream split across chunks, cookies, a header of its own', async () => {
    const server = createFakeServer({
      baseURL: REAL,
      apiKey: KEY,
      turns: [`your key is ${KEY}`],
    });
    // The server echoes the key, its body cut into 7-byte chunks (so the key is cut across
    // chunks), and sets a cookie.
    const withCookie: FetchFunction = async (input, init) => {
      const answer = await server.fetch(input, init);
      const bytes = new Uint8Array(await answer.arrayBuffer());
      const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, at) =>
        bytes.subarray(at * 7, at * 7 + 7),
      );
      const headers = new Headers(answer.headers);
      headers.set('set-cookie', 'session=cookie-value-777; Path=/; HttpOnly');
      return new Response(chunkedBody(pieces), { headers });
    };
    const recorder = createRecorder({
      fetch: withCookie,
      redactHeaders: ['X-Tenant-Token'],
      secrets: ['url-token-42'],
    });
    const client = new ResponsesClient({
      apiKey: KEY,
      fetch: recorder.fetch,
      headers: { cookie: 'sid=browser-cookie-99', 'x-tenant-token': 'tenant-secret-5' },
    });
    const stream = await client.responses.create({
      model: 'm',
      input: `my key is ${KEY}`,
      metadata: { note: 'url-token-42' },
      stream: true,
    });
    expect((await stream.finalResponse()).output_text).toBe(`your key is ${KEY}`);
    await recorder.fetch(`${REAL}/models?token=url-token-42&key=${KEY}`);

    const cassette = recorder.cassette();
    const text = JSON.stringify(cassette);
    for (const secret of [
      KEY,
      `Bearer ${KEY}`,
      'sid=browser-cookie-99',
      'browser-cookie-99',
      'cookie-value-777',
      'tenant-secret-5',
      'url-token-42',
    ])
      expect(text).not.toContain(secret);
    // Cut across chunks, the key is still found: no chunk keeps a piece of it.
    expect(text).not.toMatch(/sk-live|SECRET/);
    const [exchange] = cassette.exchanges;
    expect(exchange?.request.headers).toMatchObject({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-tenant-token': '[redacted]',
    });
    expect(exchange?.request.body).toMatchObject({ input: 'my key is [redacted]' });
    expect(exchange?.response?.headers['set-cookie']).toBe('[redacted]');
    const body = exchange?.response?.chunks.map((chunk) => chunk.text).join('');
    expect(body).toContain('"delta":"[redacted]"');
    expect(body).toContain('"text":"your key is [redacted]"');
    expect(exchange?.response?.chunks.length).toBeGreaterThan(100);
    expect(cassette.exchanges[1]?.request.url).toBe(
      `${REAL}/models?token=[redacted]&key=[redacted]`,
    );
  });
});

describe('scrubChunks', () => {
  const redaction = redactionOf([[['authorization', 'Bearer abcdef']]]);
  const timed = (...texts: string[]) =>
    texts.map((text, ms) => ({ bytes: encoder.encode(text), ms }));
  const texts = (chunks: { bytes: Uint8Array; ms: number }[]) =>
    chunks.map(({ bytes, ms }) => [decoder.decode(bytes), ms]);

  it('keeps every cut outside a secret where it was', () => {
    expect(texts(scrubChunks(timed('one ', 'abcdef', ' two'), redaction))).toEqual([
      ['one ', 0],
      ['[redacted]', 1],
      [' two', 2],
    ]);
  });

  it('moves a cut inside a secret to the end of its marker, and drops a chunk left empty', () => {
    expect(texts(scrubChunks(timed('x ab', 'cd', 'ef y'), redaction))).toEqual([
      ['x [redacted]', 0],
      [' y', 2],
    ]);
  });

  it('finds every occurrence, and leaves a body without one as it is', () => {
    const body = timed('abcdef abcdef');
    expect(texts(scrubChunks(body, redaction))).toEqual([['[redacted] [redacted]', 0]]);
    const clean = timed('nothing here');
    expect(scrubChunks(clean, redaction)).toEqual(clean);
  });

  it('scrubs no secret shorter than 4 characters beyond its header', () => {
    const { secrets } = redactionOf([[['authorization', 'Bearer k']]]);
    expect(secrets).toContain('Bearer k');
    expect(secrets).not.toContain('k');
  });
});
