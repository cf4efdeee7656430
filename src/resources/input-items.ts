import type { WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import type { InputTokenCount, InputTokenCountParams, ResponseItemList } from '../types/index.js';
import { APIPromise } from './api-promise.js';
import { PagedList } from './page.js';

/** Query of `inputItems.list`: page size, order and extra data (pages follow by themselves). */
export interface InputItemListQuery {
  /** Items per page, 1 to 100 (default 20). */
  limit?: number | undefined;
  /** `asc` or `desc` (default). */
  order?: 'asc' | 'desc' | undefined;
  /** Extra data to include. */
  include?: readonly string[] | undefined;
}

/** An input item of a stored response, as `input_items` lists it. */
export type ResponseItem = ResponseItemList['data'][number];

/** `client.responses.inputItems`: the input items of a stored response, page by page. */
export class InputItems {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /**
   * Lists a response's input items. `for await (const item of client.responses.inputItems.list(id))`
   * walks every page; `await` gives the first page.
   */
  list(
    id: string,
    params: InputItemListQuery = {},
    options?: RequestOptions,
  ): PagedList<ResponseItem> {
    return new PagedList((after) =>
      import('./extras.js').then((m) => m.inputItemsPage(this.#config, id, params, after, options)),
    );
  }
}

/** `client.responses.inputTokens`: what a request would cost in input tokens, without running it. */
export class InputTokens {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Counts the input tokens of a request (`POST /responses/input_tokens`). */
  count(params: InputTokenCountParams, options?: RequestOptions): APIPromise<InputTokenCount> {
    return new APIPromise(
      import('./extras.js').then((m) =>
        m.countInputTokens(this.#config, params as WireObject, options),
      ),
    );
  }
}
