/**
 * Every wire type of the Responses API and of the five servers, as zod (`zod/mini`) schemas.
 * Types are `z.infer` of the schemas; there are no hand-written twins. See README.md.
 */
export * from './bodies.js';
export * from './chat.js';
export * from './content.js';
export * from './create-params.js';
export { deepValidation } from './deep-validation.js';
export * from './envelope.js';
export * from './events.js';
export { lifecycleEvents } from './events-lifecycle.js';
export * from './events-text.js';
export * from './events-tools.js';
export { flatGuard, type StreamEventParser, streamEventParser } from './fast-path.js';
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
export { ItemStatusSchema, MetadataSchema, type UnknownType } from './shared.js';
export * from './tool-choice.js';
export * from './tools.js';
export * from './tools-hosted.js';
export { checkRequest, parseWire, type WireSchema } from './validate.js';
export { envelopeValidation, parseStreamEvent, type ResponseValidation } from './validation.js';
