/**
 * Entry for the bundle measurement in bench/validation-bundle.sh: what the stream path needs
 * of the schemas (event union with the fast path, response, create params, request check).
 */
export {
  checkRequest,
  parseStreamEvent,
  parseWire,
  ResponseCreateParamsSchema,
  ResponseSchema,
  ResponseStreamEventSchema,
} from '../src/schemas/index.js';
