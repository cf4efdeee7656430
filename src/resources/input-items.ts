import type { Dialect, WireObject } from '../dialects/index.js';
import type { InputTokenCount, InputTokenCountParams, ResponseItemList } from '../schemas/index.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { encodeSegment } from '../transport/url.js';
import { APIPromise } from './api-promise.js';
import { asObject, callJSON } from './call.js';
import { type Page, PagedList } from './page.js';
import { unsupported } from './prepare.js';

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

async function loaded(
  config: ClientConfig,
  feature: keyof Dialect['features'],
  method: string,
): Promise<Dialect> {
  const dialect = await config.dialect.load();
  if (!dialect.features[feature]) throw unsupported(dialect as Dialect<unknown>, method);
  return dialect;
}

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
    const config = this.#config;
    return new PagedList(async (after) => {
      const dialect = await loaded(config, 'inputItems', 'responses.inputItems.list');
      encodeSegment(id, 'id');
      const { limit, order, include } = params;
      const path = [...dialect.paths.responses({ project: config.project }), id, 'input_items'];
      const query = { limit, order, include, after };
      const request = { method: 'GET', path, query, auth: dialect.authHeaders } as const;
      return callJSON(
        config,
        request,
        options,
        (json) => asObject(json, 'input items page') as unknown as Page<ResponseItem>,
      );
    });
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
    const config = this.#config;
    return new APIPromise(
      loaded(config, 'compact', 'responses.inputTokens.count').then((dialect) => {
        const path = [...dialect.paths.responses({ project: config.project }), 'input_tokens'];
        const request = {
          method: 'POST',
          path,
          body: { ...(params as WireObject) },
          auth: dialect.authHeaders,
        } as const;
        return callJSON(
          config,
          request,
          options,
          (json) => asObject(json, 'input token count') as InputTokenCount,
        );
      }),
    );
  }
}
