import { describe, expect, it } from 'vitest';
import { resolveDialect } from '../../src/dialects/index.js';
import type { BuiltInFeatures, DialectName } from '../../src/index.js';

// The type-level table, written out: a value of the type, so each `true`/`false` here is the
// one the type says (`npm run typecheck` refuses any other).
const declared: BuiltInFeatures = {
  openai: {
    retrieve: true,
    inputItems: true,
    compact: true,
    chatCompletions: true,
    storedChatCompletions: true,
    models: true,
    retrieveModel: true,
    deleteModel: true,
    conversations: true,
    webSocket: true,
  },
  openrouter: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: true,
    storedChatCompletions: false,
    models: true,
    retrieveModel: true,
    deleteModel: false,
    conversations: false,
    webSocket: false,
  },
  karta: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: true,
    storedChatCompletions: false,
    models: false,
    retrieveModel: false,
    deleteModel: false,
    conversations: false,
    webSocket: false,
  },
  kawai: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: false,
    storedChatCompletions: false,
    models: false,
    retrieveModel: false,
    deleteModel: false,
    conversations: false,
    webSocket: false,
  },
  gateway: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: false,
    storedChatCompletions: false,
    models: true,
    retrieveModel: false,
    deleteModel: false,
    conversations: false,
    webSocket: false,
  },
};

describe('BuiltInFeatures', () => {
  it.each(Object.keys(declared) as DialectName[])(
    'says what the %s dialect module offers at run time',
    async (name) => {
      const dialect = await resolveDialect(name).load();
      expect({
        ...dialect.features,
        chatCompletions: dialect.paths.chatCompletions !== undefined,
        storedChatCompletions: dialect.paths.storedChatCompletions !== undefined,
        models: dialect.paths.models !== undefined,
        retrieveModel: dialect.paths.model !== undefined,
        deleteModel: dialect.paths.deleteModel !== undefined,
        conversations: dialect.paths.conversations !== undefined,
        webSocket: dialect.webSocket === true,
      }).toEqual(declared[name]);
    },
  );
});
