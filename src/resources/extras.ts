/**
 * The endpoints most apps never call: input item pages, input token counts, compaction and the
 * models list. Their resources load this module on first use, so that create + stream + iterate
 * does not bundle it.
 */
import type { Dialect, WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import { ModelsPageSchema, parseWire } from '../schemas/index.js';
import { callJSON } from '../transport/answer.js';
import { callOptions } from '../transport/call-options.js';
import { encodeSegment } from '../transport/url.js';
import type { CompactedResponse, InputTokenCount, ModelsPage } from '../types/index.js';
import type { WithResponse } from './api-promise.js';
import { asObject } from './call.js';
import type { InputItemListQuery, ResponseItem } from './input-items.js';
import type { Page } from './page.js';
import { requireFeature, unsupported } from './prepare.js';

async function loaded(
  config: ClientConfig,
  feature: keyof Dialect['features'],
  method: string,
): Promise<Dialect> {
  const dialect = await config.dialect.load();
  requireFeature(dialect, feature, method);
  return dialect;
}

const responsesPath = (config: ClientConfig, dialect: Dialect, ...below: string[]) => [
  ...dialect.paths.responses(config.context),
  ...below,
];

/** One page of `GET /responses/{id}/input_items`, after the `after` cursor. */
export async function inputItemsPage(
  config: ClientConfig,
  id: string,
  { limit, order, include }: InputItemListQuery,
  after: string | undefined,
  options: RequestOptions | undefined,
): Promise<WithResponse<Page<ResponseItem>>> {
  const dialect = await loaded(config, 'inputItems', 'responses.inputItems.list');
  encodeSegment(id, 'id');
  const request = {
    method: 'GET',
    path: responsesPath(config, dialect, id, 'input_items'),
    query: { limit, order, include, after },
    auth: dialect.authHeaders,
  } as const;
  return callJSON(
    callOptions(config.transport, options),
    request,
    (json) => asObject(json, 'input items page') as unknown as Page<ResponseItem>,
  );
}

/** A `POST` below the responses collection whose answer is a JSON object. */
async function postBelowResponses<T>(
  config: ClientConfig,
  method: string,
  below: string,
  params: WireObject,
  options: RequestOptions | undefined,
): Promise<WithResponse<T>> {
  const dialect = await loaded(config, 'compact', method);
  const request = {
    method: 'POST',
    path: responsesPath(config, dialect, below),
    body: { ...params },
    auth: dialect.authHeaders,
  } as const;
  return callJSON(
    callOptions(config.transport, options),
    request,
    (json) => asObject(json, method) as T,
  );
}

/** `POST /responses/input_tokens`. */
export const countInputTokens = (
  config: ClientConfig,
  params: WireObject,
  options: RequestOptions | undefined,
) =>
  postBelowResponses<InputTokenCount>(
    config,
    'responses.inputTokens.count',
    'input_tokens',
    params,
    options,
  );

/** `POST /responses/compact`. */
export const compactResponse = (
  config: ClientConfig,
  params: WireObject,
  options: RequestOptions | undefined,
) => postBelowResponses<CompactedResponse>(config, 'responses.compact', 'compact', params, options);

/** `GET /models`. */
export async function modelsPage(
  config: ClientConfig,
  options: RequestOptions | undefined,
): Promise<WithResponse<ModelsPage>> {
  const dialect: Dialect = await config.dialect.load();
  const path = dialect.paths.models;
  if (!path) throw unsupported(dialect, 'models.list');
  const request = {
    method: 'GET',
    path: path(config.context),
    auth: dialect.authHeaders,
  } as const;
  return callJSON(
    callOptions(config.transport, options),
    request,
    (json) =>
      (config.validation ? parseWire(ModelsPageSchema, json, 'models list') : json) as ModelsPage,
  );
}
