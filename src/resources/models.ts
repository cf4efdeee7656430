/**
 * `client.models`: each method loads its module on first use, so that apps that never call it
 * do not bundle it.
 */
import type { RequestOptions } from '../options.js';
import type { Model, ModelDeleted } from '../types/index.js';
import type { APIPromise } from './api-promise.js';
import { lazyMethods, Resource } from './lazy-methods.js';
import type { PagedList } from './page.js';

/**
 * `client.models`: the models the server offers, wherever it documents `GET /models`; one model
 * by its id, and deleting one, where it has those too.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: its interface's methods are installed by lazyMethods.
export class Models extends Resource {}

export interface Models {
  /** Lists the models: `await` gives `{ data: Model[] }`; `for await` gives each model. */
  list(options?: RequestOptions): PagedList<Model>;
  /** Retrieves one model by its id (`gpt-5`; on OpenRouter, `author/slug`). */
  retrieve(id: string, options?: RequestOptions): APIPromise<Model>;
  /** Deletes a fine-tuned model of your organization. */
  delete(id: string, options?: RequestOptions): APIPromise<ModelDeleted>;
}

lazyMethods(Models, () => import('./model-list.js'), [], ['list']);
lazyMethods(Models, () => import('./model-by-id.js'), ['retrieve', 'delete']);
