/**
 * The server route of the relay variant: `POST /api/chat` with `{ "input": "…" }` asks the model
 * and returns `stream.toResponse()`, the reply's events as server-sent events. It is a
 * web-standard handler, `(request: Request) => Response`: the shape of a Next.js route, a Hono
 * or Bun handler, a Deno or worker `fetch`. The API key stays on the server.
 */
import type { AnyResponsesClient } from 'responses-client';

/** The route, for a client that talks to the model (with its key, on the server). */
export function chatRoute(client: AnyResponsesClient, model = 'gpt-5-mini') {
  return async (request: Request): Promise<Response> => {
    const { input } = (await request.json()) as { input: string };
    const stream = await client.responses.create(
      { model, input, stream: true },
      // The browser went away (its Stop button) before the stream started: abort upstream.
      { signal: request.signal },
    );
    // Once it streams, the browser going away cancels this body, which aborts upstream.
    return stream.toResponse();
  };
}
