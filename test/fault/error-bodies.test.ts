import { describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadGatewayError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ResponsesClient,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { caught, useFaultServer } from './fault-server.js';

const server = useFaultServer();

const expressHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>Cannot POST /v1/responses</pre>
</body>
</html>
`;
const nginxHTML = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n`;
const cloudflareHTML = `<!DOCTYPE html>
<html class="no-js" lang="en-US"><head>
<title>api.example.com | 522: Connection timed out</title>
<meta charset="UTF-8" /><style>body{margin:0;padding:0}</style>
<script>(function(){window._cf_chl_opt={cvId:'3'};})();</script>
</head><body><div id="cf-wrapper"><div id="cf-error-details">
<h1><span class="inline-block">Connection timed out</span> <span class="code-label">Error code 522</span></h1>
<p>Visit <a href="https://www.cloudflare.com/5xx-error-landing">cloudflare.com</a> for more information.</p>
<span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></span>
</div></div></body></html>`;

/**
 * Error bodies as common servers, frameworks and proxies write them: what is sent, and the
 * message the user reads (the status, then the server's own words).
 */
const shapes: {
  name: string;
  status: number;
  contentType: string;
  body: string;
  message: string | RegExp;
  ErrorClass: typeof APIError;
  fields?: Record<string, unknown>;
}[] = [
  {
    name: 'OpenAI {error:{message,type,code}}',
    status: 400,
    contentType: 'application/json',
    body: '{"error":{"message":"Unknown parameter: \'top_k\'.","type":"invalid_request_error","param":"top_k","code":"unknown_parameter"}}',
    message: "400 Unknown parameter: 'top_k'.",
    ErrorClass: BadRequestError,
    fields: { type: 'invalid_request_error', param: 'top_k', code: 'unknown_parameter' },
  },
  {
    name: 'Express 404 page (HTML)',
    status: 404,
    contentType: 'text/html; charset=utf-8',
    body: expressHTML,
    message: '404 Error: Cannot POST /v1/responses',
    ErrorClass: NotFoundError,
  },
  {
    name: 'Express/Hono {error,message}',
    status: 404,
    contentType: 'application/json',
    body: '{"error":"Not Found","message":"Cannot POST /v1/responses"}',
    message: '404 Not Found: Cannot POST /v1/responses',
    ErrorClass: NotFoundError,
  },
  {
    name: 'NestJS 404 {statusCode,message,error}',
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: '{"statusCode":404,"message":"Cannot POST /v1/responses","error":"Not Found"}',
    message: '404 Not Found: Cannot POST /v1/responses',
    ErrorClass: NotFoundError,
  },
  {
    name: 'NestJS 400 {message:[…],error}',
    status: 400,
    contentType: 'application/json',
    body: '{"statusCode":400,"message":["model must be a string","input should not be empty"],"error":"Bad Request"}',
    message: '400 Bad Request: model must be a string; input should not be empty',
    ErrorClass: BadRequestError,
  },
  {
    name: 'Fastify 404 {message,error,statusCode}',
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: '{"message":"Route POST:/v1/responses not found","error":"Not Found","statusCode":404}',
    message: '404 Not Found: Route POST:/v1/responses not found',
    ErrorClass: NotFoundError,
  },
  {
    name: 'Hono 404 (plain text)',
    status: 404,
    contentType: 'text/plain; charset=UTF-8',
    body: '404 Not Found',
    message: '404 404 Not Found',
    ErrorClass: NotFoundError,
  },
  {
    name: 'FastAPI {detail}',
    status: 401,
    contentType: 'application/json',
    body: '{"detail":"Not authenticated"}',
    message: '401 Not authenticated',
    ErrorClass: AuthenticationError,
  },
  {
    name: 'FastAPI 422 {detail:[{loc,msg}]}',
    status: 422,
    contentType: 'application/json',
    body: '{"detail":[{"type":"missing","loc":["body","model"],"msg":"Field required","input":null}]}',
    message: /^422 .*"loc":\["body","model"\],"msg":"Field required"/,
    ErrorClass: UnprocessableEntityError,
  },
  {
    name: 'Rails {errors:[…]}',
    status: 422,
    contentType: 'application/json; charset=utf-8',
    body: '{"errors":["Model can\'t be blank","Input is too long (maximum is 100000 characters)"]}',
    message: /^422 .*Model can't be blank.*Input is too long/,
    ErrorClass: UnprocessableEntityError,
  },
  {
    name: 'Rails {status,error}',
    status: 404,
    contentType: 'application/json',
    body: '{"status":404,"error":"Not Found"}',
    message: '404 Not Found',
    ErrorClass: NotFoundError,
  },
  {
    name: 'Django REST {field:[…]}',
    status: 400,
    contentType: 'application/json',
    body: '{"model":["This field is required."]}',
    message: /^400 .*model.*This field is required\./,
    ErrorClass: BadRequestError,
  },
  {
    name: 'JSON:API {errors:[{title,detail}]}',
    status: 422,
    contentType: 'application/vnd.api+json',
    body: '{"errors":[{"status":"422","title":"Invalid Attribute","detail":"model must be given"}]}',
    message: /^422 .*Invalid Attribute.*model must be given/,
    ErrorClass: UnprocessableEntityError,
  },
  {
    name: 'Spring Boot {status,error,path}',
    status: 404,
    contentType: 'application/json',
    body: '{"timestamp":"2025-01-01T00:00:00.000+00:00","status":404,"error":"Not Found","path":"/v1/responses"}',
    message: '404 Not Found',
    ErrorClass: NotFoundError,
  },
  {
    name: 'vLLM {object,message,type,code}',
    status: 404,
    contentType: 'application/json',
    body: '{"object":"error","message":"The model `m` does not exist.","type":"NotFoundError","param":null,"code":404}',
    message: '404 The model `m` does not exist.',
    ErrorClass: NotFoundError,
    fields: { type: 'NotFoundError', code: '404' },
  },
  {
    name: 'AWS API Gateway {message}',
    status: 403,
    contentType: 'application/json',
    body: '{"message":"Missing Authentication Token"}',
    message: '403 Missing Authentication Token',
    ErrorClass: PermissionDeniedError,
  },
  {
    name: 'nginx 502 page (HTML)',
    status: 502,
    contentType: 'text/html',
    body: nginxHTML,
    message: '502 502 Bad Gateway nginx/1.25.3',
    ErrorClass: BadGatewayError,
  },
  {
    name: 'Cloudflare 522 page (HTML)',
    status: 522,
    contentType: 'text/html; charset=UTF-8',
    body: cloudflareHTML,
    message:
      /^522 api\.example\.com \| 522: Connection timed out: Connection timed out Error code 522/,
    ErrorClass: InternalServerError,
  },
  {
    name: 'Envoy 503 (plain text)',
    status: 503,
    contentType: 'text/plain',
    body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    message:
      '503 upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    ErrorClass: ServiceUnavailableError,
  },
  {
    name: 'Go net/http 404 (plain text)',
    status: 404,
    contentType: 'text/plain; charset=utf-8',
    body: '404 page not found\n',
    message: '404 404 page not found',
    ErrorClass: NotFoundError,
  },
  {
    name: 'an empty body',
    status: 500,
    contentType: 'text/plain',
    body: '',
    message: '500 status code (no body)',
    ErrorClass: InternalServerError,
  },
  {
    name: 'an empty JSON object',
    status: 400,
    contentType: 'application/json',
    body: '{}',
    message: '400 {}',
    ErrorClass: BadRequestError,
  },
];

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });

describe.each([
  ['a unary create', () => client().responses.create({ model: 'm', input: 'hi' })],
  ['a streamed create', () => client().responses.create({ model: 'm', input: 'hi', stream: true })],
])('error bodies of every common framework shape, for %s', (_call, call) => {
  it.each(shapes)('keeps the words of $name in the message', async (shape) => {
    server.handle((_request, res) => {
      res.writeHead(shape.status, { 'content-type': shape.contentType, 'x-request-id': 'req_fw' });
      res.end(shape.body);
    });
    const error = await caught(call);
    expect(error).toBeInstanceOf(shape.ErrorClass);
    const apiError = error as APIError;
    if (typeof shape.message === 'string') expect(apiError.message).toBe(shape.message);
    else expect(apiError.message).toMatch(shape.message);
    expect(apiError.status).toBe(shape.status);
    expect(apiError.requestId).toBe('req_fw');
    expect(apiError).toMatchObject(shape.fields ?? {});
    // The body as sent stays on the error, parsed when it was JSON.
    if (shape.body && shape.contentType.includes('json'))
      expect(apiError.error).toEqual(JSON.parse(shape.body));
    else if (shape.body) expect(apiError.error).toBe(shape.body);
  });
});

describe('a long HTML error page', () => {
  it('is cut to a snippet of its words, with no tags', async () => {
    const page = `<html><head><title>Gateway Timeout</title></head><body>${'<p>The upstream server did not answer in time.</p>'.repeat(40)}</body></html>`;
    server.handle((_request, res) => {
      res.writeHead(504, { 'content-type': 'text/html' });
      res.end(page);
    });
    const error = (await caught(() =>
      client().responses.create({ model: 'm', input: 'hi' }),
    )) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(
      /^504 Gateway Timeout: The upstream server did not answer in time\. The upstream/,
    );
    expect(error.message.length).toBeLessThanOrEqual(4 + 201);
    expect(error.message).not.toContain('<');
  });
});
