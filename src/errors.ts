/**
 * Every error the client throws extends {@link ResponsesError}. HTTP failures are {@link APIError}s
 * with one subclass per status, chosen from a table; the rest say what went wrong before, during
 * or after the exchange. No error ever holds the API key: see `redactError` (src/transport/redact.ts).
 */

/** Where a validation issue sits and which rule it broke. */
export interface ValidationIssue {
  /** Path of the offending field, e.g. `['tools', 0, 'name']`. */
  path: ReadonlyArray<string | number>;
  /** The rule that failed, in words. */
  message: string;
}

/** The base of every error thrown by responses-client. */
export class ResponsesError extends Error {
  /** Always `'ResponsesError'`, even in minified code. */
  override name = 'ResponsesError';

  /** A plain-object view for logs: never holds the API key. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/** The body of an error response, whatever shape the server sent it in. */
export interface APIErrorBody {
  /** What went wrong, in the server's words. */
  message?: string | undefined;
  /** The kind of error, like `invalid_request_error`. */
  type?: string | undefined;
  /** The server's error code, like `rate_limit_exceeded` (some servers send a number). */
  code?: string | number | undefined;
  /** The request parameter the server blamed, when it named one. */
  param?: string | undefined;
}

/** Fields an {@link APIError} is built from. */
export interface APIErrorInit {
  /** The HTTP status code; it picks the subclass in {@link APIError.generate}. */
  status: number;
  /** The server's own words: from the JSON error object, or a snippet of a text or HTML body. */
  serverMessage?: string | undefined;
  /** The error object found in the body (`message`, `type`, `code`, `param`), whatever its nesting. */
  body?: APIErrorBody | undefined;
  /** The parsed error body as the server sent it (JSON), or its text. */
  error?: unknown;
  /** The response headers (`x-request-id`, `retry-after`…). */
  headers?: Headers | undefined;
}

/** The server answered with an HTTP error status. */
export class APIError extends ResponsesError {
  /** Always `'APIError'`, even in minified code. */
  override name = 'APIError';
  /** The HTTP status code. */
  readonly status: number;
  /** The server's error code (`error.code`), when it sent one. */
  readonly code: string | undefined;
  /** The server's error type (`error.type`), when it sent one. */
  readonly type: string | undefined;
  /** The request parameter the server blamed (`error.param`), when it named one. */
  readonly param: string | undefined;
  /** The server's `x-request-id`, to quote when asking its operators for help. */
  readonly requestId: string | undefined;
  /** The response headers. */
  readonly headers: Headers;
  /** The error body as the server sent it: parsed JSON, or text. */
  readonly error: unknown;

  /** An error for this status; {@link APIError.generate} picks the subclass that fits it. */
  constructor(init: APIErrorInit) {
    const words = init.serverMessage?.trim();
    super(words ? `${init.status} ${words}` : `${init.status} status code (no body)`);
    this.status = init.status;
    const code = init.body?.code;
    this.code = code === undefined || code === null ? undefined : String(code);
    this.type = init.body?.type ?? undefined;
    this.param = init.body?.param ?? undefined;
    this.headers = init.headers ?? new Headers();
    this.requestId = this.headers.get('x-request-id') ?? undefined;
    this.error = init.error;
  }

  /**
   * Builds the subclass that fits the status: 400 {@link BadRequestError}, 429
   * {@link RateLimitError}… (other 5xx: {@link InternalServerError}; any other status: `APIError`).
   */
  static generate(init: APIErrorInit): APIError {
    const ErrorClass = errorClassFor(init.status);
    return new ErrorClass(init);
  }

  override toJSON(): Record<string, unknown> {
    const { status, code, type, param, requestId } = this;
    return { ...super.toJSON(), status, code, type, param, requestId };
  }
}

/** 400: the server rejected the request as malformed. */
export class BadRequestError extends APIError {
  /** Always `'BadRequestError'`, even in minified code. */
  override name = 'BadRequestError';
}
/** 401: the key or token is missing, wrong or expired. */
export class AuthenticationError extends APIError {
  /** Always `'AuthenticationError'`, even in minified code. */
  override name = 'AuthenticationError';
}
/** 402: the account or project is out of budget or credit. */
export class PaymentRequiredError extends APIError {
  /** Always `'PaymentRequiredError'`, even in minified code. */
  override name = 'PaymentRequiredError';
}
/** 403: the key is valid but not allowed to do this. */
export class PermissionDeniedError extends APIError {
  /** Always `'PermissionDeniedError'`, even in minified code. */
  override name = 'PermissionDeniedError';
}
/** 404: no such path, model or object. */
export class NotFoundError extends APIError {
  /** Always `'NotFoundError'`, even in minified code. */
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the current state of the server. */
export class ConflictError extends APIError {
  /** Always `'ConflictError'`, even in minified code. */
  override name = 'ConflictError';
}
/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  /** Always `'UnprocessableEntityError'`, even in minified code. */
  override name = 'UnprocessableEntityError';
}
/** 429: too many requests, or a quota ran out. */
export class RateLimitError extends APIError {
  /** Always `'RateLimitError'`, even in minified code. */
  override name = 'RateLimitError';
}
/** 500, and any 5xx without a class of its own. */
export class InternalServerError extends APIError {
  /** Always `'InternalServerError'`, even in minified code. */
  override name = 'InternalServerError';
}
/** 501: the server does not implement this feature. */
export class NotImplementedError extends APIError {
  /** Always `'NotImplementedError'`, even in minified code. */
  override name = 'NotImplementedError';
}
/** 502: the server's upstream failed. */
export class BadGatewayError extends APIError {
  /** Always `'BadGatewayError'`, even in minified code. */
  override name = 'BadGatewayError';
}
/** 503: the server is overloaded or has no capacity behind it. */
export class ServiceUnavailableError extends APIError {
  /** Always `'ServiceUnavailableError'`, even in minified code. */
  override name = 'ServiceUnavailableError';
}

type APIErrorClass = new (init: APIErrorInit) => APIError;

/** Status → class. Statuses not listed: other 5xx are `InternalServerError`, the rest `APIError`. */
const errorClassByStatus: Readonly<Record<number, APIErrorClass>> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
  501: NotImplementedError,
  502: BadGatewayError,
  503: ServiceUnavailableError,
};

/** The {@link APIError} subclass for an HTTP status. */
export function errorClassFor(status: number): APIErrorClass {
  return errorClassByStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
}

/** The server could not be reached, or the connection broke before a response arrived. */
export class APIConnectionError extends ResponsesError {
  /** Always `'APIConnectionError'`, even in minified code. */
  override name = 'APIConnectionError';
  /** `cause`: what broke (the fetch call's own error, when there is one). */
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No response headers (or, while streaming, no next chunk) arrived within `timeout`. */
export class APITimeoutError extends APIConnectionError {
  /** Always `'APITimeoutError'`, even in minified code. */
  override name = 'APITimeoutError';
  /** A timeout error with this message. */
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** The caller's `AbortSignal` fired, or `stream.abort()` was called. Never retried. */
export class APIUserAbortError extends ResponsesError {
  /** Always `'APIUserAbortError'`, even in minified code. */
  override name = 'APIUserAbortError';
  /** `cause`: the abort signal's reason, when it gave one. */
  constructor(message = 'Request was aborted.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Fields a {@link StreamError} carries from the server's `error` or `response.failed` event. */
export interface StreamErrorInit {
  /** The server's error code, like `server_error`. */
  code?: string | undefined;
  /** The server's error type, like `insufficient_quota`. */
  type?: string | undefined;
  /** The request parameter the server blamed, when it named one. */
  param?: string | undefined;
  /** The event that ended the stream, as received. */
  event?: unknown;
  /** The error behind this one, when there is one (a broken connection, a parse error). */
  cause?: unknown;
}

/** A stream failed: an `error` or `response.failed` event, or a body that ended too soon. */
export class StreamError extends ResponsesError {
  /** Always `'StreamError'`, even in minified code. */
  override name = 'StreamError';
  /** The server's error code, when it sent one. */
  readonly code: string | undefined;
  /** The server's error type, when it sent one. */
  readonly type: string | undefined;
  /** The parameter the server blamed, when it named one. */
  readonly param: string | undefined;
  /** The event that ended the stream, when one did. */
  readonly event: unknown;

  /** `init`: what the server's event said (code, type, param) and the event itself. */
  constructor(message: string, init: StreamErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.type = init.type;
    this.param = init.param;
    this.event = init.event;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, type: this.type, param: this.param };
  }
}

function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The request broke a rule of the API or of the server's dialect; nothing was sent. */
export class RequestValidationError extends ResponsesError {
  /** Always `'RequestValidationError'`, even in minified code. */
  override name = 'RequestValidationError';
  /** Each field that broke a rule, and the rule. */
  readonly issues: readonly ValidationIssue[];

  /** `what`: the thing checked, named in the message (`request`, `chat request`…). */
  constructor(issues: readonly ValidationIssue[], what = 'request') {
    super(`Invalid ${what}: ${describeIssues(issues)}`);
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** The server sent something that is not what the API says it sends. */
export class ResponseValidationError extends ResponsesError {
  /** Always `'ResponseValidationError'`, even in minified code. */
  override name = 'ResponseValidationError';
  /** Each field that broke a rule, and the rule. */
  readonly issues: readonly ValidationIssue[];
  /** What was received, as parsed (or its raw text when it was not JSON). */
  readonly received: unknown;

  /** `what`: the thing checked, named in the message; `received`: the value as it came. */
  constructor(what: string, issues: readonly ValidationIssue[], received?: unknown) {
    super(`Unexpected ${what} from the server: ${describeIssues(issues)}`);
    this.issues = issues;
    this.received = received;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
