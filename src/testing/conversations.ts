/**
 * OpenAI's Conversations API, as the fake server answers it: conversations kept with their
 * metadata and items (the same store a `conversation` id of `POST /responses` reads and adds to).
 */
import { isObject } from '../json.js';
import { errorAnswer, jsonAnswer, notFound } from './answers.js';
import { type History, inputItems, type StoredConversation } from './history.js';
import { idOf, pageOf } from './pages.js';
import type { Route } from './routes.js';
import { first, ofKinds } from './rules.js';
import { invalid } from './wire/forms.js';
import type { Json, Wire, WireError } from './wire/wire.js';

/** The endpoints of the Conversations API. */
export type ConversationEndpoint = Extract<Route['endpoint'], `conversation_${string}`>;

/** What answering a Conversations API request needs. */
export interface ConversationContext {
  wire: Wire;
  history: History;
  /** A new id with this prefix (`conv`, `msg`, `fc`…). */
  newId(prefix: string): string;
}

/** A conversation as its endpoints answer it. */
export const conversationObject = ({ id, created_at, metadata }: StoredConversation) => ({
  id,
  object: 'conversation',
  created_at,
  metadata,
});

/** What the server refuses of `metadata`: anything but an object of strings (or null). */
function badMetadata(body: Json): WireError | undefined {
  const { metadata } = body;
  if (metadata == null) return undefined;
  if (isObject(metadata) && Object.values(metadata).every((value) => typeof value === 'string'))
    return undefined;
  return invalid("Invalid 'metadata': expected an object of string values.", 'metadata');
}

/** What it refuses of `items`: anything but an array of up to 20 objects. */
function badItems(body: Json, required: boolean): WireError | undefined {
  const { items } = body;
  if (items == null)
    return required
      ? invalid("Missing required parameter: 'items'.", 'items', 'missing_required_parameter')
      : undefined;
  if (!Array.isArray(items) || !items.every(isObject))
    return invalid("Invalid 'items': expected an array of items.", 'items', 'invalid_type');
  if (items.length > 20)
    return invalid(
      `Invalid 'items': array too long. Expected an array with maximum length 20, but got an array with length ${items.length} instead.`,
      'items',
      'array_above_max_length',
    );
  return undefined;
}

/** `items` as the conversation keeps them: with ids, text as `input_text` (or `output_text`) parts. */
const stored = (body: Json, c: ConversationContext) =>
  inputItems({ input: body.items ?? [] }, (prefix) => c.newId(prefix));

/**
 * Answers a request to the Conversations API: create (`items`, up to 20, and `metadata`),
 * retrieve, update (`metadata`) and delete a conversation; add items (up to 20, answered as a
 * list), list them (newest first unless `order=asc`, `limit` 1 to 100, `after` an item id),
 * retrieve and delete one (answered with the conversation). An id it does not keep is a 404.
 */
export function answerConversation(
  endpoint: ConversationEndpoint,
  route: Route,
  body: Json,
  query: URLSearchParams,
  c: ConversationContext,
): Response {
  const { wire, history } = c;
  if (endpoint === 'conversation_create') {
    const refused = first(
      ofKinds(body, { 'object | null': ['metadata'], 'array | null': ['items'] }),
      () => badItems(body, false),
      () => badMetadata(body),
    );
    if (refused) return errorAnswer(wire, refused);
    const kept = history.conversation(c.newId('conv'));
    kept.metadata = isObject(body.metadata) ? body.metadata : {};
    kept.items.push(...stored(body, c));
    return jsonAnswer(200, conversationObject(kept));
  }
  const kept = history.conversations.get(route.id);
  if (!kept) return notFound(wire, `Conversation with id '${route.id}' not found.`);
  switch (endpoint) {
    case 'conversation_retrieve':
      return jsonAnswer(200, conversationObject(kept));
    case 'conversation_update': {
      const refused =
        body.metadata === undefined
          ? invalid(
              "Missing required parameter: 'metadata'.",
              'metadata',
              'missing_required_parameter',
            )
          : badMetadata(body);
      if (refused) return errorAnswer(wire, refused);
      kept.metadata = isObject(body.metadata) ? body.metadata : {};
      return jsonAnswer(200, conversationObject(kept));
    }
    case 'conversation_delete':
      history.conversations.delete(kept.id);
      return jsonAnswer(200, { id: kept.id, object: 'conversation.deleted', deleted: true });
    case 'conversation_items_create': {
      const refused = badItems(body, true);
      if (refused) return errorAnswer(wire, refused);
      const added = stored(body, c);
      kept.items.push(...added);
      return jsonAnswer(200, {
        object: 'list',
        data: added,
        first_id: idOf(added[0]) ?? null,
        last_id: idOf(added.at(-1)) ?? null,
        has_more: false,
      });
    }
    case 'conversation_items_list':
      return pageOf(kept.items, query, wire, { order: 'desc', maxLimit: 100 });
    default: {
      const at = kept.items.findIndex((item) => idOf(item) === route.itemId);
      const item = kept.items[at];
      if (!item)
        return notFound(
          wire,
          `Item with id '${route.itemId}' not found in conversation '${kept.id}'.`,
        );
      if (endpoint === 'conversation_item_retrieve') return jsonAnswer(200, item);
      kept.items.splice(at, 1);
      return jsonAnswer(200, conversationObject(kept));
    }
  }
}
