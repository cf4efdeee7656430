export { ResponsesClient } from './client.js';
export {
  catalog,
  type Dialect,
  type DialectContext,
  type DialectName,
  type DialectParams,
  type DialectSpec,
  defineDialect,
  type EventNormalizer,
  type ParamsOf,
  type RequestRules,
  type ResponseFeatures,
  type StateStrategy,
  type WireObject,
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
export type { Chat, ChatCompletions } from './resources/chat-completions.js';
export type {
  InputItemListQuery,
  InputItems,
  InputTokens,
  ResponseItem,
} from './resources/input-items.js';
export type { Models } from './resources/models.js';
export type { Page, PagedList } from './resources/page.js';
export type { ResponseRetrieveParams, Responses } from './resources/responses.js';
/** Every wire type (requests, responses, items, tools, the 60 events, chat, models), from the schemas. */
export type * from './schemas/index.js';
export {
  deepValidation,
  envelopeValidation,
  ResponseCreateParamsSchema,
  ResponseSchema,
  ResponseStreamEventSchema,
} from './schemas/index.js';
export { ChatCompletionStream, type ChatCompletionStreamInit } from './stream/chat-stream.js';
export type { EventStream, EventStreamInit } from './stream/event-stream.js';
export { ResponseStream, type ResponseStreamInit } from './stream/response-stream.js';
export type { ClientOptions, FetchLike, HeadersLike, RequestOptions } from './transport/config.js';
