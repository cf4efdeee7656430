/**
 * The Conversations API: `POST /conversations`, `GET|POST|DELETE /conversations/{id}` and the
 * items below it, wherever the server has it. Loaded on first use, so that apps that never call
 * it do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import * as schemas from '../schemas/conversations.js';
import type * as types from '../types/index.js';
import { callStored, type Id, type StoredCall } from './endpoint.js';

type Options = RequestOptions | undefined;

const conversation = (id: string): Id => [id, 'conversation_id'];
const item = (id: string): Id => [id, 'item_id'];
const resource = [schemas.ConversationResourceSchema, 'conversation'] as const;
const items = [schemas.ConversationItemListSchema, 'conversation items'] as const;

/** Sends `call` below `/conversations`. */
const call = <T>(config: ClientConfig, options: Options, stored: StoredCall) =>
  callStored<T>(config, 'conversations', options, stored);

/** `POST /conversations`: a new conversation, with the items and metadata given. */
export const createConversation = (
  config: ClientConfig,
  params: types.ConversationCreateParams = {},
  options: Options,
) =>
  call<types.ConversationResource>(config, options, {
    name: 'conversations.create',
    method: 'POST',
    check: [schemas.ConversationCreateParamsSchema, params, 'conversation create params'],
    body: { ...params },
    answer: resource,
  });

/** `GET /conversations/{id}`. */
export const retrieveConversation = (config: ClientConfig, id: string, options: Options) =>
  call<types.ConversationResource>(config, options, {
    name: 'conversations.retrieve',
    method: 'GET',
    below: [conversation(id)],
    answer: resource,
  });

/** `POST /conversations/{id}`: new metadata. */
export const updateConversation = (
  config: ClientConfig,
  id: string,
  params: types.ConversationUpdateParams,
  options: Options,
) =>
  call<types.ConversationResource>(config, options, {
    name: 'conversations.update',
    method: 'POST',
    below: [conversation(id)],
    check: [schemas.ConversationUpdateParamsSchema, params, 'conversation update params'],
    body: { ...params },
    answer: resource,
  });

/** `DELETE /conversations/{id}` (its items go with it). */
export const deleteConversation = (config: ClientConfig, id: string, options: Options) =>
  call<types.ConversationDeletedResource>(config, options, {
    name: 'conversations.delete',
    method: 'DELETE',
    below: [conversation(id)],
    answer: [schemas.ConversationDeletedResourceSchema, 'deleted conversation'],
  });

/** `POST /conversations/{id}/items`: up to 20 items added; `include` goes in the query. */
export const createConversationItems = (
  config: ClientConfig,
  id: string,
  params: types.ConversationItemCreateParams,
  options: Options,
) => {
  const { include, ...body } = params ?? {};
  return call<types.ConversationItemList>(config, options, {
    name: 'conversations.items.create',
    method: 'POST',
    below: [conversation(id), 'items'],
    check: [schemas.ConversationItemCreateParamsSchema, params, 'conversation items create params'],
    query: { include },
    body,
    answer: items,
  });
};

/** One page of `GET /conversations/{id}/items`, after `after` (the page before's last item). */
export const conversationItemsPage = (
  config: ClientConfig,
  after: string | undefined,
  id: string,
  params: types.ConversationItemListParams = {},
  options: Options,
) => {
  const { limit, order, include } = params;
  return call<types.ConversationItemList>(config, options, {
    name: 'conversations.items.list',
    method: 'GET',
    below: [conversation(id), 'items'],
    check: [schemas.ConversationItemListParamsSchema, params, 'conversation items query'],
    query: { after: after ?? params.after, limit, order, include },
    answer: [schemas.ConversationItemListSchema, 'conversation items page'],
  });
};

/** `GET /conversations/{id}/items/{item_id}`. */
export const retrieveConversationItem = (
  config: ClientConfig,
  id: string,
  itemId: string,
  params: types.ConversationItemRetrieveParams = {},
  options: Options,
) =>
  call<types.ConversationItem>(config, options, {
    name: 'conversations.items.retrieve',
    method: 'GET',
    below: [conversation(id), 'items', item(itemId)],
    check: [schemas.ConversationItemRetrieveParamsSchema, params, 'conversation item query'],
    query: { include: params.include },
    answer: [schemas.ConversationItemSchema, 'conversation item'],
  });

/** `DELETE /conversations/{id}/items/{item_id}`: answers with the conversation. */
export const deleteConversationItem = (
  config: ClientConfig,
  id: string,
  itemId: string,
  options: Options,
) =>
  call<types.ConversationResource>(config, options, {
    name: 'conversations.items.delete',
    method: 'DELETE',
    below: [conversation(id), 'items', item(itemId)],
    answer: resource,
  });
