import type { FakeEndpoint } from './recorded-request.js';
import type { Wire } from './wire/wire.js';

/** Where a request goes: its endpoint, and the ids its path names, if any. */
export interface Route {
  endpoint: FakeEndpoint;
  /** The id the path names: a stored response's, a conversation's, a completion's, a model's. */
  id: string;
  /** The item's id, for a conversation's item. */
  itemId: string;
}

/** The path below the base URL, one decoded segment each (kept as is where not valid encoding). */
export function segmentsOf(pathname: string, basePath: string): string[] {
  const below = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  return below
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** The segments after `prefix`, where `*` in the prefix matches any one segment. */
function after(path: readonly string[], prefix: readonly string[]): string[] | undefined {
  if (path.length < prefix.length) return undefined;
  const matches = prefix.every((segment, at) => segment === '*' || segment === path[at]);
  return matches ? path.slice(prefix.length) : undefined;
}

/** Whether `path` is `template` (`*` matching any one segment). */
const is = (path: readonly string[], template: readonly string[] | undefined) =>
  template !== undefined && path.length === template.length && after(path, template) !== undefined;

type Method = string;
const route = (endpoint: FakeEndpoint, id = '', itemId = ''): Route => ({ endpoint, id, itemId });
const unknown = route('unknown');
/** The endpoint `method` reaches among those of one path, by method. */
const byMethod = (
  method: Method,
  endpoints: Partial<Record<'GET' | 'POST' | 'DELETE', FakeEndpoint | false>>,
  id = '',
  itemId = '',
): Route => {
  const endpoint = endpoints[method as 'GET'];
  return endpoint ? route(endpoint, id, itemId) : unknown;
};

/**
 * Which endpoint of the server a method and a path reach: its chat completions (and the stored
 * ones), its model list and one model, its Conversations API, `POST` on its responses
 * collection, `compact` and `input_tokens` beside it, or the endpoints under one stored response
 * (`GET`, `DELETE`, `POST …/cancel`, `GET …/input_items`), each only where the server has it;
 * `unknown` for anything else (answered 404).
 */
export function routeOf(method: Method, path: readonly string[], wire: Wire): Route {
  return (
    chatRoute(method, path, wire) ??
    modelRoute(method, path, wire) ??
    conversationRoute(method, path, wire) ??
    responsesRoute(method, path, wire)
  );
}

function chatRoute(method: Method, path: readonly string[], wire: Wire): Route | undefined {
  const chat = wire.chat;
  const rest = chat && after(path, chat.path);
  if (!rest) return undefined;
  const [id, action, ...more] = rest;
  const stores = chat.stores === true;
  if (id === undefined)
    return byMethod(method, { POST: 'chat_completions', GET: stores && 'chat_completions_list' });
  if (!stores || more.length > 0) return unknown;
  if (action === undefined)
    return byMethod(
      method,
      {
        GET: 'chat_completion_retrieve',
        POST: 'chat_completion_update',
        DELETE: 'chat_completion_delete',
      },
      id,
    );
  return action === 'messages'
    ? byMethod(method, { GET: 'chat_completion_messages' }, id)
    : unknown;
}

function modelRoute(method: Method, path: readonly string[], wire: Wire): Route | undefined {
  if (is(path, wire.models?.path)) return byMethod(method, { GET: 'models' });
  const model = wire.model;
  if (!model || !is(path, model.path)) return undefined;
  const id = path.filter((_, at) => model.path[at] === '*').join('/');
  return byMethod(method, { GET: 'model_retrieve', DELETE: model.deletes && 'model_delete' }, id);
}

function conversationRoute(method: Method, path: readonly string[], wire: Wire): Route | undefined {
  const rest = wire.conversationsAPI && after(path, wire.conversationsAPI);
  if (!rest) return undefined;
  const [id, items, itemId, ...more] = rest;
  if (id === undefined) return byMethod(method, { POST: 'conversation_create' });
  if (items === undefined)
    return byMethod(
      method,
      { GET: 'conversation_retrieve', POST: 'conversation_update', DELETE: 'conversation_delete' },
      id,
    );
  if (items !== 'items' || more.length > 0) return unknown;
  if (itemId === undefined)
    return byMethod(
      method,
      { POST: 'conversation_items_create', GET: 'conversation_items_list' },
      id,
    );
  return byMethod(
    method,
    { GET: 'conversation_item_retrieve', DELETE: 'conversation_item_delete' },
    id,
    itemId,
  );
}

function responsesRoute(method: Method, path: readonly string[], wire: Wire): Route {
  const rest = after(path, wire.path);
  const { stored } = wire;
  if (rest === undefined) return unknown;
  const [id, action, ...more] = rest;
  if (id === undefined) return byMethod(method, { POST: 'create' });
  if (method === 'POST' && action === undefined && stored.compact) {
    if (id === 'compact') return route('compact');
    if (id === 'input_tokens') return route('input_tokens');
  }
  if (!stored.retrieve || more.length > 0) return unknown;
  if (action === undefined) return byMethod(method, { GET: 'retrieve', DELETE: 'delete' }, id);
  if (action === 'cancel') return byMethod(method, { POST: 'cancel' }, id);
  if (action === 'input_items' && stored.inputItems)
    return byMethod(method, { GET: 'input_items' }, id);
  return unknown;
}

/** The bearer token of an `authorization` header, if it has one. */
export function bearerOf(headers: Record<string, string>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}
