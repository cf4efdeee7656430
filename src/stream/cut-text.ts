/** The characters a key may hold (`A-Za-z0-9_-+/=.~%\`), at the end of a text. */
const tokenTail = /[\w\-+/=.~%\\]+$/;

/**
 * Cuts a text to at most `length` characters and an ellipsis, for an error message. A cut that
 * falls inside a token drops that token's start, so that no part of a key survives at the cut
 * (the redactor replaces keys whole, and a key cut in two is no longer one).
 */
export function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  // One character past the cut: when it is part of a token, the token's start goes too.
  return `${text
    .slice(0, length + 1)
    .replace(tokenTail, '')
    .slice(0, length)}…`;
}
