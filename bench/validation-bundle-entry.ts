/**
 * Entry for the bundle measurement in bench/validation-bundle.sh: the full schemas (what
 * `deepValidation` adds), to compare zod/mini with classic zod and zod/compile. The default
 * path's size is measured by `npm run size`.
 */
export {
  checkRequest,
  parseStreamEvent,
  parseWire,
  ResponseCreateParamsSchema,
  ResponseSchema,
  ResponseStreamEventSchema,
} from '../src/schemas/index.js';
