/**
 * Stored chat completions, as OpenAI keeps them: a completion created with `store: true` is kept
 * with its model, metadata and request messages, then listed, retrieved, updated (metadata),
 * deleted, and its messages listed.
 */
import { isObject } from '../json.js';
import { errorAnswer, jsonAnswer, notFound } from './answers.js';
import type { History } from './history.js';
import { pageOf } from './pages.js';
import type { Route } from './routes.js';
import { invalid } from './wire/forms.js';
import type { Json, Wire } from './wire/wire.js';

/** The endpoints under stored chat completions. */
export type StoredChatEndpoint =
  | 'chat_completions_list'
  | Extract<Route['endpoint'], `chat_completion_${string}`>;

/** The text of a message's content: a string as is, the text of its parts joined. */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  return content
    .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/**
 * Keeps a completion created with `store: true` (as its unary answer, with the request's
 * `metadata`) and the request's messages, each with its id `<completion id>-<n>`: its text as
 * `content`, and its parts as `content_parts` when it was sent as parts.
 */
export function keepChat(history: History, completion: Json, body: Json): void {
  const id = String(completion.id);
  const messages = (Array.isArray(body.messages) ? body.messages : [])
    .filter(isObject)
    .map((message, n) => ({
      id: `${id}-${n}`,
      role: message.role,
      content: textOf(message.content),
      name: typeof message.name === 'string' ? message.name : null,
      content_parts: Array.isArray(message.content) ? message.content : null,
    }));
  const metadata = isObject(body.metadata) ? body.metadata : {};
  history.chats.set(id, { completion: { ...completion, metadata }, messages });
}

/** Whether a stored completion's metadata holds every `metadata[key]=value` pair of the query. */
function matchesMetadata(completion: Json, query: URLSearchParams): boolean {
  const metadata = isObject(completion.metadata) ? completion.metadata : {};
  return [...query].every(([key, value]) => {
    const name = /^metadata\[(.+)\]$/.exec(key)?.[1];
    return name === undefined || metadata[name] === value;
  });
}

/**
 * Answers a request about stored chat completions: the list (oldest first unless `order=desc`,
 * filtered by `model` and `metadata[key]=value`, paged by `limit` and `after`), retrieve, update
 * (`metadata`, required: an object of strings or `null`), delete, and a completion's messages
 * (paged the same way). An id it does not keep is a 404.
 */
export function answerStoredChat(
  endpoint: StoredChatEndpoint,
  route: Route,
  body: Json,
  query: URLSearchParams,
  { wire, history }: { wire: Wire; history: History },
): Response {
  const paging = { order: 'asc', maxLimit: undefined } as const;
  if (endpoint === 'chat_completions_list') {
    const model = query.get('model');
    const kept = [...history.chats.values()]
      .map((chat) => chat.completion)
      .filter((completion) => model === null || completion.model === model)
      .filter((completion) => matchesMetadata(completion, query));
    return pageOf(kept, query, wire, paging);
  }
  const kept = history.chats.get(route.id);
  if (!kept) return notFound(wire, `No chat completion found with id '${route.id}'.`);
  switch (endpoint) {
    case 'chat_completion_retrieve':
      return jsonAnswer(200, kept.completion);
    case 'chat_completion_update': {
      const { metadata } = body;
      const valid =
        metadata === null ||
        (isObject(metadata) && Object.values(metadata).every((v) => typeof v === 'string'));
      if (!valid)
        return errorAnswer(
          wire,
          metadata === undefined
            ? invalid(
                "Missing required parameter: 'metadata'.",
                'metadata',
                'missing_required_parameter',
              )
            : invalid("Invalid 'metadata': expected an object of string values.", 'metadata'),
        );
      kept.completion = { ...kept.completion, metadata: metadata ?? {} };
      return jsonAnswer(200, kept.completion);
    }
    case 'chat_completion_delete':
      history.chats.delete(route.id);
      return jsonAnswer(200, { object: 'chat.completion.deleted', id: route.id, deleted: true });
    default:
      return pageOf(kept.messages, query, wire, paging);
  }
}
