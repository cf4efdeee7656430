/**
 * How a replayed request is matched with a recorded one: its method, path, query and body (not
 * the host, not the headers), minus what the app says changes from run to run (`ignore`); and,
 * for a request that matches nothing, the nearest recorded one and how it differs.
 */
import { isObject } from '../json.js';
import type { CassetteRequest } from './cassette.js';

/** A request as matching reads it. */
export interface Comparable {
  method: string;
  path: string;
  /** The query's pairs, sorted. */
  query: [string, string][];
  /** The JSON body, or the text of one that is not JSON; `undefined` when none. */
  body: unknown;
}

/**
 * What matching ignores, from `ignore`: `query.<name>` a query parameter, `body.<path>` (or any
 * path with a dot) a body field, `*` standing for any key or index, and a bare name that field
 * wherever it is in the body.
 */
export interface Ignored {
  query: Set<string>;
  paths: string[][];
  anywhere: Set<string>;
}

/** The rules of `ignore`, read once. */
export function ignoredOf(ignore: readonly string[] = []): Ignored {
  const ignored: Ignored = { query: new Set(), paths: [], anywhere: new Set() };
  for (const rule of ignore) {
    if (rule.startsWith('query.')) ignored.query.add(rule.slice('query.'.length));
    else if (rule.startsWith('body.')) ignored.paths.push(rule.slice('body.'.length).split('.'));
    else if (rule.includes('.')) ignored.paths.push(rule.split('.'));
    else ignored.anywhere.add(rule);
  }
  return ignored;
}

/** `value` without the fields at `path` (`*` any key or index). */
function without(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(value))
    return rest.length === 0
      ? value.filter((_, at) => head !== '*' && String(at) !== head)
      : value.map((item, at) => (head === '*' || String(at) === head ? without(item, rest) : item));
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const hit = head === '*' || key === head;
    if (hit && rest.length === 0) continue;
    copy[key] = hit ? without(item, rest) : item;
  }
  return copy;
}

/** `value` without any field named in `names`, at any depth. */
function withoutAnywhere(value: unknown, names: ReadonlySet<string>): unknown {
  if (names.size === 0) return value;
  if (Array.isArray(value)) return value.map((item) => withoutAnywhere(item, names));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !names.has(key))
      .map(([key, item]) => [key, withoutAnywhere(item, names)]),
  );
}

/** A request as matching reads it, what `ignore` says left out. */
export function comparable(
  request: Pick<CassetteRequest, 'method' | 'url' | 'body' | 'bodyText'>,
  ignored: Ignored,
): Comparable {
  const url = new URL(request.url);
  const query = [...url.searchParams]
    .filter(([name]) => !ignored.query.has(name))
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  let body: unknown = request.body ?? request.bodyText;
  for (const path of ignored.paths) body = without(body, path);
  body = withoutAnywhere(body, ignored.anywhere);
  return { method: request.method.toUpperCase(), path: url.pathname, query, body };
}

/** The JSON value, short, for a message (`(absent)` for nothing). */
function shown(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const keyOf = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/** The leaves where `recorded` and `sent` differ, as `path: recorded …, sent …` lines. */
function bodyDifferences(recorded: unknown, sent: unknown, path: string, out: string[]): void {
  if (Array.isArray(recorded) && Array.isArray(sent)) {
    for (let at = 0; at < Math.max(recorded.length, sent.length); at++)
      bodyDifferences(recorded[at], sent[at], `${path}[${at}]`, out);
    return;
  }
  if (isObject(recorded) && isObject(sent)) {
    const keys = new Set([...Object.keys(recorded), ...Object.keys(sent)]);
    for (const key of keys) bodyDifferences(recorded[key], sent[key], keyOf(path, key), out);
    return;
  }
  if (JSON.stringify(recorded) !== JSON.stringify(sent))
    out.push(`${path}: recorded ${shown(recorded)}, sent ${shown(sent)}`);
}

/** A query's pairs as an object: a name's one value, or its values when it repeats. */
function queryObject(pairs: readonly [string, string][]): Record<string, string | string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of pairs) values.set(name, [...(values.get(name) ?? []), value]);
  return Object.fromEntries(
    [...values].map(([name, all]): [string, string | string[]] => [
      name,
      all.length === 1 ? (all[0] ?? '') : all,
    ]),
  );
}

/** How `sent` differs from `recorded`, one line each: method, path, query, body fields. */
export function differences(recorded: Comparable, sent: Comparable): string[] {
  const out: string[] = [];
  if (recorded.method !== sent.method)
    out.push(`method: recorded ${recorded.method}, sent ${sent.method}`);
  if (recorded.path !== sent.path) out.push(`path: recorded ${recorded.path}, sent ${sent.path}`);
  bodyDifferences(queryObject(recorded.query), queryObject(sent.query), 'query', out);
  bodyDifferences(recorded.body, sent.body, 'body', out);
  return out;
}

/** How far apart two requests are: another method or path weighs more than any field. */
export function distance(recorded: Comparable, sent: Comparable): number {
  const lines = differences(recorded, sent);
  return lines.reduce(
    (sum, line) => sum + (line.startsWith('method:') ? 1000 : line.startsWith('path:') ? 100 : 1),
    0,
  );
}
