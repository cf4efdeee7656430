/**
 * The models a server offers: `GET /models`, wherever the server documents it. Loaded on first
 * use, so that apps that never call it do not bundle it.
 */
import type { Dialect } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import { ModelsPageSchema } from '../schemas/models.js';
import { parseWire } from '../schemas/validate.js';
import { callOptions } from '../transport/call-options.js';
import { asObject, sendAndReadJSON, type WithResponse } from '../transport/send-and-read.js';
import type { ModelsPage } from '../types/index.js';
import { unsupported } from './prepare.js';

/** `GET /models` (one page: `after` is not used), checked against the schema of the list unless the client's validation is off. */
async function listModels(
  config: ClientConfig,
  _after: string | undefined,
  options: RequestOptions | undefined,
): Promise<WithResponse<ModelsPage>> {
  const dialect: Dialect = await config.dialect.load();
  const path = dialect.paths.models;
  if (!path) throw unsupported(dialect, 'models.list');
  const request = { method: 'GET', path: path(config.context), auth: dialect.authHeaders } as const;
  return sendAndReadJSON(callOptions(config.transport, options), request, (json) =>
    config.validation
      ? (parseWire(ModelsPageSchema, json, 'models list') as ModelsPage)
      : (asObject(json, 'models list') as ModelsPage),
  );
}

/** The methods of `client.models.list` this module serves, under their names (lazy-methods.ts). */
export { listModels as list };
