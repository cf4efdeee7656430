import { defineDialect } from './dialect.js';

/** OpenAI's Responses API, and every server that speaks it as OpenResponses does: the canonical dialect. */
export const openai = defineDialect({
  name: 'openai',
  baseURL: 'https://api.openai.com/v1',
});
