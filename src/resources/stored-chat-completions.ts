/**
 * Stored chat completions: `GET /chat/completions` (one page at a time), `GET|POST|DELETE
 * /chat/completions/{id}` and `GET /chat/completions/{id}/messages`, wherever the server stores
 * them. Loaded on first use, so that apps that never call them do not bundle them.
 */
import { ChatCompletionSchema } from '../schemas/chat.js';
import * as schemas from '../schemas/chat-stored.js';
import type { Query } from '../transport/url.js';
import type { ChatCompletionMessages, ChatCompletions } from './chat.js';
import { callStored, storedObject } from './endpoint.js';
import type { Served } from './lazy-methods.js';

const stored = [ChatCompletionSchema, 'chat completion'] as const;

/** `client.chat.completions`' methods for stored completions, under their names (lazy-methods.ts). */
export const completions: Omit<Served<ChatCompletions, 'list'>, 'create'> = {
  /**
   * One page of `GET /chat/completions`, after `after` (the page before's last completion). The
   * `metadata` filter goes as `metadata[key]=value` pairs.
   */
  list: (config, after, params = {}, options) => {
    const { limit, metadata, model, order } = params;
    const query: Query = { after: after ?? params.after, limit, model, order };
    for (const [key, value] of Object.entries(metadata ?? {})) query[`metadata[${key}]`] = value;
    return callStored(config, 'storedChatCompletions', 'list', options, {
      method: 'GET',
      check: [schemas.ChatCompletionListParamsSchema, params, 'chat completions query'],
      query,
      answer: [schemas.ChatCompletionListSchema, 'chat completions page'],
    });
  },
  ...storedObject('storedChatCompletions', stored, schemas.ChatCompletionUpdateParamsSchema, [
    schemas.ChatCompletionDeletedSchema,
    'deleted chat completion',
  ]),
};

/** `client.chat.completions.messages`' methods, under their names. */
export const messages: Served<ChatCompletionMessages, 'list'> = {
  /** One page of `GET /chat/completions/{id}/messages`, after `after`. */
  list: (config, after, id, params = {}, options) =>
    callStored(config, 'storedChatCompletions', 'messages.list', options, {
      method: 'GET',
      below: [[id, 'completion_id'], 'messages'],
      check: [
        schemas.ChatCompletionMessageListParamsSchema,
        params,
        'chat completion messages query',
      ],
      query: { after: after ?? params.after, limit: params.limit, order: params.order },
      answer: [schemas.ChatCompletionMessageListSchema, 'chat completion messages page'],
    }),
};
