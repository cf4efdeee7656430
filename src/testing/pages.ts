/**
 * One page of a list the fake server keeps (input items, a conversation's items, stored chat
 * completions and their messages), as OpenAI pages them: `limit`, `order` and `after` read from
 * the query and checked, `{ object: 'list', data, first_id, last_id, has_more }` answered.
 */
import { errorAnswer, jsonAnswer } from './answers.js';
import { invalid } from './wire/forms.js';
import type { Wire } from './wire/wire.js';

/** How a list pages: its default order, and the largest `limit` it takes (none when `undefined`). */
export interface Paging {
  order: 'asc' | 'desc';
  maxLimit: number | undefined;
}

/** The id the fake gave an item or object when it stored it. */
export const idOf = (item: unknown): string | undefined =>
  (item as { id?: string } | undefined)?.id;

/**
 * The page of `list` (oldest first) that `query` asks for: `limit` (default 20, at least 1 and
 * at most `paging.maxLimit`), `order` (`asc` or `desc`, default `paging.order`) and `after` (an
 * id in the list: the page starts past it). A query it cannot read is a 400 naming the parameter.
 */
export function pageOf(
  list: readonly unknown[],
  query: URLSearchParams,
  wire: Wire,
  paging: Paging,
): Response {
  const limit = Number(query.get('limit') ?? '20');
  const max = paging.maxLimit;
  if (!Number.isInteger(limit) || limit < 1 || (max !== undefined && limit > max))
    return errorAnswer(
      wire,
      invalid(
        `Invalid 'limit': expected an integer from 1${max === undefined ? ' up' : ` to ${max}`}, got ${query.get('limit')}.`,
        'limit',
      ),
    );
  const order = query.get('order') ?? paging.order;
  if (order !== 'asc' && order !== 'desc')
    return errorAnswer(
      wire,
      invalid(`Invalid 'order': '${order}' is not 'asc' or 'desc'.`, 'order'),
    );
  const ordered = order === 'asc' ? list : [...list].reverse();
  const after = query.get('after');
  const start = after === null ? 0 : ordered.findIndex((item) => idOf(item) === after) + 1;
  if (after !== null && start === 0)
    return errorAnswer(wire, invalid(`No item with id '${after}' in this list.`, 'after'));
  const data = ordered.slice(start, start + limit);
  return jsonAnswer(200, {
    object: 'list',
    data,
    first_id: idOf(data[0]) ?? null,
    last_id: idOf(data.at(-1)) ?? null,
    has_more: start + limit < ordered.length,
  });
}
