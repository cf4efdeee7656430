import type { Dialect } from '../dialects/index.js';
import { type Model, type ModelsPage, ModelsPageSchema, parseWire } from '../schemas/index.js';
import type { ClientConfig, RequestOptions } from '../transport/config.js';
import { callJSON } from './call.js';
import { PagedList } from './page.js';
import { unsupported } from './prepare.js';

/** `client.models`: the models the server offers, wherever it documents `GET /models`. */
export class Models {
  readonly #config: ClientConfig;

  constructor(config: ClientConfig) {
    this.#config = config;
  }

  /** Lists the models: `await` gives `{ data: Model[] }`; `for await` gives each model. */
  list(options?: RequestOptions): PagedList<Model> {
    const config = this.#config;
    return new PagedList(async () => {
      const dialect: Dialect = await config.dialect.load();
      const path = dialect.paths.models;
      if (!path) throw unsupported(dialect as Dialect<unknown>, 'models.list');
      const request = {
        method: 'GET',
        path: path({ project: config.project }),
        auth: dialect.authHeaders,
      } as const;
      return callJSON(
        config,
        request,
        options,
        (json) =>
          (config.validation
            ? parseWire(ModelsPageSchema, json, 'models list')
            : json) as ModelsPage,
      );
    });
  }
}
