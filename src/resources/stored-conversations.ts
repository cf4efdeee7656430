/**
 * The Conversations API: `POST /conversations`, `GET|POST|DELETE /conversations/{id}` and the
 * items below it, wherever the server has it. Loaded on first use, so that apps that never call
 * it do not bundle it.
 */
import * as schemas from '../schemas/conversations.js';
import type { ConversationItems, Conversations } from './conversations.js';
import { callStored, type Id, storedObject } from './endpoint.js';
import type { Served } from './lazy-methods.js';

/** The path to a conversation's items, or to one of them. */
const itemsOf = (id: string, itemId?: string): (string | Id)[] => [
  [id, 'conversation_id'],
  'items',
  ...(itemId === undefined ? [] : [[itemId, 'item_id'] as const]),
];
const resource = [schemas.ConversationResourceSchema, 'conversation'] as const;

/** `client.conversations`' methods, under their names (lazy-methods.ts). */
export const conversations: Served<Conversations> = {
  /** `POST /conversations`: a new conversation, with the items and metadata given. */
  create: (config, params = {}, options) =>
    callStored(config, 'conversations', 'create', options, {
      method: 'POST',
      check: [schemas.ConversationCreateParamsSchema, params, 'conversation create params'],
      body: { ...params },
      answer: resource,
    }),
  ...storedObject('conversations', resource, schemas.ConversationUpdateParamsSchema, [
    schemas.ConversationDeletedResourceSchema,
    'deleted conversation',
  ]),
};

/** `client.conversations.items`' methods, under their names. */
export const items: Served<ConversationItems, 'list'> = {
  /** `POST /conversations/{id}/items`: up to 20 items added; `include` goes in the query. */
  create: (config, id, params, options) => {
    const { include, ...body } = params ?? {};
    return callStored(config, 'conversations', 'items.create', options, {
      method: 'POST',
      below: itemsOf(id),
      check: [
        schemas.ConversationItemCreateParamsSchema,
        params,
        'conversation items create params',
      ],
      query: { include },
      body,
      answer: [schemas.ConversationItemListSchema, 'conversation items'],
    });
  },
  /** One page of `GET /conversations/{id}/items`, after `after` (the page before's last item). */
  list: (config, after, id, params = {}, options) => {
    const { limit, order, include } = params;
    return callStored(config, 'conversations', 'items.list', options, {
      method: 'GET',
      below: itemsOf(id),
      check: [schemas.ConversationItemListParamsSchema, params, 'conversation items query'],
      query: { after: after ?? params.after, limit, order, include },
      answer: [schemas.ConversationItemListSchema, 'conversation items page'],
    });
  },
  /** `GET /conversations/{id}/items/{item_id}`. */
  retrieve: (config, id, itemId, params = {}, options) =>
    callStored(config, 'conversations', 'items.retrieve', options, {
      method: 'GET',
      below: itemsOf(id, itemId),
      check: [schemas.ConversationItemRetrieveParamsSchema, params, 'conversation item query'],
      query: { include: params.include },
      answer: [schemas.ConversationItemSchema, 'conversation item'],
    }),
  /** `DELETE /conversations/{id}/items/{item_id}`: answers with the conversation. */
  delete: (config, id, itemId, options) =>
    callStored(config, 'conversations', 'items.delete', options, {
      method: 'DELETE',
      below: itemsOf(id, itemId),
      answer: resource,
    }),
};
