import type { ResponseValidationError } from '../errors.js';
import type { WithResponse } from './api-promise.js';

/** One page of a list, as cursor-paginated endpoints return it. */
export interface Page<Item> {
  /** The items of this page. */
  data: Item[];
  /** Whether more pages follow. */
  has_more?: boolean | undefined;
  /** The id of the first item of this page. */
  first_id?: string | null | undefined;
  /** The id of the last item of this page: the cursor of the next one. */
  last_id?: string | null | undefined;
}

/**
 * A paginated list: `await` it for the first page, or `for await` over it for every item of
 * every page (the next page is asked for after the last item of this one, with `after`).
 */
export class PagedList<Item> implements AsyncIterable<Item>, PromiseLike<Page<Item>> {
  readonly #fetchPage: (after: string | undefined) => Promise<WithResponse<Page<Item>>>;
  #first: Promise<WithResponse<Page<Item>>> | undefined;

  /** @internal Made by the methods that list (`inputItems.list()`). */
  constructor(fetchPage: (after: string | undefined) => Promise<WithResponse<Page<Item>>>) {
    this.#fetchPage = fetchPage;
  }

  #firstPage(): Promise<WithResponse<Page<Item>>> {
    this.#first ??= this.#fetchPage(undefined);
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagedList is awaited for its first page.
  then<R1 = Page<Item>, R2 = never>(
    onfulfilled?: ((value: Page<Item>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage()
      .then((page) => page.data)
      .then(onfulfilled, onrejected);
  }

  /**
   * Every item of every page, fetching pages as the loop reaches them. A page whose cursor comes
   * round again (a server that ignores `after` says `has_more` with the same `last_id` forever)
   * is a {@link ResponseValidationError}, before its items are yielded twice. The walk's code
   * loads with the first loop.
   */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const { walkPages } = await import('./page-walk.js');
    yield* walkPages(this.#firstPage(), this.#fetchPage);
  }
}
