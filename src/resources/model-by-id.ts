/**
 * One model, by its id: `GET /models/{model}` and `DELETE /models/{model}` (a fine-tuned model),
 * wherever the server has them. Loaded on first use, so that apps that never call them do not
 * bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import { ModelDeletedSchema, ModelSchema } from '../schemas/models.js';
import type { Model, ModelDeleted } from '../types/index.js';
import { callChecked, toModel } from './endpoint.js';

type Options = RequestOptions | undefined;

/** `GET /models/{model}` (or the server's own path), read as the canonical model object. */
async function retrieveModel(config: ClientConfig, id: string, options: Options) {
  const { dialect, target } = await toModel(config, 'model', 'models.retrieve', id);
  const request = { ...target, method: 'GET' } as const;
  const normalize = dialect.normalizeModel;
  return callChecked<Model>(config, request, options, ModelSchema, 'model', normalize);
}

/** `DELETE /models/{model}`: deletes a fine-tuned model of your organization. */
async function deleteModel(config: ClientConfig, id: string, options: Options) {
  const { target } = await toModel(config, 'deleteModel', 'models.delete', id);
  const request = { ...target, method: 'DELETE' } as const;
  return callChecked<ModelDeleted>(config, request, options, ModelDeletedSchema, 'deleted model');
}

/** The methods of `client.models` this module serves, under their names (lazy-methods.ts). */
export { deleteModel as delete, retrieveModel as retrieve };
