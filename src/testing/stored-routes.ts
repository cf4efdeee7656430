import type { Dialect } from '../dialects/dialect.js';
import { errorAnswer, jsonAnswer, notFound, streamAnswer } from './answers.js';
import type { History, StoredResponse } from './history.js';
import { invalid, type Wire, whole } from './wire/wire.js';

/** The endpoints under one stored response: `GET`, `DELETE`, `…/cancel`, `…/input_items`. */
export type StoredEndpoint = 'retrieve' | 'delete' | 'cancel' | 'input_items';

/** Which stored-response endpoint `method` and the path below the response's id reach. */
export function storedEndpoint(
  method: string,
  rest: readonly string[],
  features: Dialect['features'],
): StoredEndpoint | undefined {
  if (!features.retrieve || rest.length === 0) return undefined;
  const [, action, ...more] = rest;
  if (more.length > 0) return undefined;
  if (action === undefined)
    return method === 'GET' ? 'retrieve' : method === 'DELETE' ? 'delete' : undefined;
  if (action === 'cancel' && method === 'POST') return 'cancel';
  if (action === 'input_items' && method === 'GET' && features.inputItems) return 'input_items';
  return undefined;
}

/**
 * Answers a stored-response endpoint, as OpenAI does: retrieve (a queued `background`
 * response is finished by it; `?stream=true&starting_after=N` replays the events after N),
 * delete, cancel (only a `background` response; a queued one becomes `cancelled`), and input
 * items (`order` desc by default, `limit` 1 to 100, `after` an item id).
 */
export function answerStored(
  endpoint: StoredEndpoint,
  id: string,
  query: URLSearchParams,
  history: History,
  wire: Wire,
): Response {
  const stored = history.responses.get(id);
  if (!stored) return notFound(wire, `Response with id '${id}' not found.`);
  switch (endpoint) {
    case 'retrieve':
      return retrieve(stored, query, wire);
    case 'delete':
      history.responses.delete(id);
      return jsonAnswer(200, { id, object: 'response', deleted: true });
    case 'cancel':
      if (!stored.background)
        return errorAnswer(
          wire,
          invalid('Only responses created with background=true can be cancelled.', null),
        );
      if (stored.pending) {
        stored.pending = undefined;
        stored.response = { ...stored.response, status: 'cancelled' };
      }
      return jsonAnswer(200, wire.body(stored.response));
    case 'input_items':
      return inputItemsPage(stored, query, wire);
  }
}

function retrieve(stored: StoredResponse, query: URLSearchParams, wire: Wire): Response {
  if (stored.pending) {
    stored.response = stored.pending;
    stored.pending = undefined;
  }
  if (query.get('stream') !== 'true') return jsonAnswer(200, wire.body(stored.response));
  const after = Number(query.get('starting_after') ?? '-1');
  if (!Number.isInteger(after))
    return errorAnswer(
      wire,
      invalid("Invalid 'starting_after': expected an integer.", 'starting_after'),
    );
  const events = stored.events.filter((event) => (event.sequence_number ?? -1) > after);
  return streamAnswer(
    events.map((event) => wire.frame(whole(event))),
    {
      delayMs: 0,
      end: 'close',
      signal: undefined,
    },
  );
}

function inputItemsPage(stored: StoredResponse, query: URLSearchParams, wire: Wire): Response {
  const limit = Number(query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return errorAnswer(
      wire,
      invalid(
        `Invalid 'limit': expected an integer from 1 to 100, got ${query.get('limit')}.`,
        'limit',
      ),
    );
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc')
    return errorAnswer(
      wire,
      invalid(`Invalid 'order': '${order}' is not 'asc' or 'desc'.`, 'order'),
    );
  const items = order === 'asc' ? stored.input : [...stored.input].reverse();
  const after = query.get('after');
  const start = after === null ? 0 : items.findIndex((item) => idOf(item) === after) + 1;
  if (after !== null && start === 0)
    return errorAnswer(wire, invalid(`No item with id '${after}' in this list.`, 'after'));
  const data = items.slice(start, start + limit);
  return jsonAnswer(200, {
    object: 'list',
    data,
    first_id: idOf(data[0]) ?? null,
    last_id: idOf(data.at(-1)) ?? null,
    has_more: start + limit < items.length,
  });
}

/** The id the fake gave an input item when it stored it. */
const idOf = (item: unknown): string | undefined => (item as { id?: string } | undefined)?.id;
