import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AnyResponsesClient } from 'responses-client';

/**
 * Streams the model's reply to `input` into `res` as server-sent events, for the page to read
 * with `ResponseStream.fromReadableStream(body, { signal })`. When the browser goes away, the
 * request upstream is aborted, or its connection closed once it streams: nothing is left open.
 */
export async function relayReply(
  client: AnyResponsesClient,
  input: string,
  res: ServerResponse,
): Promise<void> {
  // `res` closes when the browser goes away: the signal then aborts the request upstream, or
  // closes its connection once it streams.
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  try {
    const stream = await client.responses.create(
      { model: 'gpt-5-mini', input, stream: true },
      { signal: gone.signal },
    );
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    await pipeline(stream.toReadableStream(), res); // with backpressure; rejects if `res` closes
  } catch (error) {
    // The browser went away (all is closed already), or the request failed before streaming.
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(gone.signal.aborted ? undefined : String(error));
  }
}
