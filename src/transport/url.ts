import { RequestValidationError } from '../errors.js';

/** Query parameters; `undefined` values are left out, an array repeats its key (`a=1&a=2`). */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * Encodes one path segment. Every reserved character is escaped, so an id like `../admin` stays
 * one segment; `.` and `..` cannot be a segment at all (URL parsers resolve them), so they are refused.
 */
export function encodeSegment(segment: string, name = 'path segment'): string {
  if (segment === '' || segment === '.' || segment === '..') {
    throw new RequestValidationError([
      {
        path: [name],
        message: `must be a non-empty string other than "." and ".."; got ${JSON.stringify(segment)}`,
      },
    ]);
  }
  return encodeURIComponent(segment);
}

/** Joins the base URL, the encoded path segments and the query string. */
export function buildURL(baseURL: string, segments: readonly string[], query: Query = {}): string {
  let url = `${baseURL}/${segments.map((segment) => encodeSegment(segment)).join('/')}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const queryString = search.toString();
  if (queryString) url += `${url.includes('?') ? '&' : '?'}${queryString}`;
  return url;
}
