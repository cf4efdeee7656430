import type { FakeEndpoint } from './recorded-request.js';
import type { Wire } from './wire/wire.js';

/** Where a request goes: its endpoint, and the id of the stored response it names, if any. */
export interface Route {
  endpoint: FakeEndpoint;
  /** The stored response's id, for `retrieve`, `delete`, `cancel` and `input_items`. */
  id: string;
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

/**
 * Which endpoint of the server a method and a path reach: its chat completions, its model list,
 * `POST` on its responses collection, `compact` and `input_tokens` beside it, or the endpoints
 * under one stored response (`GET`, `DELETE`, `POST …/cancel`, `GET …/input_items`), each only
 * where the server has it; `unknown` for anything else (answered 404).
 */
export function routeOf(method: string, path: readonly string[], wire: Wire): Route {
  const route = (endpoint: FakeEndpoint, id = ''): Route => ({ endpoint, id });
  if (is(path, wire.chat?.path)) return route(method === 'POST' ? 'chat_completions' : 'unknown');
  if (is(path, wire.models?.path)) return route(method === 'GET' ? 'models' : 'unknown');
  const rest = after(path, wire.path);
  const { stored } = wire;
  if (rest === undefined) return route('unknown');
  const [id, action, ...more] = rest;
  if (id === undefined) return route(method === 'POST' ? 'create' : 'unknown');
  if (method === 'POST' && action === undefined && stored.compact) {
    if (id === 'compact') return route('compact');
    if (id === 'input_tokens') return route('input_tokens');
  }
  if (!stored.retrieve || more.length > 0) return route('unknown');
  if (action === undefined)
    return route(method === 'GET' ? 'retrieve' : method === 'DELETE' ? 'delete' : 'unknown', id);
  if (action === 'cancel' && method === 'POST') return route('cancel', id);
  if (action === 'input_items' && method === 'GET' && stored.inputItems)
    return route('input_items', id);
  return route('unknown');
}

/** The bearer token of an `authorization` header, if it has one. */
export function bearerOf(headers: Record<string, string>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}
