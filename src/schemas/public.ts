/**
 * `responses-client/schemas`: the zod (`zod/mini`) schemas of every wire type (requests,
 * responses, items, tools, the 60 stream events, chat, models, conversations, and each server's
 * own request fields), to validate data yourself or to build on. The types they infer are `z.infer` /
 * `z.input` of each schema; the main entry publishes the same types by name (`Response`,
 * `ResponseStreamEvent`…), checked against these schemas both ways.
 */
export * from './bodies.js';
export * from './chat.js';
export * from './chat-stored.js';
export * from './content.js';
export * from './conversations.js';
export * from './create-params.js';
export * from './dialects/gateway.js';
export * from './dialects/karta.js';
export * from './dialects/kawai.js';
export * from './dialects/openrouter.js';
export * from './dialects/openrouter-routing.js';
export * from './events.js';
export * from './events-call-arguments.js';
export * from './events-code.js';
export * from './events-mcp.js';
export * from './events-reasoning.js';
export * from './events-text.js';
export * from './events-tools.js';
export * from './function-tool.js';
export * from './input-item.js';
export * from './input-message.js';
export * from './items.js';
export * from './items-computer.js';
export * from './items-hosted.js';
export * from './models.js';
export * from './output-item.js';
export * from './params.js';
export * from './response.js';
export * from './response-settings.js';
export {
  type DialectCreateParams,
  ItemStatusSchema,
  MetadataSchema,
  type UnknownType,
} from './shared.js';
export * from './tool-choice.js';
export * from './tools.js';
export * from './tools-hosted.js';
