/**
 * The cassette's types, each derived from its schema (cassette-schema.ts, where every field's
 * doc is written) and published under its own name, and the check of a cassette given to replay.
 */
import type * as z from 'zod/mini';
import { RequestValidationError } from '../errors.js';
import { checkRequest } from '../schemas/validate.js';
import {
  type CassetteChunkSchema,
  type CassetteErrorSchema,
  type CassetteExchangeSchema,
  type CassetteFetchErrorSchema,
  type CassetteRequestSchema,
  type CassetteResponseSchema,
  CassetteSchema,
} from './cassette-schema.js';

/**
 * A recording of an app's traffic with its server (`createRecorder().cassette()`): plain JSON,
 * versioned, secrets removed, every exchange in the order its request was sent. Save it with
 * `JSON.stringify`, replay it with `createFakeServer({ cassette })`. docs/cassettes.md describes
 * each field.
 */
export interface Cassette extends z.infer<typeof CassetteSchema> {}

/** One request and what came of it: a `response`, or the `error` its `fetch` rejected with. */
export interface CassetteExchange extends z.infer<typeof CassetteExchangeSchema> {}

/** A request as it was sent: method, URL, headers (secrets redacted) and body. */
export interface CassetteRequest extends z.infer<typeof CassetteRequestSchema> {}

/** A response as it came back: status, headers and the body chunk by chunk, and how it ended. */
export interface CassetteResponse extends z.infer<typeof CassetteResponseSchema> {}

/** One chunk of a response body, as the reader got it, and when. */
export interface CassetteChunk extends z.infer<typeof CassetteChunkSchema> {}

/** An error as recorded: its name and message. */
export interface CassetteError extends z.infer<typeof CassetteErrorSchema> {}

/** What a `fetch` rejected with, and whether the request's own signal had aborted. */
export interface CassetteFetchError extends z.infer<typeof CassetteFetchErrorSchema> {}

/** The field's path as a message names it: `exchanges[2].response.status`. */
const fieldOf = (path: readonly PropertyKey[]) =>
  path
    .map((key, at) => (typeof key === 'number' ? `[${key}]` : at ? `.${String(key)}` : String(key)))
    .join('');

/** The cassette checked, or a `TypeError` naming its first broken field. */
export function readCassette(value: unknown): Cassette {
  try {
    return checkRequest(CassetteSchema, value, 'cassette') as Cassette;
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const [issue] = error.issues;
    const where = issue?.path.length ? `\`${fieldOf(issue.path)}\` ` : '';
    throw new TypeError(
      `createFakeServer: \`cassette\` is not a cassette this version reads: ${where}${issue?.message ?? error.message}.`,
    );
  }
}
