/**
 * Every wire type of the Responses API and of the five servers, as zod (`zod/mini`) schemas
 * (the public `responses-client/schemas` entry), and the validation built on them. Types are
 * `z.infer` of the schemas; there are no hand-written twins. See README.md.
 */
export { deepValidation } from './deep-validation.js';
export * from './envelope.js';
export { lifecycleEvents } from './events-lifecycle.js';
export { flatGuard, type StreamEventParser, streamEventParser } from './fast-path.js';
export * from './public.js';
export { checkRequest, parseWire, type WireSchema } from './validate.js';
export { envelopeValidation, parseStreamEvent, type ResponseValidation } from './validation.js';
