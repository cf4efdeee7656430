/** A scripted reply: plain text, streamed word by word when the request asks for a stream. */
export interface TextTurn {
  type?: 'text' | undefined;
  /** The whole reply. */
  text: string;
  /** How the text is cut into deltas; default: one delta per word with its trailing space. */
  chunks?: readonly string[] | undefined;
  /** Milliseconds between two streamed events (a slow drip); default: the server's `delayMs`. */
  delayMs?: number | undefined;
}

/** A scripted HTTP failure: the status, the server's words, and any headers (e.g. `retry-after`). */
export interface ErrorTurn {
  type: 'error';
  status: number;
  /** The message of the JSON error body. */
  message: string;
  /** The error code; default: none. */
  code?: string | undefined;
  /** Headers of the error response. */
  headers?: Record<string, string> | undefined;
}

/** One turn of the script: a string is shorthand for a text turn. */
export type Turn = string | TextTurn | ErrorTurn;

/** A turn with its shorthand expanded. */
export type NormalizedTurn = (TextTurn & { type: 'text'; chunks: readonly string[] }) | ErrorTurn;

/** Cuts a text into word-sized deltas, each word with the space that follows it. */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/** Expands the shorthand forms of a turn. */
export function normalizeTurn(turn: Turn): NormalizedTurn {
  if (typeof turn === 'string') return { type: 'text', text: turn, chunks: splitWords(turn) };
  if (turn.type === 'error') return turn;
  return { ...turn, type: 'text', chunks: turn.chunks ?? splitWords(turn.text) };
}
