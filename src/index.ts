export { ResponsesClient } from './client.js';
export {
  type Dialect,
  type DialectContext,
  type DialectName,
  type DialectSpec,
  defineDialect,
  dialects,
} from './dialects/index.js';
export {
  APIConnectionError,
  APIError,
  type APIErrorBody,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  NotImplementedError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponsesError,
  ResponseValidationError,
  ServiceUnavailableError,
  StreamError,
  UnprocessableEntityError,
  type ValidationIssue,
} from './errors.js';
export { APIPromise, type WithResponse } from './resources/api-promise.js';
export type {
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseRetrieveParams,
  Responses,
} from './resources/responses.js';
/** Every wire type (requests, responses, items, tools, the 60 events, chat, models), from the schemas. */
export type * from './schemas/index.js';
export {
  deepValidation,
  envelopeValidation,
  ResponseCreateParamsSchema,
  ResponseSchema,
  ResponseStreamEventSchema,
} from './schemas/index.js';
export { ResponseStream, type ResponseStreamInit } from './stream/response-stream.js';
export type { ClientOptions, FetchLike, HeadersLike, RequestOptions } from './transport/config.js';
