/**
 * `responses-client`: the client, its errors and streams, the dialects, and every wire type by
 * name. The zod schemas the types come from are in `responses-client/schemas`; the test toolkit
 * in `responses-client/testing`.
 */
export {
  type AnyResponsesClient,
  type ChatOf,
  type ModelsOf,
  ResponsesClient,
  type ResponsesClientBase,
  type ResponsesClientConstructor,
  type ResponsesClientEndpoints,
  type ResponsesOf,
} from './client.js';
export {
  Conversation,
  ConversationStream,
  type FormatTurn,
  type OutputOf,
  type PlainTurn,
} from './conversation/conversation.js';
export type {
  ConversationInput,
  ConversationOptions,
  ConversationSettings,
  ConversationStrategy,
  ConversationTool,
  ConversationTools,
  ConversationTurnParams,
  FormatOf,
  SavedConversation,
  ToolContext,
  ToolErrorMode,
  TurnResponse,
} from './conversation/conversation-types.js';
export {
  MaxToolRoundsError,
  ToolCallError,
  type ToolCallErrorInit,
  type ToolCallFailure,
} from './conversation/errors.js';
export type {
  AgentSettings,
  ApprovalAnswers,
  ApprovalTurn,
  ApprovedCall,
  ConversationEvent,
  PendingApproval,
  PrepareStepContext,
  Step,
  StepCompletedEvent,
  StepContext,
  StepParams,
  StopCondition,
  ToolCallCompletedEvent,
  ToolCallFailedEvent,
  ToolCallRecord,
  ToolCallStartedEvent,
  ToolLoopEvent,
  TurnSummary,
} from './conversation/step-types.js';
export {
  hasToolCall,
  stepCountIs,
  tool,
  type UsageLimits,
  usageExceeds,
} from './conversation/tool.js';
export type { ModelPathOf, PathOf } from './dialects/dialect.js';
export {
  type BuiltInFeatures,
  type ClientFeatures,
  type ConversationParams,
  catalog,
  type Dialect,
  type DialectContext,
  type DialectName,
  type DialectOption,
  type DialectParams,
  type DialectSpec,
  defineDialect,
  type EventNormalizer,
  type FeaturesOf,
  type HasWebSocket,
  type ParamsOf,
  type RequestRules,
  type ResponseFeatures,
  type StateStrategy,
  type TransportOf,
  type WireObject,
} from './dialects/index.js';
export { sparseEvents } from './dialects/sparse-events.js';
export {
  APIConnectionError,
  APIError,
  type APIErrorBody,
  type APIErrorInit,
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
  type StreamErrorInit,
  UnprocessableEntityError,
  type ValidationIssue,
} from './errors.js';
export type {
  ClientHooks,
  Logger,
  LogLevel,
  RequestHookInfo,
  ResponseHookInfo,
  RetryHookInfo,
} from './observe/hook-types.js';
export type {
  ClientOptions,
  FetchLike,
  HeadersLike,
  RequestOptions,
  Transport,
  WebSocketLike,
} from './options.js';
export { APIPromise, type WithResponse } from './resources/api-promise.js';
export { Chat, ChatCompletionMessages, ChatCompletions } from './resources/chat.js';
export { ConversationItems, Conversations } from './resources/conversations.js';
export { Models } from './resources/models.js';
export { type Page, PagedList } from './resources/page.js';
export {
  InputItems,
  InputTokens,
  type ParseParams,
  type ResponseItem,
  Responses,
} from './resources/responses.js';
export { deepValidation } from './schemas/deep-validation.js';
export type { StreamEventParser } from './schemas/fast-path.js';
export type { WireSchema } from './schemas/validate.js';
export { envelopeValidation, type ResponseValidation } from './schemas/validation.js';
export { ChatCompletionStream, type ChatCompletionStreamInit } from './stream/chat-stream.js';
export type { EventDecoding } from './stream/decode-event.js';
export { EventStream, type EventStreamInit } from './stream/event-stream.js';
export type { MessageSource } from './stream/message-source.js';
export {
  type EventWithType,
  ResponseStream,
  type ResponseStreamInit,
} from './stream/response-stream.js';
export type {
  ParsedCallsOf,
  ParsedFunctionToolCall,
  ParsedResponse,
} from './structured/parsed-response.js';
export { ParsedResponseStream } from './structured/parsed-response-stream.js';
export type { DeepPartial } from './structured/partial-output.js';
export type {
  InferZod,
  StandardJSONSchemaLike,
  Zod3SchemaLike,
  Zod4SchemaLike,
  ZodSchemaLike,
} from './structured/schema-like.js';
export {
  type ZodFunctionOptions,
  type ZodFunctionTool,
  zodFunction,
} from './structured/zod-function.js';
export {
  type ZodTextFormat,
  type ZodTextFormatOptions,
  zodTextFormat,
} from './structured/zod-text-format.js';
/**
 * Every wire type, named: requests, responses, items, tools, the 60 stream events, chat, models.
 * The generated barrel (`npm run types:gen`) names each one, from the schemas.
 */
export type * from './types/index.js';
