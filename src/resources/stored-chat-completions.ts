/**
 * Stored chat completions: `GET /chat/completions` (one page at a time), `GET|POST|DELETE
 * /chat/completions/{id}` and `GET /chat/completions/{id}/messages`, wherever the server stores
 * them. Loaded on first use, so that apps that never call them do not bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import { ChatCompletionSchema } from '../schemas/chat.js';
import {
  ChatCompletionDeletedSchema,
  ChatCompletionListParamsSchema,
  ChatCompletionListSchema,
  ChatCompletionMessageListParamsSchema,
  ChatCompletionMessageListSchema,
  ChatCompletionUpdateParamsSchema,
} from '../schemas/chat-stored.js';
import { checkRequest } from '../schemas/validate.js';
import type { WithResponse } from '../transport/send-and-read.js';
import type { Query } from '../transport/url.js';
import type {
  ChatCompletion,
  ChatCompletionDeleted,
  ChatCompletionList,
  ChatCompletionListParams,
  ChatCompletionMessageList,
  ChatCompletionMessageListParams,
  ChatCompletionUpdateParams,
} from '../types/index.js';
import { below, callChecked, type Id } from './endpoint.js';

type Options = RequestOptions | undefined;

const completion = (id: string): Id => [id, 'completion_id'];

/**
 * One page of `GET /chat/completions`, after `after` (the page before's last completion). The
 * `metadata` filter goes as `metadata[key]=value` pairs.
 */
export async function chatCompletionsPage(
  config: ClientConfig,
  after: string | undefined,
  params: ChatCompletionListParams = {},
  options: Options,
): Promise<WithResponse<ChatCompletionList>> {
  const target = await below(config, 'storedChatCompletions', 'chat.completions.list');
  checkRequest(ChatCompletionListParamsSchema, params, 'chat completions query');
  const { limit, metadata, model, order } = params;
  const query: Query = { after: after ?? params.after, limit, model, order };
  for (const [key, value] of Object.entries(metadata ?? {})) query[`metadata[${key}]`] = value;
  const request = { ...target, method: 'GET', query } as const;
  const what = 'chat completions page';
  return callChecked(config, request, options, ChatCompletionListSchema, what);
}

/** `GET /chat/completions/{id}`: a stored completion. */
export async function retrieveChatCompletion(
  config: ClientConfig,
  id: string,
  options: Options,
): Promise<WithResponse<ChatCompletion>> {
  const method = 'chat.completions.retrieve';
  const target = await below(config, 'storedChatCompletions', method, completion(id));
  const request = { ...target, method: 'GET' } as const;
  return callChecked(config, request, options, ChatCompletionSchema, 'chat completion');
}

/** `POST /chat/completions/{id}`: new metadata for a stored completion. */
export async function updateChatCompletion(
  config: ClientConfig,
  id: string,
  params: ChatCompletionUpdateParams,
  options: Options,
): Promise<WithResponse<ChatCompletion>> {
  const method = 'chat.completions.update';
  const target = await below(config, 'storedChatCompletions', method, completion(id));
  checkRequest(ChatCompletionUpdateParamsSchema, params, 'chat completion update params');
  const request = { ...target, method: 'POST', body: { ...params } } as const;
  return callChecked(config, request, options, ChatCompletionSchema, 'chat completion');
}

/** `DELETE /chat/completions/{id}`. */
export async function deleteChatCompletion(
  config: ClientConfig,
  id: string,
  options: Options,
): Promise<WithResponse<ChatCompletionDeleted>> {
  const method = 'chat.completions.delete';
  const target = await below(config, 'storedChatCompletions', method, completion(id));
  const request = { ...target, method: 'DELETE' } as const;
  const what = 'deleted chat completion';
  return callChecked(config, request, options, ChatCompletionDeletedSchema, what);
}

/** One page of `GET /chat/completions/{id}/messages`, after `after`. */
export async function chatCompletionMessagesPage(
  config: ClientConfig,
  after: string | undefined,
  id: string,
  params: ChatCompletionMessageListParams = {},
  options: Options,
): Promise<WithResponse<ChatCompletionMessageList>> {
  const method = 'chat.completions.messages.list';
  const target = await below(config, 'storedChatCompletions', method, completion(id), 'messages');
  checkRequest(ChatCompletionMessageListParamsSchema, params, 'chat completion messages query');
  const { limit, order } = params;
  const query = { after: after ?? params.after, limit, order };
  const request = { ...target, method: 'GET', query } as const;
  const what = 'chat completion messages page';
  return callChecked(config, request, options, ChatCompletionMessageListSchema, what);
}
