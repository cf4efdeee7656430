/** A character a key may hold (`A-Za-z0-9_-+/=.~%\`): a cut between two of them is inside a token. */
const tokenChar = /[\w\-+/=.~%\\]/;
const tokenTail = /[\w\-+/=.~%\\]+$/;

/**
 * Cuts a text to at most `length` characters and an ellipsis, for an error message. A cut that
 * falls inside a token drops that token's start, so that no part of a key survives at the cut
 * (the redactor replaces keys whole, and a key cut in two is no longer one).
 */
export function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = text.slice(0, length);
  return `${tokenChar.test(text[length] ?? '') ? head.replace(tokenTail, '') : head}…`;
}
