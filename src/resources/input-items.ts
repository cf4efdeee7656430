/**
 * Input items: `GET /responses/{id}/input_items`, one page at a time (`PagedList` walks them).
 * Loaded on first use, so that create + stream + iterate does not bundle it.
 */
import type { ClientConfig, RequestOptions } from '../options.js';
import { InputItemListParamsSchema, ResponseItemListSchema } from '../schemas/bodies.js';
import { checkRequest, parseWire } from '../schemas/validate.js';
import { callOptions } from '../transport/call-options.js';
import { asObject, sendAndReadJSON, type WithResponse } from '../transport/send-and-read.js';
import type { InputItemListParams, ResponseItemList } from '../types/index.js';
import { dialectWith } from './prepare.js';
import { responsesPath } from './read-response.js';

/**
 * One page of a response's input items, after `page` (the page before's last item) or else
 * `params.after`; checked against the schema of a page unless the client's validation is off.
 */
async function inputItemsPage(
  config: ClientConfig,
  page: string | undefined,
  id: string,
  params: InputItemListParams = {},
  options: RequestOptions | undefined,
): Promise<WithResponse<ResponseItemList>> {
  const dialect = await dialectWith(config, 'inputItems', 'responses.inputItems.list');
  checkRequest(InputItemListParamsSchema, params, 'input items query');
  const { limit, order, include } = params;
  const after = page ?? params.after;
  const request = {
    path: responsesPath(config, dialect, id, 'input_items'),
    auth: dialect.authHeaders,
    method: 'GET',
    query: { after, limit, order, include },
  } as const;
  return sendAndReadJSON(callOptions(config.transport, options), request, (json) =>
    config.validation
      ? (parseWire(ResponseItemListSchema, json, 'input items page') as ResponseItemList)
      : (asObject(json, 'input items page') as ResponseItemList),
  );
}

/** The methods of `client.responses.inputItems.list` this module serves, under their names (lazy-methods.ts). */
export { inputItemsPage as list };
