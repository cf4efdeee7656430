import { describe, expect, it } from 'vitest';
import {
  ChatCompletionDeletedSchema,
  ChatCompletionListSchema,
  ChatCompletionMessageListSchema,
  ChatCompletionSchema,
  ConversationDeletedResourceSchema,
  ConversationItemListSchema,
  ConversationItemSchema,
  ConversationResourceSchema,
  ModelDeletedSchema,
  ModelSchema,
  parseWire,
  type WireSchema,
} from '../../src/schemas/index.js';
import { specExample } from '../helpers/spec-check.js';

/** Each endpoint whose example answer OpenAI's spec gives, and the schema that reads it. */
const endpoints: [method: string, path: string, schema: WireSchema][] = [
  ['POST', '/conversations', ConversationResourceSchema],
  ['GET', '/conversations/{conversation_id}', ConversationResourceSchema],
  ['POST', '/conversations/{conversation_id}', ConversationResourceSchema],
  ['DELETE', '/conversations/{conversation_id}', ConversationDeletedResourceSchema],
  ['POST', '/conversations/{conversation_id}/items', ConversationItemListSchema],
  ['GET', '/conversations/{conversation_id}/items', ConversationItemListSchema],
  ['GET', '/conversations/{conversation_id}/items/{item_id}', ConversationItemSchema],
  ['DELETE', '/conversations/{conversation_id}/items/{item_id}', ConversationResourceSchema],
  ['GET', '/chat/completions', ChatCompletionListSchema],
  ['GET', '/chat/completions/{completion_id}', ChatCompletionSchema],
  ['POST', '/chat/completions/{completion_id}', ChatCompletionSchema],
  ['DELETE', '/chat/completions/{completion_id}', ChatCompletionDeletedSchema],
  ['GET', '/chat/completions/{completion_id}/messages', ChatCompletionMessageListSchema],
  ['GET', '/models/{model}', ModelSchema],
  ['DELETE', '/models/{model}', ModelDeletedSchema],
];

describe('the schemas read the spec’s own example answers', () => {
  it.each(endpoints)('reads the example answer of %s %s, whole', (method, path, schema) => {
    const example = specExample(method, path);
    expect(parseWire(schema, example, `${method} ${path}`)).toEqual(example);
  });
});
