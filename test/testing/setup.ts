import { type DialectName, ResponsesClient } from '../../src/index.js';
import { createFakeServer, type FakeServerOptions } from '../../src/testing/index.js';

/** The five built-in wire formats; the first three are the ones issue 8 asks for everywhere. */
export const formats = ['openai', 'karta', 'kawai', 'gateway', 'openrouter'] as const;

/** A fake server of `dialect` and a client speaking it, with no retries unless asked. */
export function setUp<D extends DialectName>(
  dialect: D,
  options: Omit<FakeServerOptions<D>, 'dialect'> = {},
  client: { maxRetries?: number; timeout?: number } = {},
) {
  const server = createFakeServer<D>({ ...options, dialect });
  return {
    server,
    client: new ResponsesClient({
      fetch: server.fetch,
      baseURL: server.baseURL,
      dialect,
      project: 'my-app',
      apiKey: 'sk-test',
      maxRetries: client.maxRetries ?? 0,
      ...(client.timeout === undefined ? {} : { timeout: client.timeout }),
    }),
  };
}

/** Every event type of a stream, and the deltas of one kind, until it ends or throws. */
export async function drain(
  stream: AsyncIterable<{ type: unknown }>,
  deltaType = 'response.output_text.delta',
): Promise<{ types: string[]; deltas: string[]; error: unknown }> {
  const types: string[] = [];
  const deltas: string[] = [];
  try {
    for await (const event of stream) {
      types.push(String(event.type));
      if (event.type === deltaType) deltas.push(String((event as { delta?: unknown }).delta));
    }
  } catch (error) {
    return { types, deltas, error };
  }
  return { types, deltas, error: undefined };
}
