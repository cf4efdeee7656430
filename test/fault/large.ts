import { sparseEvents } from '../../src/dialects/sparse-events.js';
import { defineDialect, type ResponseStream, ResponsesClient } from '../../src/index.js';
import { type FaultServer, frame, openEventStream, textEvents } from './fault-server.js';

export const MB = 1024 * 1024;

/** A text of about `bytes` UTF-8 bytes, mixing 1- to 4-byte characters and JSON escapes. */
export function bigText(bytes: number): string {
  const unit = 'plain ascii, é, ☕, 𝄞, "quoted", back\\slash, new\nline\t';
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/**
 * A client of a server whose terminal response carries no output: its dialect's normalizer,
 * `sparseEvents`, rebuilds the output from the events (a canonical dialect keeps no state per
 * delta, and takes the output the terminal event carries).
 */
export const sparseClient = (baseURL: string): ResponsesClient =>
  new ResponsesClient({
    baseURL,
    maxRetries: 0,
    dialect: defineDialect({ name: 'sparse', baseURL, eventNormalizer: sparseEvents }),
  });

/**
 * Has the server stream `'start '`, `huge` and `' end'` as three deltas, in 64 KB writes, then a
 * terminal event without output (so the final text is rebuilt from the deltas: open it with a
 * {@link sparseClient}), and opens it.
 */
export function oneBigDelta(
  server: FaultServer,
  client: ResponsesClient,
  huge: string,
): Promise<ResponseStream> {
  const events = textEvents('resp_big', ['start ', huge, ' end']);
  const terminal = events.at(-1) as { response: Record<string, unknown> };
  // Only the deltas carry the text: no done events, and a terminal response without output.
  const slim = [
    ...events.slice(0, 6),
    { ...terminal, response: { ...terminal.response, output: [] } },
  ];
  const body = Buffer.from(slim.map(frame).join(''));
  server.handle((_request, res) => {
    openEventStream(res);
    for (let at = 0; at < body.length; at += 64 * 1024)
      res.write(body.subarray(at, at + 64 * 1024));
    res.end();
  });
  return client.responses.create({ model: 'm', input: 'hi', stream: true });
}
