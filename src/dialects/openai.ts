import { OpenAIParamsSchema } from '../schemas/dialects/openai.js';
import { builtIn } from './catalog.js';
import { defineDialect, type WireObject } from './dialect.js';

/**
 * Input messages in the easy form (`{ role, content }`) as the items they are, with
 * `type: 'message'`: the OpenResponses spec requires it (`UserMessageItemParam.required`), and
 * a server validating against it answers 422 without; OpenAI takes both. The params are not
 * changed. (The other dialects send messages as their servers document them: see each.)
 */
const typedMessages = ({ input, ...params }: WireObject): WireObject => ({
  ...params,
  input: Array.isArray(input)
    ? input.map((item: WireObject) =>
        item.type || !item.role ? item : { ...item, type: 'message' },
      )
    : input,
});

/** One model, its id one segment: `models/{model}`. */
const model = (_context: unknown, id: string) => ['models', id];

/**
 * OpenAI's Responses API (and OpenResponses): the canonical dialect, with every endpoint:
 * stored responses (retrieve, delete, cancel, resumed streams), input items, compact and
 * input token counts, chat completions (stored ones too), models (retrieve and delete too),
 * conversations, and the WebSocket mode of `/responses`. Its requests are checked against its
 * own limits too (at least 16 output tokens, a safety identifier of up to 64 characters).
 */
export const openai = defineDialect({
  ...builtIn('openai'),
  paths: {
    responses: () => ['responses'],
    chatCompletions: () => ['chat', 'completions'],
    storedChatCompletions: () => ['chat', 'completions'],
    models: () => ['models'],
    model,
    deleteModel: model,
    conversations: () => ['conversations'],
  },
  features: { retrieve: true, inputItems: true, compact: true },
  webSocket: true,
  request: { params: OpenAIParamsSchema, mapRequest: typedMessages },
});
