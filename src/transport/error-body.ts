import { APIError, type APIErrorBody } from '../errors.js';
import { isObject } from '../json.js';
import { readText } from './read-body.js';
import { redactError, redactValue, type SecretSources, secretsOf, textRedactor } from './redact.js';
import { snippet } from './snippet.js';

export { snippet };

function looksLikeHTML(text: string, contentType: string): boolean {
  return contentType.includes('html') || /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

/** The readable words of an HTML error page: its title and headings first, then its text. */
function htmlWords(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim();
  const body = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const text = snippet(body);
  if (!title) return text;
  return text.startsWith(title) ? text : snippet(`${title}: ${text}`);
}

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const asCode = (value: unknown): string | number | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

function fieldsOf(source: Record<string, unknown>, message: string | undefined): APIErrorBody {
  return {
    message,
    type: asString(source.type),
    code: asCode(source.code),
    param: asString(source.param),
  };
}

/**
 * The words of a body with no error object: `error`, `message` and `detail`, each a string or a
 * list of strings, joined (Express, Hono and NestJS send `{"error":"Not Found","message":"Cannot
 * POST /v1/responses"}`, where the message is the part worth reading).
 */
function topWords(top: Record<string, unknown>): string | undefined {
  const words = [top.error, top.message, top.detail]
    .map((value) => (Array.isArray(value) ? value.filter(asString).join('; ') : asString(value)))
    .filter((value) => value?.trim());
  return words.length ? [...new Set(words)].join(': ') : undefined;
}

/**
 * Reads what servers send as error bodies: `{error:{message,type,code,param}}`; `error`,
 * `message` and `detail` at the top (their words joined); other JSON, plain text, HTML, or
 * nothing at all.
 */
export function readErrorBody(
  text: string,
  contentType: string,
): { body: APIErrorBody | undefined; serverMessage: string | undefined; error: unknown } {
  if (!text.trim()) return { body: undefined, serverMessage: undefined, error: undefined };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const words = looksLikeHTML(text, contentType) ? htmlWords(text) : snippet(text);
    return { body: undefined, serverMessage: words, error: text };
  }
  if (!isObject(json)) return { body: undefined, serverMessage: snippet(text), error: json };
  const nested = json.error;
  const body = isObject(nested)
    ? fieldsOf(nested, asString(nested.message))
    : fieldsOf(json, topWords(json));
  return { body, serverMessage: body.message ?? snippet(text), error: json };
}

/**
 * Builds the {@link APIError} for a failed response, reading its body and taking every secret of
 * the client out of it (see {@link secretsOf}). The transport loads this module (and the error
 * classes of every status) only when a request fails, so that create + stream + iterate does not
 * bundle them.
 */
export async function errorFromResponse(
  response: Response,
  sources: SecretSources,
  signal?: AbortSignal,
): Promise<APIError> {
  let text = '';
  try {
    text = await readText(response, signal);
  } catch {
    // The body broke off or the read was aborted: the status still says what happened.
  }
  const secrets = secretsOf(sources);
  const redact = textRedactor(secrets);
  // Scrubbed before it is cut to a snippet, so that no part of a key survives at the cut.
  const parsed = readErrorBody(redact(text), response.headers.get('content-type') ?? '');
  const error = APIError.generate({
    status: response.status,
    serverMessage: parsed.serverMessage,
    body: parsed.body,
    error: parsed.error,
    // Copied entry by entry: a Headers object from another implementation (msw, a polyfill) is not ours.
    headers: redactValue(new Headers([...response.headers]), redact),
  });
  return redactError(error, secrets);
}
