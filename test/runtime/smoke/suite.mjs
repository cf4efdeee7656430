// The runtime smoke suite, written once and run by test/runtime/matrix.mjs in every runtime the
// package promises (Node 20, 22, 24 in ESM and CJS, Bun, Deno, workerd, Chromium) against the
// BUILT package, loaded as an app loads it, on the fake server of `responses-client/testing`.
// No network, no `node:` import: this file runs as is in Node, Bun and Deno, and bundled in a
// worker and a page. The package is passed in (`lib`), so each entry point loads it its own way
// (import, require, a bundle) and this file never names it.

import { webSocketChecks } from './websocket.mjs';

/** How long one check may take before it counts as hung: a bound, never an assertion on speed. */
const CHECK_LIMIT_MS = 10_000;

/** The checks, in the order they run. Each throws when something is wrong. */
export const checks = {
  /** A unary call: `create` resolves to a Response whose `output_text` joins the text. */
  async unary(lib) {
    const { client } = setUp(lib, ['Hello from the fake server.']);
    const response = await client.responses.create({ model: 'm', input: 'hi' });
    equal(response.output_text, 'Hello from the fake server.', 'output_text');
  },

  /** A stream: typed events in order, the deltas join to the text, `finalResponse()` agrees. */
  async stream(lib) {
    const { client } = setUp(lib, ['Streamed, piece by piece.']);
    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    ok(stream instanceof lib.ResponseStream, 'create({ stream: true }) gives a ResponseStream');
    const types = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    equal(text, 'Streamed, piece by piece.', 'the deltas joined');
    equal(types[0], 'response.created', 'the first event');
    equal(types.at(-1), 'response.completed', 'the last event');
    equal((await stream.finalResponse()).output_text, text, 'finalResponse().output_text');
  },

  /** Aborting: `stream.abort()` ends the loop quietly; the request's signal throws APIUserAbortError. */
  async abort(lib) {
    const reply = { text: 'one two three four five six seven eight', delayMs: 2 };
    const { client } = setUp(lib, [reply, reply]);

    const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    let deltas = 0;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta' && ++deltas === 2) stream.abort();
    }
    equal(deltas, 2, 'deltas read before stream.abort() ended the loop');
    const final = await stream.finalResponse().then(
      () => undefined,
      (error) => error,
    );
    ok(final instanceof lib.APIUserAbortError, `finalResponse() after abort(): ${describe(final)}`);

    const controller = new AbortController();
    const signalled = await client.responses.create(
      { model: 'm', input: 'hi', stream: true },
      { signal: controller.signal },
    );
    deltas = 0;
    const thrown = await (async () => {
      for await (const event of signalled) {
        if (event.type === 'response.output_text.delta' && ++deltas === 2) controller.abort();
      }
    })().then(
      () => undefined,
      (error) => error,
    );
    ok(
      thrown instanceof lib.APIUserAbortError,
      `the loop after signal.abort(): ${describe(thrown)}`,
    );
    equal(deltas, 2, 'deltas read before the signal fired');
  },

  /** An HTTP error is a typed error: 429 is a RateLimitError, an APIError, a ResponsesError. */
  async 'typed error'(lib) {
    const { client } = setUp(lib, [
      { type: 'error', status: 429, message: 'Slow down', headers: { 'x-request-id': 'req_1' } },
    ]);
    const error = await client.responses.create({ model: 'm', input: 'hi' }).then(
      () => undefined,
      (caught) => caught,
    );
    ok(error instanceof lib.RateLimitError, `a RateLimitError: ${describe(error)}`);
    ok(error instanceof lib.APIError && error instanceof lib.ResponsesError, 'its base classes');
    ok(error instanceof Error, 'an Error');
    equal(error.name, 'RateLimitError', 'name');
    equal(error.status, 429, 'status');
    equal(error.requestId, 'req_1', 'requestId');
    ok(error.message.includes('Slow down'), `message: ${error.message}`);

    // The entries share one copy of the package: what `/testing` throws is the main entry's class.
    const unknown = (() => {
      try {
        lib.createFakeServer({ dialect: 'nope' });
      } catch (caught) {
        return caught;
      }
    })();
    ok(
      unknown instanceof lib.ResponsesError,
      `from /testing, a ResponsesError: ${describe(unknown)}`,
    );
  },

  /**
   * The relay: a server route returns `stream.toResponse()` (SSE bytes, text/event-stream), and
   * the browser reads it back with `ResponseStream.fromReadableStream(body)`; a failure upstream
   * reaches the reading side as a StreamError.
   */
  async relay(lib) {
    const { client } = setUp(lib, [
      'Relayed through a web stream.',
      { type: 'stream_error', after: 5, message: 'The model fell over.' },
    ]);
    const route = async () => {
      const upstream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
      return upstream.toResponse();
    };

    const response = await route();
    equal(response.headers.get('content-type'), 'text/event-stream', 'content-type');
    equal(response.headers.get('cache-control'), 'no-cache', 'cache-control');
    const relayed = lib.ResponseStream.fromReadableStream(response.body);
    let text = '';
    for await (const delta of relayed.textDeltas()) text += delta;
    equal(text, 'Relayed through a web stream.', 'the text read on the other side');
    equal((await relayed.finalResponse()).output_text, text, 'finalResponse() on the other side');

    const failed = lib.ResponseStream.fromReadableStream((await route()).body);
    const error = await (async () => {
      for await (const _event of failed);
    })().then(
      () => undefined,
      (caught) => caught,
    );
    ok(error instanceof lib.StreamError, `an upstream failure, relayed: ${describe(error)}`);
    ok(error.message.includes('The model fell over.'), `its message: ${error.message}`);
  },

  /**
   * The app's own zod, full (`zod`) and `zod/mini`. In Node, Bun and Deno the package loads a
   * build with zod inside (its `node` export condition, for a faster start), so the schemas an
   * app writes come from another copy of zod than the package's: they must still make formats
   * and tools, parse the output (streamed too), and take the package's schemas inside their own.
   */
  async 'your zod'(lib) {
    for (const [flavour, z] of [
      ['zod', lib.zod],
      ['zod/mini', lib.zodMini],
    ]) {
      const Recipe = z.object({ title: z.string(), minutes: z.nullable(z.number()) });
      const format = lib.zodTextFormat(Recipe, 'recipe');
      equal(format.schema.additionalProperties, false, `${flavour}: the format is strict`);
      equal(format.schema.required?.join(','), 'title,minutes', `${flavour}: its required fields`);
      const order = lib.zodFunction({ name: 'order', parameters: z.object({ bags: z.number() }) });
      equal(order.parameters.properties?.bags?.type, 'number', `${flavour}: the tool's parameters`);

      const { client } = setUp(lib, [
        { type: 'json', json: { title: 'Tea', minutes: 4 } },
        { type: 'json', json: { title: 'Tea', minutes: 'four' } },
        { type: 'json', json: { title: 'Coffee', minutes: null } },
        { type: 'function_call', name: 'order', arguments: { bags: 2 } },
      ]);
      const parsed = await client.responses.parse({ model: 'm', input: 'hi', text: { format } });
      equal(parsed.output_parsed?.minutes, 4, `${flavour}: output_parsed`);
      const bad = await client.responses.parse({ model: 'm', input: 'hi', text: { format } }).then(
        () => undefined,
        (error) => error,
      );
      ok(bad instanceof lib.ResponseValidationError, `${flavour}: bad output: ${describe(bad)}`);
      ok(bad.message.includes('minutes'), `${flavour}: the error names the path: ${bad.message}`);
      const stream = await client.responses.parse({
        model: 'm',
        input: 'hi',
        text: { format },
        stream: true,
      });
      for await (const _event of stream);
      equal((await stream.finalResponse()).output_parsed?.title, 'Coffee', `${flavour}: streamed`);
      const called = await client.responses.parse({ model: 'm', input: 'hi', tools: [order] });
      const call = called.output.find((item) => item.type === 'function_call');
      equal(call?.parsed_arguments?.bags, 2, `${flavour}: parsed_arguments`);

      const Saved = z.object({ note: z.string(), response: lib.schemas.ResponseSchema });
      equal(Saved.safeParse({ note: 'n', response: parsed }).success, true, `${flavour}: composed`);
      const broken = Saved.safeParse({ note: 'n', response: { ...parsed, status: 7 } });
      equal(broken.error?.issues[0]?.path?.join('.'), 'response.status', `${flavour}: its path`);
    }
  },

  /**
   * Stopping a relay from the browser side: aborting the signal given to `fromReadableStream`
   * ends the loop with APIUserAbortError (also when it was aborted before the first read), and
   * cancels the relayed body, which aborts the stream upstream.
   */
  async 'relay abort'(lib) {
    const reply = { text: 'one two three four five six seven eight', delayMs: 2 };
    const { client } = setUp(lib, [reply, reply]);

    const upstream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const stop = new AbortController();
    const browser = lib.ResponseStream.fromReadableStream(upstream.toResponse().body, {
      signal: stop.signal,
    });
    let deltas = 0;
    const thrown = await (async () => {
      for await (const _text of browser.textDeltas()) if (++deltas === 2) stop.abort();
    })().then(
      () => undefined,
      (error) => error,
    );
    ok(thrown instanceof lib.APIUserAbortError, `the loop after stop.abort(): ${describe(thrown)}`);
    equal(deltas, 2, 'deltas read before the signal fired');
    const upstreamEnd = await upstream.finalResponse().then(
      () => undefined,
      (error) => error,
    );
    ok(
      upstreamEnd instanceof lib.APIUserAbortError,
      `the upstream stream, aborted by the relay: ${describe(upstreamEnd)}`,
    );

    const second = await client.responses.create({ model: 'm', input: 'hi', stream: true });
    const early = lib.ResponseStream.fromReadableStream(second.toResponse().body, {
      signal: AbortSignal.abort(),
    });
    const events = [];
    const already = await (async () => {
      for await (const event of early) events.push(event);
    })().then(
      () => undefined,
      (error) => error,
    );
    ok(already instanceof lib.APIUserAbortError, `an aborted signal: ${describe(already)}`);
    equal(events.length, 0, 'events read with a signal aborted before the first read');
  },

  /** `responses-client/schemas`: a response parses; a bad request param is named by its path. */
  async schemas(lib) {
    const { client } = setUp(lib, ['Checked.']);
    const response = await client.responses.create({ model: 'm', input: 'hi' });
    const { ResponseSchema, ResponseCreateParamsSchema } = lib.schemas;
    equal(ResponseSchema.safeParse(response).success, true, 'a response parses');
    const tooHot = ResponseCreateParamsSchema.safeParse({ model: 'm', temperature: 9 });
    equal(tooHot.error?.issues[0]?.path?.join('.'), 'temperature', 'the path of a bad param');
  },
};

/**
 * Runs every check against `lib` (the main entry, `…/testing` and `…/schemas` merged, the
 * schemas under `lib.schemas`) and reports each: `{ runtime, checks: [{ name, ok, error? }] }`.
 * `env.webSocket`: the loopback server of the WebSocket check (`{ baseURL, apiKey?, WebSocket? }`).
 * It never throws: a failing or hanging check is reported as failed and the next one runs.
 */
export async function runSmokeSuite(lib, env = {}) {
  const results = [];
  for (const [name, check] of Object.entries({ ...checks, ...webSocketChecks })) {
    try {
      await withinLimit(check(lib, env), name);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: describe(error) });
    }
  }
  return { runtime: whereAmI(), checks: results };
}

/** A fake server playing `turns`, and a client talking to it with no retries. */
function setUp(lib, turns) {
  const server = lib.createFakeServer({ turns });
  const client = new lib.ResponsesClient({
    fetch: server.fetch,
    baseURL: server.baseURL,
    maxRetries: 0,
  });
  return { server, client };
}

/** The runtime as it names itself, so the output shows where the suite really ran. */
function whereAmI() {
  const g = globalThis;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.versions?.node) return `node ${g.process.versions.node}`;
  const chrome = g.navigator?.userAgent?.match(/(HeadlessChrome|Chrome)\/[\d.]+/);
  return chrome ? chrome[0] : (g.navigator?.userAgent ?? 'unknown');
}

function withinLimit(promise, name) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} did not finish within ${CHECK_LIMIT_MS} ms`)),
      CHECK_LIMIT_MS,
    );
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function ok(condition, what) {
  if (!condition) throw new Error(`expected ${what}`);
}

function equal(actual, expected, what) {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function describe(error) {
  if (error === undefined) return 'nothing was thrown';
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
