import { cutText } from '../stream/cut-text.js';

const snippetLength = 200;

/**
 * Collapses white space and cuts a text to a short snippet (of an error body, a bad answer),
 * never inside a token (see {@link cutText}).
 */
export function snippet(text: string): string {
  return cutText(text.replace(/\s+/g, ' ').trim(), snippetLength);
}
