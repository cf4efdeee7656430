/**
 * Every wire type of the Responses API and of the five servers, as zod (`zod/mini`) schemas.
 * Types are `z.infer` of the schemas; there are no hand-written twins. See README.md.
 */
export * from './bodies.js';
export * from './chat.js';
export * from './content.js';
export * from './dialects/gateway.js';
export * from './dialects/karta.js';
export * from './dialects/kawai.js';
export * from './dialects/openrouter.js';
export * from './events.js';
export * from './events-lifecycle.js';
export * from './events-text.js';
export * from './events-tools.js';
export { flatGuard, parseStreamEvent } from './fast-path.js';
export * from './input-item.js';
export * from './items.js';
export * from './items-hosted.js';
export * from './models.js';
export * from './output-item.js';
export * from './params.js';
export * from './response.js';
export { ItemStatusSchema, MetadataSchema, type UnknownType } from './shared.js';
export * from './tools.js';
export { checkRequest, parseWire, type WireSchema } from './validate.js';
