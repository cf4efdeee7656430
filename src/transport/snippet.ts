const snippetLength = 200;

/** Collapses white space and cuts a text to a short snippet (of an error body, a bad answer). */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > snippetLength ? `${flat.slice(0, snippetLength)}…` : flat;
}
