/**
 * The error class the table of docs/errors.md gives each HTTP status, written out here (not read
 * from src/errors.ts), so that tests hold the implementation to the documented table.
 */
import {
  type APIError,
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
  ServiceUnavailableError,
  UnprocessableEntityError,
} from '../../src/errors.js';

/** `[status, class]`, for each status with a class of its own. */
export const classByStatus: readonly (readonly [number, typeof APIError])[] = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, PaymentRequiredError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [501, NotImplementedError],
  [502, BadGatewayError],
  [503, ServiceUnavailableError],
];
