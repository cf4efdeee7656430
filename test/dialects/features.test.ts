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
    models: true,
    webSocket: true,
  },
  openrouter: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: true,
    models: true,
    webSocket: false,
  },
  karta: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: true,
    models: false,
    webSocket: false,
  },
  kawai: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: false,
    models: false,
    webSocket: false,
  },
  gateway: {
    retrieve: false,
    inputItems: false,
    compact: false,
    chatCompletions: false,
    models: true,
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
        models: dialect.paths.models !== undefined,
        webSocket: dialect.webSocket === true,
      }).toEqual(declared[name]);
    },
  );
});
