/**
 * A fake server that replays a cassette: each request answered with the first exchange not yet
 * played that matches it, exactly as it was recorded; a request that matches none answered 500
 * with the nearest exchange and how it differs.
 */
import { errorAnswer } from './answers.js';
import { never, pacedBody } from './body.js';
import type { CassetteExchange, CassetteResponse } from './cassette.js';
import { type Comparable, comparable, differences, distance, ignoredOf } from './cassette-match.js';
import type { FakeServer } from './fake-server-options.js';
import { fakeSockets } from './fake-sockets.js';
import { readCassette } from './read-cassette.js';
import { receive } from './receive.js';
import type { RecordedRequest } from './recorded-request.js';
import type { Wire } from './wire/wire.js';

/** What replaying needs of `createFakeServer`'s options. */
export interface ReplayOptions {
  cassette: unknown;
  ignore: readonly string[] | undefined;
  realTime: boolean | undefined;
  wire: Wire;
  baseURL: string;
}

/** An error of the recorded name and message (a `DOMException` for an `AbortError`). */
function errorNamed({ name, message }: { name: string; message: string }): Error {
  if (name === 'AbortError' || name === 'TimeoutError') return new DOMException(message, name);
  const error = name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}

/** Base64 to bytes. */
const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/** The recorded response, its body replayed chunk by chunk (at the recorded offsets if `realTime`). */
function answerOf(
  recorded: CassetteResponse,
  signal: AbortSignal | null,
  realTime: boolean,
): Response {
  const { status, statusText, chunks, end, bodyError } = recorded;
  const pieces = chunks.map((chunk) => chunk.text ?? bytesOf(chunk.base64 ?? ''));
  const wait = (index: number) =>
    realTime ? (chunks[index]?.ms ?? 0) - (chunks[index - 1]?.ms ?? 0) : 0;
  const ending = end === 'done' ? 'close' : end === 'error' ? 'drop' : 'stall';
  const nullBody = [204, 205, 304].includes(status) && pieces.length === 0 && end === 'done';
  const body = nullBody
    ? null
    : pacedBody(pieces, wait, ending, signal, bodyError && errorNamed(bodyError));
  return new Response(body, { status, statusText, headers: recorded.headers });
}

/** Replays `cassette` (checked first) as a fake server. */
export function replayServer<Params>(options: ReplayOptions): FakeServer<Params> {
  const { exchanges } = readCassette(options.cassette);
  const ignored = ignoredOf(options.ignore);
  const recorded = exchanges.map((exchange) => comparable(exchange.request, ignored));
  const played = exchanges.map(() => false);
  const { wire, baseURL } = options;
  const basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  const requests: RecordedRequest<Params>[] = [];

  /** The 500 for a request that matches no exchange left: the nearest one, and how it differs. */
  function mismatch(sent: Comparable): Response {
    const left = recorded.flatMap((_, index) => (played[index] ? [] : [index]));
    const pool = left.length > 0 ? left : recorded.map((_, index) => index);
    const nearest = pool.reduce<number | undefined>((best, index) => {
      if (best === undefined) return index;
      const [a, b] = [recorded[index], recorded[best]] as [Comparable, Comparable];
      return distance(a, sent) < distance(b, sent) ? index : best;
    }, undefined);
    const what = `${sent.method} ${sent.path}`;
    const lines = [`fake server (cassette): no recorded exchange left matches ${what}.`];
    const count = `${exchanges.length} recorded, ${exchanges.length - left.length} played`;
    if (nearest === undefined) lines.push(`The cassette has no exchanges (${count}).`);
    else {
      const near = recorded[nearest] as Comparable;
      const diff = differences(near, sent);
      const state = played[nearest] ? 'already played' : 'not yet played';
      const name = `exchange #${nearest + 1} (${state}; ${count}), ${near.method} ${near.path}`;
      if (diff.length === 0)
        lines.push(
          `It is the same request as ${name}: the app sent it once more than when it was recorded.`,
        );
      else {
        lines.push(`The nearest is ${name}, which differs in:`);
        lines.push(...diff.slice(0, 12).map((line) => `  ${line}`));
        if (diff.length > 12) lines.push(`  … and ${diff.length - 12} more.`);
        lines.push(
          "A field that changes from run to run (an id the app makes) can be left out of matching: createFakeServer({ cassette, ignore: ['body.<path>'] }).",
        );
      }
    }
    return errorAnswer(
      wire,
      {
        status: 500,
        message: lines.join('\n'),
        code: 'cassette_mismatch',
        type: 'server_error',
        param: null,
      },
      { 'x-should-retry': 'false' },
    );
  }

  /** Plays one exchange: its response, or its fetch's rejection. */
  function play(exchange: CassetteExchange, signal: AbortSignal | null): Promise<Response> {
    const { error, response } = exchange;
    if (error?.aborted) return never(signal);
    if (error || !response)
      return Promise.reject(errorNamed(error ?? { name: 'Error', message: '' }));
    return Promise.resolve(answerOf(response, signal, options.realTime === true));
  }

  async function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const received = await receive<Params>(input, init, basePath, wire);
    const { recorded: seen, text, signal } = received;
    requests.push(seen);
    const asSent = { method: seen.method, url: seen.url, body: seen.body };
    const sent = comparable(received.unreadable ? { ...asSent, bodyText: text } : asSent, ignored);
    const index = recorded.findIndex(
      (candidate, at) => !played[at] && differences(candidate, sent).length === 0,
    );
    const exchange = exchanges[index];
    if (!exchange) {
      const answer = mismatch(sent);
      seen.status = answer.status;
      return answer;
    }
    played[index] = true;
    const answer = await play(exchange, signal);
    seen.status = answer.status;
    return answer;
  }

  const nothingKept = () => undefined;
  const sockets = fakeSockets({
    wire,
    basePath,
    requests,
    refuseAll: 'A server replaying a cassette answers HTTP only.',
    create: () => Promise.reject(new Error('unreachable')),
  });
  return {
    fetch,
    baseURL,
    dialect: wire.name,
    requests,
    WebSocket: sockets.WebSocket,
    connections: 0,
    get remainingTurns() {
      return played.filter((done) => !done).length;
    },
    enqueue: () => {
      throw new TypeError('enqueue(): this server replays a cassette: it plays no turns.');
    },
    storedResponse: nothingKept,
    conversationItems: () => [],
    storedConversation: nothingKept,
    storedChatCompletion: nothingKept,
  };
}
