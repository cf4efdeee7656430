/**
 * One model, by its id: `GET /models/{model}` and `DELETE /models/{model}` (a fine-tuned model),
 * wherever the server has them. Loaded on first use, so that apps that never call them do not
 * bundle them.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import { ModelDeletedSchema, ModelSchema } from '../schemas/models.js';
import type { WithResponse } from '../transport/send-and-read.js';
import type { Model, ModelDeleted } from '../types/index.js';
import { callChecked, toModel } from './endpoint.js';

/** `GET /models/{model}` (or the server's own path), read as the canonical model object. */
export async function retrieveModel(
  config: ClientConfig,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<Model>> {
  const { dialect, target } = await toModel(config, 'model', 'models.retrieve', id);
  const request = { ...target, method: 'GET' } as const;
  return callChecked(config, request, options, ModelSchema, 'model', dialect.normalizeModel);
}

/** `DELETE /models/{model}`: deletes a fine-tuned model of your organization. */
export async function deleteModel(
  config: ClientConfig,
  id: string,
  options: RequestOptions | undefined,
): Promise<WithResponse<ModelDeleted>> {
  const { target } = await toModel(config, 'deleteModel', 'models.delete', id);
  const request = { ...target, method: 'DELETE' } as const;
  return callChecked(config, request, options, ModelDeletedSchema, 'deleted model');
}
