/**
 * The walk over every page of a {@link PagedList}: loaded by its first `for await`, so that apps
 * that only await a first page (or never list) do not bundle it.
 */
import { ResponseValidationError } from '../errors.js';
import type { WithResponse } from './api-promise.js';
import type { Page, PagedList } from './page.js';

/**
 * Every item of `first` and of each page after it, fetched with `fetchPage(after)` as the loop
 * reaches it, up to 10,000 pages; a cursor that comes round again is a
 * {@link ResponseValidationError}, thrown before a page's items would be yielded twice.
 * (The walk of {@link PagedList}.)
 */
export async function* walkPages<Item>(
  first: Promise<WithResponse<Page<Item>>>,
  fetchPage: (after: string | undefined) => Promise<WithResponse<Page<Item>>>,
): AsyncGenerator<Item> {
  let page = (await first).data;
  const cursors = new Set<unknown>();
  for (;;) {
    yield* page.data;
    const after = page.last_id;
    // 9,999 cursors used: 10,000 pages, the most a walk asks for.
    if (!page.has_more || !after || page.data.length === 0 || cursors.size >= 9_999) return;
    cursors.add(after);
    page = (await fetchPage(after)).data;
    if (page.has_more && cursors.has(page.last_id)) {
      const message = `${page.last_id} came round again: the pages do not advance`;
      throw new ResponseValidationError('page', [{ path: ['last_id'], message }], page);
    }
  }
}
