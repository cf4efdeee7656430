/** What a turn comes down to, once checked: the reply's parts as deltas, and how it ends. */

/** A function call, its arguments as the string streamed and the deltas they are cut into. */
export interface PlannedCall {
  name: string;
  arguments: string;
  chunks: readonly string[];
  callId: string | undefined;
}

/** The output of a reply, in order: reasoning, then a message, then function calls. */
export interface ReplyPlan {
  /** The reasoning summary's deltas, when the reply reasons first. */
  reasoning: readonly string[] | undefined;
  /** The assistant message: text (or JSON) deltas, or a refusal's. */
  message: { kind: 'text' | 'refusal'; chunks: readonly string[] } | undefined;
  calls: readonly PlannedCall[];
  /** Milliseconds between streamed events, when the turn says. */
  delayMs: number | undefined;
  /** The token counts the turn gives its response, when it gives them. */
  usage?: { input_tokens?: number | undefined; output_tokens?: number | undefined } | undefined;
}

/** An HTTP error turn, as given. */
export interface HttpErrorPlan {
  kind: 'http_error';
  status: number;
  message: string;
  code: string | null;
  errorType: string;
  param: string | null;
  headers: Record<string, string>;
  /** The body to send instead of the server's error object. */
  body: { value: unknown } | undefined;
}

/** A checked turn. */
export type Plan =
  | { kind: 'reply'; reply: ReplyPlan }
  | HttpErrorPlan
  | {
      kind: 'stream_error';
      reply: ReplyPlan;
      after: number;
      error: { message: string; code: string };
      as: 'error' | 'response.failed' | undefined;
    }
  | { kind: 'incomplete'; reply: ReplyPlan; reason: string }
  | { kind: 'drop'; reply: ReplyPlan; after: number }
  | { kind: 'stall'; reply: ReplyPlan; after: number | undefined };

/** Cuts a text into word-sized deltas, each word with the spaces around it; nothing is lost. */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/** Cuts a string into pieces of `size` characters (code points), the last one shorter. */
export function splitEvery(text: string, size: number): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let at = 0; at < characters.length; at += size)
    pieces.push(characters.slice(at, at + size).join(''));
  return pieces;
}
