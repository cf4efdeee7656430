// The built package, as an app loads it: ESM import and CJS require of `.`, `./testing` and
// `./schemas`, a unary call, a stream and an HTTP error, on the fake server, and a schema check. Run by .ci/run on Node 20, 22
// and 24 after `npm run build`: `node test/runtime/package-smoke.mjs`.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esm = {
  ...(await import('responses-client')),
  ...(await import('responses-client/testing')),
  schemas: await import('responses-client/schemas'),
};
const cjs = {
  ...require('responses-client'),
  ...require('responses-client/testing'),
  schemas: require('responses-client/schemas'),
};

for (const [format, lib] of Object.entries({ esm, cjs })) {
  const server = lib.createFakeServer({
    turns: [
      'Hello from the fake server.',
      'Streamed, piece by piece.',
      { type: 'error', status: 429, message: 'Slow down' },
    ],
  });
  const client = new lib.ResponsesClient({
    fetch: server.fetch,
    baseURL: server.baseURL,
    maxRetries: 0,
  });

  const unary = await client.responses.create({ model: 'm', input: 'hi' });
  assert.equal(unary.output_text, 'Hello from the fake server.', `${format}: unary output_text`);

  const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
  let text = '';
  for await (const event of stream)
    if (event.type === 'response.output_text.delta') text += event.delta;
  assert.equal(text, 'Streamed, piece by piece.', `${format}: streamed text`);
  assert.ok(stream instanceof lib.ResponseStream, `${format}: ResponseStream`);

  await assert.rejects(client.responses.create({ model: 'm', input: 'hi' }), (error) => {
    assert.ok(error instanceof lib.RateLimitError, `${format}: RateLimitError`);
    assert.ok(error instanceof lib.ResponsesError, `${format}: ResponsesError`);
    return true;
  });

  const { ResponseSchema, ResponseCreateParamsSchema } = lib.schemas;
  assert.equal(ResponseSchema.safeParse(unary).success, true, `${format}: schemas: a response`);
  const tooHot = ResponseCreateParamsSchema.safeParse({ model: 'm', temperature: 9 });
  assert.deepEqual(tooHot.error?.issues[0]?.path, ['temperature'], `${format}: schemas: a request`);
}
console.log(`package smoke test passed on Node ${process.versions.node} (ESM and CJS)`);
