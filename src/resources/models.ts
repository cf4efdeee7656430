/**
 * `client.models`: each method loads its module on first use, so that apps that never call it
 * do not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import type { Model, ModelDeleted } from '../types/index.js';
import { APIPromise } from './api-promise.js';
import { PagedList } from './page.js';

/**
 * `client.models`: the models the server offers, wherever it documents `GET /models`; one model
 * by its id, and deleting one, where it has those too.
 */
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

  /** Retrieves one model by its id (`gpt-5`; on OpenRouter, `author/slug`). */
  retrieve(id: string, options?: RequestOptions): APIPromise<Model> {
    return new APIPromise(
      import('./model-by-id.js').then((m) => m.retrieveModel(this.#config, id, options)),
    );
  }

  /** Deletes a fine-tuned model of your organization. */
  delete(id: string, options?: RequestOptions): APIPromise<ModelDeleted> {
    return new APIPromise(
      import('./model-by-id.js').then((m) => m.deleteModel(this.#config, id, options)),
    );
  }
}
