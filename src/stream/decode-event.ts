import type { StreamEventParser } from '../schemas/fast-path.js';
import type { ResponseStreamEvent, WireObject } from '../types/index.js';
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

/**
 * What the server sent that fails the stream: an event that is not JSON (`kind: 'json'`), not a
 * JSON object (`'object'`), or an error event (`'error'`, the event as sent). Thrown by the
 * decoders; the stream words it as a `StreamError` when it fails (`stream-failure.ts`, loaded
 * then), so that create + stream + iterate does not bundle the words.
 */
export class ServerFault {
  constructor(
    readonly kind: 'json' | 'object' | 'error',
    /** The message's data (`json`, `object`), or the error event (`error`). */
    readonly data: unknown,
    /** The SSE event name (`json`), or the chunk as sent before it was normalized (`error`). */
    readonly event?: unknown,
    readonly cause?: unknown,
  ) {}
}

/** A message's data as a JSON object, or {@link end} for `[DONE]`; else a {@link ServerFault}. */
export function parseEventData(message: EventSourceMessage): WireObject | typeof end {
  const data = message.data;
  if (data === '[DONE]') return end;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    throw new ServerFault('json', data, message.event, cause);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ServerFault('object', data);
  return json as WireObject;
}

export const isTerminal = (type: unknown): boolean =>
  type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed';

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
  if (event.type === 'error') throw new ServerFault('error', event);
  const checked = decoding.validate?.(event) ?? event;
  const response = (checked as { response?: { output?: unknown; output_text?: unknown } }).response;
  if (Array.isArray(response?.output) && typeof response.output_text !== 'string') {
    const value = outputText(response.output);
    Object.defineProperty(response, 'output_text', { value, writable: true });
  }
  return checked as ResponseStreamEvent;
}
