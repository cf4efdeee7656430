/**
 * What the endpoints outside the responses collection share (conversations, stored chat
 * completions, one model): the path of an endpoint the server may lack, refused before anything
 * is sent where it has none, and an answer read against its schema. Loaded with them, on first use.
 */
import type { Dialect, WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import { checkRequest, parseWire, type WireSchema } from '../schemas/validate.js';
import { callOptions } from '../transport/call-options.js';
import type { APIRequest } from '../transport/request.js';
import { asObject, sendAndReadJSON, type WithResponse } from '../transport/send-and-read.js';
import { encodeSegment, type Query } from '../transport/url.js';
import { unsupported } from './prepare.js';

/** A request's path and auth, without its method, query or body. */
export type Target = Omit<APIRequest, 'method'>;

/** An id and the name an error gives it (`conversation_id`), checked as one path segment. */
export type Id = readonly [value: string, name: string];

/** The client's dialect, and the path of `endpoint` on its server, refused where it has none. */
async function pathOf<
  Key extends 'conversations' | 'storedChatCompletions' | 'model' | 'deleteModel',
>(config: ClientConfig, endpoint: Key, method: string) {
  const dialect: Dialect<never> = await config.dialect.load();
  const path = dialect.paths[endpoint];
  if (!path) throw unsupported(dialect, method);
  return { dialect, path: path as NonNullable<Dialect['paths'][Key]> };
}

/**
 * A request to a collection the server may lack (the Conversations API, stored chat
 * completions), below it the `segments`: fixed words (`'items'`) and ids, each checked as one
 * path segment. Where the server has no such collection, a {@link RequestValidationError} naming
 * `method`, before anything is sent.
 */
export async function below(
  config: ClientConfig,
  collection: Collection,
  method: string,
  ...segments: (string | Id)[]
): Promise<Target> {
  const { dialect, path } = await pathOf(config, collection, method);
  const tail = segments.map((segment) => {
    if (typeof segment === 'string') return segment;
    encodeSegment(...segment);
    return segment[0];
  });
  return { path: [...path(config.context), ...tail], auth: dialect.authHeaders };
}

/** A request to one model (`models.retrieve` or `models.delete`), and the dialect, as {@link below}. */
export async function toModel(
  config: ClientConfig,
  endpoint: 'model' | 'deleteModel',
  method: string,
  id: string,
): Promise<{ dialect: Dialect<never>; target: Target }> {
  const { dialect, path } = await pathOf(config, endpoint, method);
  encodeSegment(id, 'model');
  return { dialect, target: { path: path(config.context, id), auth: dialect.authHeaders } };
}

/**
 * Sends a request and reads its JSON answer: `normalize`d by the dialect, then checked against
 * `schema` unless the client's validation is off (any JSON object then passes as sent).
 */
export function callChecked<T>(
  config: ClientConfig,
  request: APIRequest,
  options: RequestOptions | undefined,
  schema: WireSchema,
  what: string,
  normalize: (body: WireObject) => WireObject = (body) => body,
): Promise<WithResponse<T>> {
  return sendAndReadJSON(callOptions(config.transport, options), request, (json) => {
    const body = normalize(asObject(json, what));
    return (config.validation ? parseWire(schema, body, what) : body) as T;
  });
}

/** The collections a server may keep: the prefix of their methods' names, and what an error calls an object's id. */
const collections = {
  conversations: ['conversations', 'conversation_id'],
  storedChatCompletions: ['chat.completions', 'completion_id'],
} as const;

/** A collection a server may keep: the Conversations API, stored chat completions. */
export type Collection = keyof typeof collections;

/** One call of an endpoint below a collection the server keeps: what it sends and how it reads. */
export interface StoredCall {
  method: APIRequest['method'];
  /** The path below the collection: segments, and ids with the name an error gives them. */
  below?: (string | Id)[];
  /** The params, their schema and what an error calls them: checked before anything is sent. */
  check?: readonly [schema: WireSchema, params: unknown, what: string];
  query?: Query;
  body?: WireObject;
  /** The schema of the answer and what an error calls it. */
  answer: readonly [schema: WireSchema, what: string];
}

/**
 * Sends `call` below `collection` (refused at once where the dialect has no such collection,
 * naming the method: `verb` `items.list` of the conversations is `conversations.items.list`),
 * its params checked first, and reads the answer against its schema.
 */
export async function callStored(
  config: ClientConfig,
  collection: Collection,
  verb: string,
  options: RequestOptions | undefined,
  call: StoredCall,
): Promise<WithResponse<unknown>> {
  const name = `${collections[collection][0]}.${verb}`;
  const target = await below(config, collection, name, ...(call.below ?? []));
  if (call.check) checkRequest(...call.check);
  const { method, query, body } = call;
  return callChecked(config, { ...target, method, query, body }, options, ...call.answer);
}

/**
 * `retrieve`, `update` (new metadata) and `delete`: `GET`, `POST` and `DELETE` of
 * `/{collection}/{id}`, the three calls of every object a collection keeps. `answer` is the
 * object's schema and what an error calls it, `update` the schema of the params `update` sends,
 * `deleted` what `delete` answers.
 */
export function storedObject(
  collection: Collection,
  answer: StoredCall['answer'],
  update: WireSchema,
  deleted: StoredCall['answer'],
) {
  type Options = RequestOptions | undefined;
  const below = (id: string): Id[] => [[id, collections[collection][1]]];
  return {
    retrieve: (config: ClientConfig, id: string, options: Options) =>
      callStored(config, collection, 'retrieve', options, {
        method: 'GET',
        below: below(id),
        answer,
      }),
    update: (config: ClientConfig, id: string, params: WireObject, options: Options) =>
      callStored(config, collection, 'update', options, {
        method: 'POST',
        below: below(id),
        check: [update, params, `${answer[1]} update params`],
        body: { ...params },
        answer,
      }),
    delete: (config: ClientConfig, id: string, options: Options) =>
      callStored(config, collection, 'delete', options, {
        method: 'DELETE',
        below: below(id),
        answer: deleted,
      }),
  };
}
