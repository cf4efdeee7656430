/**
 * Redirects, followed by the client itself (fetch is told `redirect: 'manual'` outside browsers):
 * within the origin of the request, as fetch would follow them; to another origin, never, since
 * the dialect's key may travel in a header fetch does not strip (`x-api-key`). Loaded only when a
 * server answers with a redirect.
 */
import { APIError } from '../errors.js';

/** One hop of a request: where it goes, and the fetch init it is sent with. */
export interface Hop extends RequestInit {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** The statuses fetch follows. */
const followed = new Set([301, 302, 303, 307, 308]);
/** As many as fetch follows before it gives up. */
const maxRedirects = 20;
/** Headers that describe a body, dropped with it when a redirect turns the request into a GET. */
const bodyHeaders = ['content-type', 'content-encoding', 'content-language', 'content-location'];

const refuse = (response: Response, why: string) =>
  APIError.generate({
    status: response.status,
    serverMessage: `The server redirected the request ${why}`,
    headers: new Headers([...response.headers]),
  });

/**
 * The hop a redirect leads to, made as fetch makes it: 307 and 308 keep the method and body; 303
 * (but after a GET or HEAD) and 301 or 302 after a POST become a GET with no body. `undefined`
 * when the response is no redirect to follow (a 300 or 304, or no `Location`): it is answered as
 * any other status. A redirect to another origin is refused with an {@link APIError} of its
 * status, as is one to a URL with credentials, and the 21st in a row.
 */
function nextHop(hop: Hop, response: Response, redirects: number): Hop | undefined {
  const location = response.headers.get('location');
  if (!followed.has(response.status) || location === null) return undefined;
  // The redirect's own body is never read.
  void response.body?.cancel().catch(() => {});
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    throw refuse(response, 'to a Location that is not a URL; it was not followed.');
  }
  const origin = new URL(hop.url).origin;
  if (target.origin !== origin)
    throw refuse(
      response,
      `to another origin (${target.origin}). The client follows redirects only within ${origin}, so that the key it sends never goes anywhere else; if you trust the new address, make it your baseURL.`,
    );
  if (target.username || target.password)
    throw refuse(response, 'to a URL with credentials in it; it was not followed.');
  if (redirects >= maxRedirects)
    throw refuse(response, `more than ${maxRedirects} times in a row; the last was not followed.`);
  const status = response.status;
  const toGet =
    status === 303
      ? hop.method !== 'GET' && hop.method !== 'HEAD'
      : (status === 301 || status === 302) && hop.method === 'POST';
  if (!toGet) return { ...hop, url: target.href };
  const headers = new Headers(hop.headers);
  for (const name of bodyHeaders) headers.delete(name);
  return { ...hop, url: target.href, method: 'GET', headers, body: null };
}

/**
 * Follows a redirect and the ones after it (see {@link nextHop}) with `fetchHop`, within the
 * same attempt (its timeout and signal): the first answer that is no redirect to follow.
 */
export async function follow(
  fetchHop: (hop: Hop) => Promise<Response>,
  first: Hop,
  response: Response,
): Promise<Response> {
  let hop = first;
  let answer = response;
  for (let redirects = 0; ; redirects++) {
    const next = nextHop(hop, answer, redirects);
    if (!next) return answer;
    hop = next;
    answer = await fetchHop(hop);
  }
}
