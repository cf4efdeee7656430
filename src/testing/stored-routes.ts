import type { ResponseItem } from '../resources/responses.js';
import { errorAnswer, jsonAnswer, notFound, streamAnswer } from './answers.js';
import { type History, inputItems, type StoredResponse } from './history.js';
import { pageOf } from './pages.js';
import { first, ofKinds, required } from './rules.js';
import { invalid } from './wire/forms.js';
import type { Json, Wire, WireError } from './wire/wire.js';

/** The endpoints under one stored response: `GET`, `DELETE`, `…/cancel`, `…/input_items`. */
export type StoredEndpoint = 'retrieve' | 'delete' | 'cancel' | 'input_items';

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
      return jsonAnswer(200, wire.body(stored.response, {}));
    case 'input_items':
      return pageOf(stored.input, query, wire, { order: 'desc', maxLimit: 100 });
  }
}

function retrieve(stored: StoredResponse, query: URLSearchParams, wire: Wire): Response {
  if (stored.pending) {
    stored.response = stored.pending;
    stored.pending = undefined;
  }
  if (query.get('stream') !== 'true') return jsonAnswer(200, wire.body(stored.response, {}));
  const after = Number(query.get('starting_after') ?? '-1');
  if (!Number.isInteger(after))
    return errorAnswer(
      wire,
      invalid("Invalid 'starting_after': expected an integer.", 'starting_after'),
    );
  const events = stored.events.filter((event) => (event.sequence_number ?? -1) > after);
  return streamAnswer(wire.events(events, {}).map(wire.frame), {
    delayMs: 0,
    end: 'close',
    signal: undefined,
  });
}

/** About four characters a token, as the usual rule of thumb goes. */
export const tokensOf = (value: unknown) => Math.ceil(JSON.stringify(value ?? '').length / 4);

/** What `compact` and `input_tokens` refuse: an unknown `previous_response_id`. */
function unknownPrevious(body: Json, history: History, wire: Wire): WireError | undefined {
  const previous = body.previous_response_id;
  if (typeof previous !== 'string' || history.responses.has(previous)) return undefined;
  return wire.state.previous.keeps ? wire.state.previous.unknown(previous) : undefined;
}

/** Text as base64, whatever its characters (`btoa` takes bytes as Latin-1 only). */
const base64 = (text: string) =>
  btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''));

/**
 * `POST /responses/compact`, as OpenAI answers it: `model` required; the items of the chain
 * (`previous_response_id`) and of `input`, compacted into their user messages and one
 * `compaction` item whose `encrypted_content` carries the rest.
 */
export function answerCompact(body: Json, history: History, wire: Wire, id: string): Response {
  const refused = first(
    required(body, 'model', ['string']),
    () => ofKinds(body, { 'string | array | null': ['input'] }),
    () => unknownPrevious(body, history, wire),
  );
  if (refused) return errorAnswer(wire, refused);
  const previous = body.previous_response_id;
  const kept: ResponseItem[] = [
    ...history.chain(typeof previous === 'string' ? previous : undefined),
    ...inputItems(body, (prefix) => `${prefix}_${id}`),
  ];
  const users = kept.flatMap((item) => {
    if (item.type !== 'message' || item.role !== 'user') return [];
    const { id: _, status: __, ...message } = item as Json;
    return [message];
  });
  const compaction = {
    type: 'compaction',
    id: `cmp_${id}`,
    encrypted_content: base64(JSON.stringify(kept)),
  };
  const input_tokens = tokensOf(kept);
  return jsonAnswer(200, {
    id: `resp_${id}`,
    object: 'response.compaction',
    output: [...users, compaction],
    created_at: Math.floor(Date.now() / 1000),
    usage: { input_tokens, output_tokens: 12, total_tokens: input_tokens + 12 },
  });
}

/** `POST /responses/input_tokens`: what the instructions, the chain, the input and the tools count. */
export function answerInputTokens(body: Json, history: History, wire: Wire): Response {
  const refused = unknownPrevious(body, history, wire);
  if (refused) return errorAnswer(wire, refused);
  const previous = body.previous_response_id;
  const chain = history.chain(typeof previous === 'string' ? previous : undefined);
  const counted = [body.instructions, chain, body.input, body.tools];
  return jsonAnswer(200, { object: 'response.input_tokens', input_tokens: tokensOf(counted) });
}
