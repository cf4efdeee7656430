import { errorAnswer, jsonAnswer } from './answers.js';
import type { Wire } from './wire/wire.js';

/**
 * `GET /models/{model}` (OpenRouter's `/model/{author}/{slug}`) and `DELETE /models/{model}`:
 * the model as its server writes it, or deleted (and then no longer listed); a model not among
 * `models` is a 404 `model_not_found`, in OpenAI's words.
 */
export function answerModel(models: string[], id: string, remove: boolean, wire: Wire): Response {
  const at = models.indexOf(id);
  if (at < 0)
    return errorAnswer(wire, {
      status: 404,
      message: `The model '${id}' does not exist or you do not have access to it.`,
      code: 'model_not_found',
      type: 'invalid_request_error',
      param: null,
    });
  if (!remove) return jsonAnswer(200, wire.model?.body(id));
  models.splice(at, 1);
  return jsonAnswer(200, { id, object: 'model', deleted: true });
}
