/**
 * How a conversation gives the server its context each request, by strategy, and how the
 * history is replayed to a server that keeps nothing. Loaded on a conversation's first turn.
 */
import { APIError } from '../errors.js';
import { isObject } from '../json.js';
import type { ResponseInputItem } from '../types/index.js';
import type { SavedConversation } from './conversation-types.js';

/** What one request of a turn knows: the history before it, and what it adds. */
export interface RequestContext {
  /** Every item said before this request: the conversation's, then the turn's so far. */
  history: readonly ResponseInputItem[];
  /** The id of the last complete response (the conversation's, or the turn's last round). */
  previousId: string | null;
  /** What this request adds: the turn's input, or the outputs of a round of tool calls. */
  pending: readonly ResponseInputItem[];
}

/** The fields of a request that carry the context. */
export interface ContextFields {
  input: ResponseInputItem[];
  previous_response_id?: string;
  conversation?: string;
}

/**
 * The context fields of a request: with `previous_response_id`, the new items and the id of the
 * last complete response (the whole history while there is none, after a resume of a replayed
 * conversation); with `conversation`, the new items and the conversation id; with `replay`, the
 * whole history, replayable, then the new items.
 */
export function contextFields(state: SavedConversation, request: RequestContext): ContextFields {
  const { history, previousId, pending } = request;
  if (state.strategy === 'conversation' && state.conversation !== null)
    return { input: [...pending], conversation: state.conversation };
  if (state.strategy === 'previous_response_id' && (previousId !== null || history.length === 0))
    return previousId === null
      ? { input: [...pending] }
      : { input: [...pending], previous_response_id: previousId };
  return { input: [...replayable(history), ...pending] };
}

const withoutId = <Item extends { id?: unknown }>({ id: _id, ...item }: Item) => item;

/**
 * The history as a server that keeps nothing takes it back: messages and function calls without
 * their ids (which only the server that made them knows, or which a normalizer made up: a
 * sparse stream's `msg_<response>_<n>`), reasoning items only when they carry
 * `encrypted_content` (the only form a server that stores nothing can read back; with their
 * id, which pairs them), everything else as it is. Calls and their outputs keep their order, so
 * each output follows its call.
 */
export function replayable(items: readonly ResponseInputItem[]): ResponseInputItem[] {
  return items.flatMap((item): ResponseInputItem[] => {
    if (!isObject(item)) return [];
    const type = item.type;
    if (type === 'reasoning') return typeof item.encrypted_content === 'string' ? [item] : [];
    if (type === 'message' || type === 'function_call' || type === 'function_call_output')
      return [withoutId(item as { id?: unknown }) as ResponseInputItem];
    return [item];
  });
}

/**
 * Whether an error is the server refusing `previous_response_id`: a 400 or 404 that blames it by
 * `param`, its code or its message (OpenRouter's and the gateway's "not supported", OpenAI's
 * `previous_response_not_found`, also what a WebSocket answers once a new socket no longer holds
 * a `store: false` response, Karta's unknown session).
 */
export function refusesPrevious(error: unknown): boolean {
  return (
    error instanceof APIError &&
    (error.status === 400 || error.status === 404) &&
    (error.param === 'previous_response_id' ||
      error.code === 'previous_response_not_found' ||
      error.message.includes('previous_response_id'))
  );
}
