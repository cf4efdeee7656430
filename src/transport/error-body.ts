import { APIError, type APIErrorBody } from '../errors.js';
import { readText } from './read-body.js';
import { redactSecret } from './redact.js';
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
 * Reads what servers send as error bodies: `{error:{message,type,code,param}}`, `{error:"text"}`,
 * `{message}` or `{detail}` at the top, other JSON, plain text, HTML, or nothing at all.
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
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { body: undefined, serverMessage: snippet(text), error: json };
  }
  const top = json as Record<string, unknown>;
  const nested = top.error;
  let body: APIErrorBody;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    const inner = nested as Record<string, unknown>;
    body = fieldsOf(inner, asString(inner.message));
  } else {
    body = fieldsOf(top, asString(nested) ?? asString(top.message) ?? asString(top.detail));
  }
  return { body, serverMessage: body.message ?? snippet(text), error: json };
}

/**
 * Builds the {@link APIError} for a failed response, reading its body and scrubbing the key.
 * The transport loads this module (and the error classes of every status) only when a request
 * fails, so that create + stream + iterate does not bundle them.
 */
export async function errorFromResponse(
  response: Response,
  apiKey: string | undefined,
  signal?: AbortSignal,
): Promise<APIError> {
  let text = '';
  try {
    text = await readText(response, signal);
  } catch {
    // The body broke off or the read was aborted: the status still says what happened.
  }
  // Scrubbed before it is cut to a snippet, so that no part of the key survives at the cut.
  const parsed = readErrorBody(
    redactSecret(text, apiKey),
    response.headers.get('content-type') ?? '',
  );
  return APIError.generate(
    redactSecret(
      {
        status: response.status,
        serverMessage: parsed.serverMessage,
        body: parsed.body,
        error: parsed.error,
        // Copied entry by entry: a Headers object from another implementation (msw, a polyfill) is not ours.
        headers: new Headers([...response.headers]),
      },
      apiKey,
    ),
  );
}
