/**
 * The cassette, as zod schemas, each followed by the type derived from it and published under
 * its own name (the schema's comments are its fields' docs): the one source of the `Cassette`
 * types and of the check `createFakeServer` makes of a cassette it is given (read-cassette.ts).
 * docs/cassettes.md describes the same fields for readers of the JSON.
 */
import * as z from 'zod/mini';

const headers = z.record(z.string(), z.string());

/** An error as recorded: its name and message. */
export const CassetteErrorSchema = z.object({
  /** The error's name: `TypeError`, `AbortError`, … */
  name: z.string(),
  /** Its message, secrets removed. */
  message: z.string(),
});

/** An error as recorded: its name and message. */
export interface CassetteError extends z.infer<typeof CassetteErrorSchema> {}

/** An exchange whose `fetch` rejected: no response came. */
export const CassetteFetchErrorSchema = z.object({
  ...CassetteErrorSchema.shape,
  /**
   * Whether the request's own signal had aborted (the client's timeout, or the app's abort):
   * replay then waits for the replaying request's signal to abort, and rejects as fetch does.
   * Otherwise (a refused connection, a DNS failure) replay rejects at once with this error.
   */
  aborted: z.boolean(),
});

/** What a `fetch` rejected with, and whether the request's own signal had aborted. */
export interface CassetteFetchError extends z.infer<typeof CassetteFetchErrorSchema> {}

/** A request as it was sent. */
export const CassetteRequestSchema = z.object({
  /** The HTTP method, upper-case. */
  method: z.string(),
  /** The URL, query included, secrets removed. */
  url: z.string(),
  /** The headers sent, names lower-case; the values of secret headers are `[redacted]`. */
  headers,
  /** The JSON body, parsed; absent when none was sent, or when it was not JSON (see `bodyText`). */
  body: z.optional(z.unknown()),
  /** The body as text, when it was not JSON. */
  bodyText: z.optional(z.string()),
});

/** A request as it was sent: method, URL, headers (secrets redacted) and body. */
export interface CassetteRequest extends z.infer<typeof CassetteRequestSchema> {}

/** One chunk of a response body, as the reader got it: its bytes as text, or in base64. */
export const CassetteChunkSchema = z
  .object({
    /** When it arrived: milliseconds after the response's headers. */
    ms: z.number().check(z.gte(0)),
    /** Its bytes as UTF-8 text, when they are valid UTF-8 on their own. */
    text: z.optional(z.string()),
    /** Its bytes in base64, when they are not (a character split between two chunks). */
    base64: z.optional(z.string()),
  })
  .check(
    z.refine((chunk) => (chunk.text === undefined) !== (chunk.base64 === undefined), {
      error: 'a chunk has either `text` or `base64`',
    }),
  );

/** One chunk of a response body, as the reader got it, and when. */
export interface CassetteChunk extends z.infer<typeof CassetteChunkSchema> {}

/** A response as it came back. */
export const CassetteResponseSchema = z.object({
  /** The HTTP status. */
  status: z.number().check(z.int(), z.gte(200), z.lte(599)),
  /** The status text (`''` over HTTP/2). */
  statusText: z.string(),
  /**
   * The headers, names lower-case; the values of secret headers are `[redacted]`.
   * `content-encoding` and `content-length` are left out: the chunks are the body as fetch
   * handed it over, already decoded.
   */
  headers,
  /** The body, chunk by chunk, in order; empty when it had none. */
  chunks: z.array(CassetteChunkSchema),
  /**
   * How the body ended: `done`, read to its end; `error`, broken off with `bodyError` (a
   * dropped connection); `stopped`, not ended when reading stopped (the app aborted or cancelled
   * it, or the cassette was taken while it was still being read).
   */
  end: z.enum(['done', 'error', 'stopped']),
  /** What the body broke off with, when `end` is `error`. */
  bodyError: z.optional(CassetteErrorSchema),
});

/** A response as it came back: status, headers and the body chunk by chunk, and how it ended. */
export interface CassetteResponse extends z.infer<typeof CassetteResponseSchema> {}

/** One request and what came of it: a response, or an error from `fetch`. */
export const CassetteExchangeSchema = z
  .object({
    /** The request as it was sent: method, URL, headers (secrets redacted) and body. */
    request: CassetteRequestSchema,
    /** The response, when one came. */
    response: z.optional(CassetteResponseSchema),
    /** What `fetch` rejected with, when no response came. */
    error: z.optional(CassetteFetchErrorSchema),
  })
  .check(
    z.refine((exchange) => (exchange.response === undefined) !== (exchange.error === undefined), {
      error: 'an exchange has either a `response` or an `error`',
    }),
  );

/** One request and what came of it: a `response`, or the `error` its `fetch` rejected with. */
export interface CassetteExchange extends z.infer<typeof CassetteExchangeSchema> {}

/** A recording of an app's traffic with its server, in the order the requests were sent. */
export const CassetteSchema = z.object({
  /** The format's version: 1. */
  version: z.literal(1, { error: 'must be 1 (the version this package reads)' }),
  /** What was recorded, and against which server: free text, yours to write before saving. */
  note: z.optional(z.string()),
  /** Every exchange, in the order its request was sent: retries and failures included. */
  exchanges: z.array(CassetteExchangeSchema),
});

/**
 * A recording of an app's traffic with its server (`createRecorder().cassette()`): plain JSON,
 * versioned, secrets removed, every exchange in the order its request was sent. Save it with
 * `JSON.stringify`, replay it with `createFakeServer({ cassette })`. docs/cassettes.md describes
 * each field.
 */
export interface Cassette extends z.infer<typeof CassetteSchema> {}
