import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  BadGatewayError,
  RateLimitError,
  StreamError,
} from '../../src/index.js';
import { drain, formats, setUp } from './setup.js';

const model = 'fake-model';
const reply = 'a b c d';

/**
 * How many events each server sends before the second text delta is through, for the reply
 * 'a b c d' (four deltas): OpenAI and OpenRouter send created, in_progress, the item and its
 * part first; Kawai created, in_progress and the item; the gateway created and in_progress;
 * Karta created alone.
 */
const afterTwoDeltas = { openai: 6, openrouter: 6, kawai: 5, gateway: 4, karta: 3 } as const;

describe.each(formats)(
  'createFakeServer({ dialect: %j }): failures through the client',
  (dialect) => {
    describe('an error turn', () => {
      it('answers the HTTP status with its message, code and headers', async () => {
        const { client } = setUp(dialect, {
          turns: [
            {
              type: 'error',
              status: 429,
              message: 'Slow down',
              code: 'rate_limit_exceeded',
              headers: { 'retry-after': '7' },
            },
          ],
        });
        const failure = await client.responses
          .create({ model, input: 'hi' })
          .catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(RateLimitError);
        expect(failure).toMatchObject({ status: 429, message: '429 Slow down' });
        expect((failure as RateLimitError).headers?.get('retry-after')).toBe('7');
        if (dialect !== 'openrouter')
          expect(failure).toMatchObject({ code: 'rate_limit_exceeded' });
      });

      it('is retried like a real one: after a 429 with retry-after 0, the next turn answers', async () => {
        const { server, client } = setUp(
          dialect,
          {
            turns: [{ type: 'error', status: 429, headers: { 'retry-after': '0' } }, 'Second try.'],
          },
          { maxRetries: 1 },
        );
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        expect((await stream.finalResponse()).output_text).toBe('Second try.');
        expect(server.requests.map((request) => request.endpoint)).toEqual(['create', 'create']);
      });

      it('sends the body it is given instead of the server error object', async () => {
        const { client } = setUp(dialect, {
          turns: [
            {
              type: 'error',
              status: 502,
              body: '<html><body>Bad gateway, upstream down</body></html>',
            },
          ],
        });
        const failure = await client.responses
          .create({ model, input: 'hi' })
          .catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(BadGatewayError);
        expect((failure as Error).message).toContain('Bad gateway, upstream down');
      });
    });

    describe('a stream_error turn', () => {
      const turn = {
        type: 'stream_error' as const,
        after: afterTwoDeltas[dialect],
        message: 'The model is overloaded',
        code: 'server_overloaded',
        reply,
      };

      it('fails the stream after its first events with StreamError carrying message and code', async () => {
        const { client } = setUp(dialect, { turns: [turn] });
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { deltas, types, error } = await drain(stream);
        expect(deltas).toEqual(['a ', 'b ']);
        if (dialect === 'karta') {
          // Karta's documented failure is `response.failed`: the loop ends on it, finalResponse rejects.
          expect(error).toBeUndefined();
          expect(types.at(-1)).toBe('response.failed');
          const failure = await stream.finalResponse().catch((e: unknown) => e);
          expect(failure).toBeInstanceOf(StreamError);
          expect(failure).toMatchObject({
            message: 'The model is overloaded',
            code: 'server_overloaded',
          });
        } else {
          expect(error).toBeInstanceOf(StreamError);
          expect(error).toMatchObject({
            message: 'The model is overloaded',
            code: 'server_overloaded',
          });
        }
      });

      it('sends response.failed instead when asked, so finalResponse rejects', async () => {
        const { client } = setUp(dialect, { turns: [{ ...turn, as: 'response.failed' }] });
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { types, error } = await drain(stream);
        expect(error).toBeUndefined();
        expect(types.at(-1)).toBe('response.failed');
        await expect(stream.finalResponse()).rejects.toMatchObject({
          constructor: StreamError,
          message: 'The model is overloaded',
        });
      });

      it('answers a unary create with a failed response carrying the error', async () => {
        const { client } = setUp(dialect, { turns: [turn] });
        const response = await client.responses.create({ model, input: 'hi' });
        expect(response.status).toBe('failed');
        expect(response.error).toMatchObject({
          message: 'The model is overloaded',
          code: 'server_overloaded',
        });
      });
    });

    describe('a drop turn', () => {
      it('breaks the stream off after its first events with APIConnectionError', async () => {
        const { client } = setUp(dialect, {
          turns: [{ type: 'drop', after: afterTwoDeltas[dialect], reply }],
        });
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { deltas, error } = await drain(stream);
        expect(deltas).toEqual(['a ', 'b ']);
        expect(error).toBeInstanceOf(APIConnectionError);
      });

      it('breaks a unary body off halfway with APIConnectionError', async () => {
        const { client } = setUp(dialect, { turns: [{ type: 'drop', after: 0 }] });
        await expect(client.responses.create({ model, input: 'hi' })).rejects.toBeInstanceOf(
          APIConnectionError,
        );
      });
    });

    describe('a stall turn', () => {
      it('never answers a unary create: the client times out with APITimeoutError', async () => {
        const { client } = setUp(dialect, { turns: [{ type: 'stall' }] }, { timeout: 50 });
        await expect(client.responses.create({ model, input: 'hi' })).rejects.toBeInstanceOf(
          APITimeoutError,
        );
      });

      it('stalls a stream after its first events: the idle timeout ends it with APITimeoutError', async () => {
        const { client } = setUp(
          dialect,
          { turns: [{ type: 'stall', after: afterTwoDeltas[dialect], reply }] },
          { timeout: 50 },
        );
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { deltas, error } = await drain(stream);
        expect(deltas).toEqual(['a ', 'b ']);
        expect(error).toBeInstanceOf(APITimeoutError);
      });
    });
  },
);
