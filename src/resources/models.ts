import type { ClientConfig, RequestOptions } from '../options.js';
import type { Model } from '../types/index.js';
import { PagedList } from './page.js';

/** `client.models`: the models the server offers, wherever it documents `GET /models`. */
export class Models {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Lists the models: `await` gives `{ data: Model[] }`; `for await` gives each model. */
  list(options?: RequestOptions): PagedList<Model> {
    return new PagedList(() =>
      import('./extras.js').then((m) => m.modelsPage(this.#config, options)),
    );
  }
}
