import { asIndex, asText, isObject } from '../json.js';
import { isTerminal } from '../stream/decode-event.js';
import type { ResponseStreamEvent } from '../types/index.js';
import type { EventNormalizer, WireObject } from './dialect.js';
import { ResponseAccumulator } from './response-accumulator.js';

/**
 * The id the client gives an item a server sent without one: `msg_<response>_<index>` for the
 * `index`-th item of `resp_<response>` (unary answers and streams of one dialect agree on it).
 */
export const mintedId = (prefix: string, responseId: unknown, index: number): string =>
  `${prefix}_${asText(responseId, 'resp').replace(/^resp_/, '')}_${index}`;

/** Whether the open message streams its text or a refusal. */
type Field = 'text' | 'refusal';

/** The assistant message being written to, and which of its events have been sent. */
interface OpenMessage {
  readonly index: number;
  readonly id: string;
  readonly field: Field;
  /** The text's `.done` event was sent. */
  textDone: boolean;
  partOpen: boolean;
  partDone: boolean;
}

const at = (message: OpenMessage) => ({
  item_id: message.id,
  output_index: message.index,
  content_index: 0,
});

const partOf = (field: Field, text: string): WireObject =>
  field === 'refusal'
    ? { type: 'refusal', refusal: text }
    : { type: 'output_text', text, annotations: [] };

const messageItem = (message: OpenMessage, text: string, done: boolean): WireObject => ({
  type: 'message',
  id: message.id,
  role: 'assistant',
  status: done ? 'completed' : 'in_progress',
  content: done ? [partOf(message.field, text)] : [],
});

/**
 * One sparse stream being filled in (see {@link sparseEvents}): the events it gives out are new
 * objects, never the server's own changed. Dialects that add events of their own on top (Kawai's
 * whole tool calls, the gateway's call fragments) use it directly, for {@link SparseStream.nextIndex}
 * and {@link SparseStream.idFor}.
 */
export class SparseStream {
  #sequence = -1;
  #responseId: unknown;
  /** Everything given out so far, folded: the output a terminal response without one gets. */
  readonly #output = new ResponseAccumulator();
  #open: OpenMessage | undefined;

  /** The `output_index` a new item takes: one past the highest given out so far. */
  get nextIndex(): number {
    return this.#output.size;
  }

  /** An id for the item at `index` that the server sent without one ({@link mintedId}). */
  idFor(prefix: string, index: number): string {
    return mintedId(prefix, this.#responseId, index);
  }

  /** The canonical events one event of the server stands for. */
  normalize(event: WireObject): WireObject | WireObject[] {
    const type = asText(event.type);
    if (isObject(event.response)) return this.#response(event, event.response);
    if (type === 'response.output_item.added') return this.#item(event, false);
    if (type === 'response.output_item.done') return this.#item(event, true);
    if (type === 'response.output_text.delta' || type === 'response.output_text.done')
      return this.#text(event, 'text', type);
    if (type === 'response.refusal.delta' || type === 'response.refusal.done')
      return this.#text(event, 'refusal', type);
    const open = this.#open;
    if (open && type.startsWith('response.content_part.')) {
      if (type.endsWith('.added')) open.partOpen = true;
      else open.partDone = true;
      return this.#emit({ ...at(open), ...event });
    }
    return this.#emit(event);
  }

  /** A lifecycle event: its response with `object` and `output`; before a terminal one, what is left open is closed. */
  #response(event: WireObject, response: WireObject): WireObject[] {
    if (typeof response.id === 'string') this.#responseId = response.id;
    const ends = isTerminal(event.type);
    const closing = ends ? this.#close(true) : [];
    const given = response.output;
    const output =
      Array.isArray(given) && !(ends && given.length === 0)
        ? given
        : ends
          ? this.#output.builtOutput()
          : [];
    const object = response.object ?? 'response';
    return [...closing, this.#emit({ ...event, response: { ...response, object, output } })];
  }

  /** An item added or done: an index when it has none, and its message opened (added) or closed (done). */
  #item(event: WireObject, done: boolean): WireObject[] {
    const open = this.#open;
    // An item added without an index is the next one; an item done without one, the open one.
    const index =
      asIndex(event.output_index) ??
      (done ? (open?.index ?? Math.max(0, this.nextIndex - 1)) : this.nextIndex);
    const closing = open && (open.index !== index || done) ? this.#close(open.index !== index) : [];
    const item = event.item;
    if (done || !isObject(item) || item.type !== 'message')
      return [...closing, this.#emit({ ...event, output_index: index })];
    const id = typeof item.id === 'string' ? item.id : this.idFor('msg', index);
    this.#open = { index, id, field: 'text', textDone: false, partOpen: false, partDone: false };
    return [...closing, this.#emit({ ...event, output_index: index, item: { ...item, id } })];
  }

  /** A text or refusal event: in the open message, or in a new one; with its ids and indexes. */
  #text(event: WireObject, field: Field, type: string): WireObject[] {
    const opening =
      this.#open?.field === field
        ? this.#openPart(this.#open)
        : [...this.#close(true), ...this.#openMessage(field)];
    const message = this.#open as OpenMessage;
    if (type.endsWith('.done')) message.textDone = true;
    const filled = {
      ...event,
      item_id: event.item_id ?? message.id,
      output_index: event.output_index ?? message.index,
      content_index: event.content_index ?? 0,
    };
    return [...opening, this.#emit(filled)];
  }

  #openMessage(field: Field): WireObject[] {
    const index = this.nextIndex;
    const message: OpenMessage = {
      index,
      id: this.idFor('msg', index),
      field,
      textDone: false,
      partOpen: false,
      partDone: false,
    };
    this.#open = message;
    const added = this.#emit({
      type: 'response.output_item.added',
      output_index: index,
      item: messageItem(message, '', false),
    });
    return [added, ...this.#openPart(message)];
  }

  #openPart(message: OpenMessage): WireObject[] {
    if (message.partOpen) return [];
    message.partOpen = true;
    const part = partOf(message.field, '');
    return [this.#emit({ type: 'response.content_part.added', ...at(message), part })];
  }

  /** What the server left unsaid of the open message, up to (and, unless it sends it, with) its `output_item.done`. */
  #close(withItemDone: boolean): WireObject[] {
    const message = this.#open;
    if (!message) return [];
    this.#open = undefined;
    const text = this.#textOf(message);
    const closing: WireObject[] = [];
    if (message.partOpen && !message.textDone) {
      const type =
        message.field === 'refusal' ? 'response.refusal.done' : 'response.output_text.done';
      closing.push(this.#emit({ type, ...at(message), [message.field]: text }));
    }
    if (message.partOpen && !message.partDone) {
      const part = partOf(message.field, text);
      closing.push(this.#emit({ type: 'response.content_part.done', ...at(message), part }));
    }
    if (withItemDone) {
      const item = messageItem(message, text, true);
      closing.push(
        this.#emit({ type: 'response.output_item.done', output_index: message.index, item }),
      );
    }
    return closing;
  }

  /** The text of a message's first part, as the events given out so far spell it. */
  #textOf(message: OpenMessage): string {
    const content = this.#output.builtItem(message.index)?.content;
    const part = Array.isArray(content) ? content[0] : undefined;
    const text = isObject(part) ? part[message.field] : undefined;
    return typeof text === 'string' ? text : '';
  }

  /** Gives an event out: numbered (counting on from the last number the server sent), and folded into the output. */
  #emit(event: WireObject): WireObject {
    const given = event.sequence_number;
    let numbered = event;
    if (typeof given === 'number') this.#sequence = Math.max(this.#sequence, given);
    else numbered = { ...event, sequence_number: ++this.#sequence };
    this.#output.add(numbered as ResponseStreamEvent);
    return numbered;
  }
}

/**
 * For servers whose streams are sparse (Karta, Kawai, the gateway), and a building block for a
 * dialect of your own: the normalizer that fills what they leave out, so that the user sees
 * OpenAI's canonical event sequence. It builds new events; the server's are left as they came.
 *
 * - every event gets a `sequence_number` (counted on from the last one the server sent);
 * - every `response` object gets `object: 'response'` and an `output` array; a terminal one
 *   that came without output gets the items rebuilt from the stream (text, refusals, tool-call
 *   arguments, reasoning: everything the events spell);
 * - text and refusal deltas get the `item_id`, `output_index` and `content_index` of the message
 *   they belong to; when none is open, `response.output_item.added` (an assistant message, its
 *   id made from the response's) and `response.content_part.added` come first;
 * - what the server leaves open is closed (`output_text.done`, `content_part.done`,
 *   `output_item.done`) before the next item or the terminal event.
 */
export function sparseEvents(): EventNormalizer {
  const stream = new SparseStream();
  return (event) => stream.normalize(event);
}
