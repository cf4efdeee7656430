import type { EventNormalizer, WireObject } from './dialect.js';

type Field = 'text' | 'refusal';

/** The assistant message being written to, and what has been said of it so far. */
interface OpenMessage {
  index: number;
  id: string;
  field: Field;
  text: string;
  /** The server sent the text's `.done` event. */
  textDone: boolean;
  partOpen: boolean;
  partDone: boolean;
}

const terminal = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/**
 * An `output_index` that can index the items: a non-negative integer below a million. Any other
 * value is treated as absent, so that a server's `output_index: 4000000000` cannot make an array
 * of four billion slots (filtering it at the terminal event held the CPU for minutes).
 */
const asIndex = (value: unknown): number | undefined =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6
    ? (value as number)
    : undefined;

/**
 * For servers whose streams are sparse (Karta, Kawai, the gateway): the normalizer that fills
 * what they leave out, so that the user sees OpenAI's canonical event sequence.
 *
 * - every event gets a `sequence_number` (counted on from the last one the server sent);
 * - every `response` object gets `object: 'response'` and an `output` array; a terminal one
 *   that came without output gets the items built from the stream;
 * - text and refusal deltas get the `item_id`, `output_index` and `content_index` of the message
 *   they belong to; when none is open, `response.output_item.added` (an assistant message, its
 *   id made from the response's) and `response.content_part.added` come first;
 * - what the server leaves open is closed (`output_text.done`, `content_part.done`,
 *   `output_item.done`) before the next item or the terminal event.
 */
export function sparseEvents(): EventNormalizer {
  let sequence = -1;
  let responseId = 'resp';
  const items: WireObject[] = [];
  let open: OpenMessage | undefined;

  const stamp = (event: WireObject): WireObject => {
    if (typeof event.sequence_number === 'number')
      sequence = Math.max(sequence, event.sequence_number);
    else event.sequence_number = ++sequence;
    return event;
  };
  const at = (message: OpenMessage) => ({
    item_id: message.id,
    output_index: message.index,
    content_index: 0,
  });
  const part = (message: OpenMessage, text = message.text): WireObject =>
    message.field === 'refusal'
      ? { type: 'refusal', refusal: text }
      : { type: 'output_text', text, annotations: [] };
  const item = (message: OpenMessage, done: boolean): WireObject => ({
    type: 'message',
    id: message.id,
    role: 'assistant',
    status: done ? 'completed' : 'in_progress',
    content: done ? [part(message)] : [],
  });

  const openPart = (message: OpenMessage): WireObject[] => {
    if (message.partOpen) return [];
    message.partOpen = true;
    return [
      stamp({ type: 'response.content_part.added', ...at(message), part: part(message, '') }),
    ];
  };

  const openMessage = (field: Field): WireObject[] => {
    const index = items.length;
    const message: OpenMessage = {
      index,
      id: `msg_${responseId.replace(/^resp_/, '')}_${index}`,
      field,
      text: '',
      textDone: false,
      partOpen: false,
      partDone: false,
    };
    open = message;
    items[index] = item(message, false);
    return [
      stamp({
        type: 'response.output_item.added',
        output_index: index,
        item: item(message, false),
      }),
      ...openPart(message),
    ];
  };

  /** What the server left unsaid of the open message, up to (and, unless it sends it, with) its `output_item.done`. */
  const closeMessage = (withItemDone: boolean): WireObject[] => {
    const message = open;
    if (!message) return [];
    open = undefined;
    const closing: WireObject[] = [];
    if (message.partOpen && !message.textDone) {
      const type =
        message.field === 'refusal' ? 'response.refusal.done' : 'response.output_text.done';
      closing.push(stamp({ type, ...at(message), [message.field]: message.text }));
    }
    if (message.partOpen && !message.partDone) {
      closing.push(
        stamp({ type: 'response.content_part.done', ...at(message), part: part(message) }),
      );
    }
    items[message.index] = item(message, true);
    if (withItemDone)
      closing.push(
        stamp({
          type: 'response.output_item.done',
          output_index: message.index,
          item: items[message.index],
        }),
      );
    return closing;
  };

  const onResponse = (event: WireObject, response: WireObject): WireObject[] => {
    if (typeof response.id === 'string') responseId = response.id;
    response.object ??= 'response';
    const ends = terminal.has(String(event.type));
    const closing = ends ? closeMessage(true) : [];
    if (!Array.isArray(response.output) || (ends && response.output.length === 0)) {
      response.output = ends ? items.filter(Boolean) : [];
    }
    return [...closing, stamp(event)];
  };

  const onItem = (event: WireObject, done: boolean): WireObject[] => {
    const given = event.item as WireObject | undefined;
    // An item added without an index is the next one; an item done without one, the open one.
    const index =
      asIndex(event.output_index) ??
      (done ? (open?.index ?? Math.max(0, items.length - 1)) : items.length);
    event.output_index = index;
    const closing =
      open && (open.index !== index || done) ? closeMessage(open.index !== index) : [];
    if (given) items[index] = given;
    if (!done && given?.type === 'message') {
      const id =
        typeof given.id === 'string'
          ? given.id
          : `msg_${responseId.replace(/^resp_/, '')}_${index}`;
      given.id = id;
      open = {
        index,
        id,
        field: 'text',
        text: '',
        textDone: false,
        partOpen: false,
        partDone: false,
      };
    }
    return [...closing, stamp(event)];
  };

  const onText = (event: WireObject, field: Field, type: string): WireObject[] => {
    const opening =
      open?.field === field ? openPart(open) : [...closeMessage(true), ...openMessage(field)];
    const message = open as OpenMessage;
    if (type.endsWith('.delta') && typeof event.delta === 'string') message.text += event.delta;
    if (type.endsWith('.done')) {
      message.textDone = true;
      if (typeof event[field] === 'string') message.text = event[field] as string;
    }
    event.item_id ??= message.id;
    event.output_index ??= message.index;
    event.content_index ??= 0;
    return [...opening, stamp(event)];
  };

  return (event) => {
    const type = String(event.type);
    if (typeof event.response === 'object' && event.response !== null)
      return onResponse(event, event.response as WireObject);
    if (type === 'response.output_item.added') return onItem(event, false);
    if (type === 'response.output_item.done') return onItem(event, true);
    if (type === 'response.output_text.delta' || type === 'response.output_text.done')
      return onText(event, 'text', type);
    if (type === 'response.refusal.delta' || type === 'response.refusal.done')
      return onText(event, 'refusal', type);
    if (open && type.startsWith('response.content_part.')) {
      if (type.endsWith('.added')) open.partOpen = true;
      else open.partDone = true;
      Object.assign(event, { ...at(open), ...event });
    }
    return stamp(event);
  };
}
