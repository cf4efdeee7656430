/**
 * `client.models`: `list` loads the models module on first use, so that apps that never call it
 * do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type { Model } from '../types/index.js';
import { PagedList } from './page.js';

/** `client.models`: the models the server offers, wherever it documents `GET /models`. */
export class Models {
  readonly #config: ClientConfig;

  /** @internal The client makes it: `client.models`. */
  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Lists the models: `await` gives `{ data: Model[] }`; `for await` gives each model. */
  list(options?: RequestOptions): PagedList<Model> {
    return new PagedList(() =>
      import('./model-list.js').then((m) => m.listModels(this.#config, options)),
    );
  }
}
