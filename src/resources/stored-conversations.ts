/**
 * The Conversations API: `POST /conversations`, `GET|POST|DELETE /conversations/{id}` and the
 * items below it, wherever the server has it. Loaded on first use, so that apps that never call
 * it do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import {
  ConversationCreateParamsSchema,
  ConversationDeletedResourceSchema,
  ConversationItemCreateParamsSchema,
  ConversationItemListParamsSchema,
  ConversationItemListSchema,
  ConversationItemRetrieveParamsSchema,
  ConversationItemSchema,
  ConversationResourceSchema,
  ConversationUpdateParamsSchema,
} from '../schemas/conversations.js';
import { checkRequest } from '../schemas/validate.js';
import type { WithResponse } from '../transport/send-and-read.js';
import type {
  ConversationCreateParams,
  ConversationDeletedResource,
  ConversationItem,
  ConversationItemCreateParams,
  ConversationItemList,
  ConversationItemListParams,
  ConversationItemRetrieveParams,
  ConversationResource,
  ConversationUpdateParams,
} from '../types/index.js';
import { below, callChecked, type Id } from './endpoint.js';

type Options = RequestOptions | undefined;

const conversation = (id: string): Id => [id, 'conversation_id'];
const item = (id: string): Id => [id, 'item_id'];

/** `POST /conversations`: a new conversation, with the items and metadata given. */
export async function createConversation(
  config: ClientConfig,
  params: ConversationCreateParams = {},
  options: Options,
): Promise<WithResponse<ConversationResource>> {
  const target = await below(config, 'conversations', 'conversations.create');
  checkRequest(ConversationCreateParamsSchema, params, 'conversation create params');
  const request = { ...target, method: 'POST', body: { ...params } } as const;
  return callChecked(config, request, options, ConversationResourceSchema, 'conversation');
}

/** `GET /conversations/{id}`. */
export async function retrieveConversation(
  config: ClientConfig,
  id: string,
  options: Options,
): Promise<WithResponse<ConversationResource>> {
  const target = await below(config, 'conversations', 'conversations.retrieve', conversation(id));
  const request = { ...target, method: 'GET' } as const;
  return callChecked(config, request, options, ConversationResourceSchema, 'conversation');
}

/** `POST /conversations/{id}`: new metadata. */
export async function updateConversation(
  config: ClientConfig,
  id: string,
  params: ConversationUpdateParams,
  options: Options,
): Promise<WithResponse<ConversationResource>> {
  const target = await below(config, 'conversations', 'conversations.update', conversation(id));
  checkRequest(ConversationUpdateParamsSchema, params, 'conversation update params');
  const request = { ...target, method: 'POST', body: { ...params } } as const;
  return callChecked(config, request, options, ConversationResourceSchema, 'conversation');
}

/** `DELETE /conversations/{id}` (its items go with it). */
export async function deleteConversation(
  config: ClientConfig,
  id: string,
  options: Options,
): Promise<WithResponse<ConversationDeletedResource>> {
  const target = await below(config, 'conversations', 'conversations.delete', conversation(id));
  const request = { ...target, method: 'DELETE' } as const;
  const schema = ConversationDeletedResourceSchema;
  return callChecked(config, request, options, schema, 'deleted conversation');
}

/** `POST /conversations/{id}/items`: up to 20 items added; `include` goes in the query. */
export async function createConversationItems(
  config: ClientConfig,
  id: string,
  params: ConversationItemCreateParams,
  options: Options,
): Promise<WithResponse<ConversationItemList>> {
  const method = 'conversations.items.create';
  const target = await below(config, 'conversations', method, conversation(id), 'items');
  checkRequest(ConversationItemCreateParamsSchema, params, 'conversation items create params');
  const { include, ...body } = params;
  const request = { ...target, method: 'POST', query: { include }, body } as const;
  return callChecked(config, request, options, ConversationItemListSchema, 'conversation items');
}

/** One page of `GET /conversations/{id}/items`, after `after` (the page before's last item). */
export async function conversationItemsPage(
  config: ClientConfig,
  after: string | undefined,
  id: string,
  params: ConversationItemListParams = {},
  options: Options,
): Promise<WithResponse<ConversationItemList>> {
  const method = 'conversations.items.list';
  const target = await below(config, 'conversations', method, conversation(id), 'items');
  checkRequest(ConversationItemListParamsSchema, params, 'conversation items query');
  const { limit, order, include } = params;
  const query = { after: after ?? params.after, limit, order, include };
  const request = { ...target, method: 'GET', query } as const;
  const what = 'conversation items page';
  return callChecked(config, request, options, ConversationItemListSchema, what);
}

/** `GET /conversations/{id}/items/{item_id}`. */
export async function retrieveConversationItem(
  config: ClientConfig,
  id: string,
  itemId: string,
  params: ConversationItemRetrieveParams = {},
  options: Options,
): Promise<WithResponse<ConversationItem>> {
  const method = 'conversations.items.retrieve';
  const target = await below(
    config,
    'conversations',
    method,
    conversation(id),
    'items',
    item(itemId),
  );
  checkRequest(ConversationItemRetrieveParamsSchema, params, 'conversation item query');
  const request = { ...target, method: 'GET', query: { include: params.include } } as const;
  return callChecked(config, request, options, ConversationItemSchema, 'conversation item');
}

/** `DELETE /conversations/{id}/items/{item_id}`: answers with the conversation. */
export async function deleteConversationItem(
  config: ClientConfig,
  id: string,
  itemId: string,
  options: Options,
): Promise<WithResponse<ConversationResource>> {
  const method = 'conversations.items.delete';
  const target = await below(
    config,
    'conversations',
    method,
    conversation(id),
    'items',
    item(itemId),
  );
  const request = { ...target, method: 'DELETE' } as const;
  return callChecked(config, request, options, ConversationResourceSchema, 'conversation');
}
