import { StreamError } from '../errors.js';
import { isObject } from '../json.js';
import type { StreamEventParser } from '../schemas/fast-path.js';
import type { ResponseStreamEvent, WireObject } from '../types/index.js';
import { cutText } from './cut-text.js';
import { end } from './event-iterator.js';
import { outputText } from './output-text.js';
import type { EventSourceMessage } from './sse.js';

/** How the events of one stream are decoded: the dialect's normalizer and the validation policy. */
export interface EventDecoding {
  /** Turns a server's event into its canonical form, or several (the dialect's rule). */
  normalize: (event: WireObject) => WireObject | readonly WireObject[];
  /** Checks each event against the wire schema. */
  validate: StreamEventParser | undefined;
}

const preview = (text: string) => cutText(text, 120);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const code = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Parses one SSE message's JSON; a malformed one is a {@link StreamError}, never a bare `SyntaxError`. */
export function parseEventData(message: EventSourceMessage): WireObject | typeof end {
  const data = message.data;
  if (data === '[DONE]') return end;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    const name = message.event ? ` "${message.event}"` : '';
    throw new StreamError(
      `The server sent an event${name} that is not valid JSON: ${preview(data)}`,
      { cause },
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StreamError(`The server sent an event that is not a JSON object: ${preview(data)}`);
  }
  return json as WireObject;
}

/** Whether an event's `type` is one that ends a Responses stream. */
export const isTerminal = (type: unknown): boolean =>
  type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed';

/**
 * The {@link StreamError} for what a server said went wrong, with its code, type and param: an
 * `error` event, flat (`{ type: 'error', message }`) or nested (`{ error: { message } }`), a chat
 * stream's `{ error }` chunk (an object or a string), a failed response's `error`.
 */
export function streamError(
  source: WireObject,
  event: unknown = source,
  fallback = 'The server reported an error in the stream.',
): StreamError {
  const inner = isObject(source.error) ? source.error : source;
  return new StreamError(
    str(inner.message) ?? str(source.message) ?? str(source.error) ?? fallback,
    {
      code: code(inner.code) ?? code(source.code),
      type: inner === source ? undefined : str(inner.type),
      param: str(inner.param) ?? str(source.param),
      event,
    },
  );
}

/**
 * Decodes one SSE message of a Responses stream: JSON, then the event's `type` (from the data, or
 * the SSE `event:` line when the data has none), the dialect's normalization and validation.
 * An `error` event throws {@link StreamError}.
 */
export function decodeResponseEvent(
  message: EventSourceMessage,
  decoding: EventDecoding,
): ResponseStreamEvent | readonly ResponseStreamEvent[] | typeof end {
  const json = parseEventData(message);
  if (json === end) return json;
  if (typeof json.type !== 'string') {
    if (message.event) json.type = message.event;
    else if (json.error !== undefined) json.type = 'error';
  }
  const normalized = decoding.normalize(json);
  return Array.isArray(normalized)
    ? normalized.map((event) => checkEvent(event, decoding))
    : checkEvent(normalized as WireObject, decoding);
}

/**
 * Throws the `error` event as a {@link StreamError}; validates any other. The `response` of a
 * lifecycle event gets an `output_text`, like every response the client hands out, unless the
 * server sent one; it is not enumerable, so the event serializes (and relays) as it was sent.
 */
function checkEvent(event: WireObject, decoding: EventDecoding): ResponseStreamEvent {
  if (event.type === 'error') throw streamError(event);
  const checked = decoding.validate?.(event) ?? event;
  const response = (checked as { response?: { output?: unknown; output_text?: unknown } }).response;
  if (Array.isArray(response?.output) && typeof response.output_text !== 'string') {
    const value = outputText(response.output);
    Object.defineProperty(response, 'output_text', { value, writable: true });
  }
  return checked as ResponseStreamEvent;
}
