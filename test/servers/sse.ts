/**
 * Server-sent events, both ways: encoding the frames a simulated server sends (one body chunk a
 * frame, as a server flushes them) and splitting a body back into frames for the self-tests.
 */
import { HttpResponse } from 'msw';

/** One SSE frame: an optional `event:` line and a `data:` line, or a `:` comment. */
export type Frame = { event?: string; data: string } | { comment: string };

/** A data frame; `data` is JSON-encoded unless it is already a string (e.g. `[DONE]`). */
export function frame(data: unknown, event?: string): Frame {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return event === undefined ? { data: text } : { event, data: text };
}

/** A comment frame, e.g. OpenRouter's `: OPENROUTER PROCESSING`. */
export function comment(text: string): Frame {
  return { comment: text };
}

/** One frame's wire text, ending in its blank line. */
export function encodeFrame(value: Frame): string {
  if ('comment' in value) return `: ${value.comment}\n\n`;
  const event = value.event === undefined ? '' : `event: ${value.event}\n`;
  return `${event}data: ${value.data}\n\n`;
}

/** A 200 `text/event-stream` answer whose body sends the frames one chunk each. */
export function sseResponse(frames: Frame[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const value = frames[next++];
      if (value === undefined) return controller.close();
      controller.enqueue(encoder.encode(encodeFrame(value)));
    },
  });
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', ...headers },
  });
}

/** One frame as read back: its fields, comments and raw text. */
export interface ParsedFrame {
  event: string | undefined;
  data: string | undefined;
  comments: string[];
  raw: string;
}

/** Splits an SSE body on blank lines and reads each frame's fields. */
export function parseSse(text: string): ParsedFrame[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .filter((raw) => raw.trim() !== '')
    .map((raw) => {
      const parsed: ParsedFrame = { event: undefined, data: undefined, comments: [], raw };
      for (const line of raw.split('\n')) {
        if (line.startsWith(':')) parsed.comments.push(line.slice(1).trim());
        else if (line.startsWith('event:')) parsed.event = line.slice(6).trim();
        else if (line.startsWith('data:')) {
          const value = line.slice(5).replace(/^ /, '');
          parsed.data = parsed.data === undefined ? value : `${parsed.data}\n${value}`;
        }
      }
      return parsed;
    });
}

/** The JSON of every data frame (skipping `[DONE]` and comment-only frames). */
export function dataOf(frames: ParsedFrame[]): Record<string, unknown>[] {
  return frames
    .filter((value) => value.data !== undefined && value.data !== '[DONE]')
    .map((value) => JSON.parse(value.data as string) as Record<string, unknown>);
}
