import { catalog } from './catalog.js';
import { defineDialect } from './dialect.js';

/**
 * OpenAI's Responses API (and OpenResponses): the canonical dialect, with every endpoint:
 * stored responses (retrieve, delete, cancel, resumed streams), input items, compact and
 * input token counts, chat completions and models.
 */
export const openai = defineDialect({
  ...catalog.openai,
  paths: {
    responses: () => ['responses'],
    chatCompletions: () => ['chat', 'completions'],
    models: () => ['models'],
  },
  features: { retrieve: true, inputItems: true, compact: true },
});
