/**
 * Stored chat completions: `GET /chat/completions` (one page at a time), `GET|POST|DELETE
 * /chat/completions/{id}` and `GET /chat/completions/{id}/messages`, wherever the server stores
 * them. Loaded on first use, so that apps that never call them do not bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import { ChatCompletionSchema } from '../schemas/chat.js';
import * as schemas from '../schemas/chat-stored.js';
import type { Query } from '../transport/url.js';
import type * as types from '../types/index.js';
import { callStored, type Id, type StoredCall } from './endpoint.js';

type Options = RequestOptions | undefined;

const completion = (id: string): Id => [id, 'completion_id'];
const stored = [ChatCompletionSchema, 'chat completion'] as const;

/** Sends `call` below `/chat/completions`. */
const call = <T>(config: ClientConfig, options: Options, request: StoredCall) =>
  callStored<T>(config, 'storedChatCompletions', options, request);

/**
 * One page of `GET /chat/completions`, after `after` (the page before's last completion). The
 * `metadata` filter goes as `metadata[key]=value` pairs.
 */
export const chatCompletionsPage = (
  config: ClientConfig,
  after: string | undefined,
  params: types.ChatCompletionListParams = {},
  options: Options,
) => {
  const { limit, metadata, model, order } = params;
  const query: Query = { after: after ?? params.after, limit, model, order };
  for (const [key, value] of Object.entries(metadata ?? {})) query[`metadata[${key}]`] = value;
  return call<types.ChatCompletionList>(config, options, {
    name: 'chat.completions.list',
    method: 'GET',
    check: [schemas.ChatCompletionListParamsSchema, params, 'chat completions query'],
    query,
    answer: [schemas.ChatCompletionListSchema, 'chat completions page'],
  });
};

/** `GET /chat/completions/{id}`: a stored completion. */
export const retrieveChatCompletion = (config: ClientConfig, id: string, options: Options) =>
  call<types.ChatCompletion>(config, options, {
    name: 'chat.completions.retrieve',
    method: 'GET',
    below: [completion(id)],
    answer: stored,
  });

/** `POST /chat/completions/{id}`: new metadata for a stored completion. */
export const updateChatCompletion = (
  config: ClientConfig,
  id: string,
  params: types.ChatCompletionUpdateParams,
  options: Options,
) =>
  call<types.ChatCompletion>(config, options, {
    name: 'chat.completions.update',
    method: 'POST',
    below: [completion(id)],
    check: [schemas.ChatCompletionUpdateParamsSchema, params, 'chat completion update params'],
    body: { ...params },
    answer: stored,
  });

/** `DELETE /chat/completions/{id}`. */
export const deleteChatCompletion = (config: ClientConfig, id: string, options: Options) =>
  call<types.ChatCompletionDeleted>(config, options, {
    name: 'chat.completions.delete',
    method: 'DELETE',
    below: [completion(id)],
    answer: [schemas.ChatCompletionDeletedSchema, 'deleted chat completion'],
  });

/** One page of `GET /chat/completions/{id}/messages`, after `after`. */
export const chatCompletionMessagesPage = (
  config: ClientConfig,
  after: string | undefined,
  id: string,
  params: types.ChatCompletionMessageListParams = {},
  options: Options,
) =>
  call<types.ChatCompletionMessageList>(config, options, {
    name: 'chat.completions.messages.list',
    method: 'GET',
    below: [completion(id), 'messages'],
    check: [
      schemas.ChatCompletionMessageListParamsSchema,
      params,
      'chat completion messages query',
    ],
    query: { after: after ?? params.after, limit: params.limit, order: params.order },
    answer: [schemas.ChatCompletionMessageListSchema, 'chat completion messages page'],
  });
