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
export type {
  Response,
  ResponseCreateParams,
  ResponseDeleted,
  ResponseOutputItem,
  ResponseStreamEvent,
} from './schemas/index.js';
export { ResponseStream, type ResponseStreamInit } from './stream/response-stream.js';
export type { ClientOptions, FetchLike, HeadersLike, RequestOptions } from './transport/config.js';
