/**
 * OpenAI's stored responses (spec paths /responses/{response_id}, …/cancel, …/input_items,
 * /responses/compact, /responses/input_tokens): what a created response leaves behind, and the
 * routes that read it.
 *
 * Assumptions where the spec is silent:
 * - A background response created without streaming stays `queued` until it is retrieved, which
 *   finishes it; cancelling it before then makes it `cancelled`. Cancelling a finished background
 *   response returns it unchanged; cancelling a non-background one answers 400.
 * - `GET /responses/{id}?stream=true` replays the stored events of any stored response.
 * - input_items: `order` defaults to `desc`; an `after` id not in the list answers 400.
 */
import { HttpResponse } from 'msw';
import type { History } from './openai-rules.js';
import { previousRule } from './openai-rules.js';
import { broken, first, jsonObject, required, typed } from './rules.js';
import {
  type Call,
  isObject,
  type Json,
  NOW,
  pathOf,
  type Route,
  type Rule,
  tokens,
} from './shared.js';
import { frame, sseResponse } from './sse.js';

/** One stored response. */
export interface Stored {
  /** What retrieve answers now. */
  response: Json;
  /** Its final state, while a background response is still queued. */
  pending: Json | undefined;
  events: Json[];
  /** Its input items, with ids, oldest first. */
  input: Json[];
  background: boolean;
  previous: string | undefined;
}

export class ResponseStore implements History {
  readonly responses = new Map<string, Stored>();

  has(id: string): boolean {
    return this.responses.has(id);
  }

  /** The items of the chain ending at `id` (inputs and outputs, oldest first). */
  chain(id: string | undefined): Json[] {
    const stored = id === undefined ? undefined : this.responses.get(id);
    if (!stored) return [];
    const final = stored.pending ?? stored.response;
    return [...this.chain(stored.previous), ...stored.input, ...((final.output ?? []) as Json[])];
  }

  callIds(id: string): string[] {
    return this.chain(id).flatMap((item) =>
      item.type === 'function_call' ? [item.call_id as string] : [],
    );
  }
}

/** Input as stored items with ids (a string is one user message). */
export function inputItems(input: unknown, id: (prefix: string) => string): Json[] {
  const list = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((item) => {
    const type = (item.type as string | undefined) ?? 'message';
    if (type !== 'message') {
      const prefix =
        type === 'function_call_output' ? 'fco' : type === 'function_call' ? 'fc' : 'item';
      return { id: item.id ?? id(prefix), ...item };
    }
    const kind = item.role === 'assistant' ? 'output_text' : 'input_text';
    const content =
      typeof item.content === 'string' ? [{ type: kind, text: item.content }] : item.content;
    return { id: item.id ?? id('msg'), type, role: item.role, status: 'completed', content };
  });
}

type Reject = (status: number, rule: Rule) => Response;

function notFound(reject: Reject, id: string): Response {
  return reject(404, broken('response.not_found', `Response with id '${id}' not found.`, null));
}

/** The routes reading the store. */
export function storeRoutes(
  baseURL: string,
  store: ResponseStore,
  reject: Reject,
  id: (prefix: string) => string,
): Route[] {
  const lookup = (call: Call) => store.responses.get(call.params.response_id ?? '');
  const finish = (stored: Stored) => {
    if (stored.pending) stored.response = stored.pending;
    stored.pending = undefined;
  };
  return [
    {
      method: 'POST',
      path: pathOf(baseURL, '/responses/compact'),
      handle: ({ body }) => {
        const rule = first(jsonObject(body), () => bodyRule(body as Json, store));
        if (rule) return reject(400, rule);
        const request = body as Json;
        const kept = [
          ...store.chain(request.previous_response_id as string | undefined),
          ...inputItems(request.input, id),
        ];
        const messages = kept.filter((item) => item.type === 'message' && item.role === 'user');
        const output = [
          ...messages.map(({ id: _, status: __, ...item }) => item),
          {
            type: 'compaction',
            id: id('cmp'),
            encrypted_content: Buffer.from(JSON.stringify(kept)).toString('base64'),
          },
        ];
        const input_tokens = tokens(kept);
        const usage = { input_tokens, output_tokens: 12, total_tokens: input_tokens + 12 };
        return HttpResponse.json({
          id: id('resp'),
          object: 'response.compaction',
          output,
          created_at: NOW,
          usage,
        });
      },
    },
    {
      method: 'POST',
      path: pathOf(baseURL, '/responses/input_tokens'),
      handle: ({ body }) => {
        const request = (body ?? {}) as Json;
        const rule = first(body === undefined ? undefined : jsonObject(body), () =>
          previousRule(request.previous_response_id, store),
        );
        if (rule) return reject(400, rule);
        const counted = [
          request.instructions,
          store.chain(request.previous_response_id as string | undefined),
          request.input,
          request.tools,
        ];
        return HttpResponse.json({
          object: 'response.input_tokens',
          input_tokens: tokens(counted),
        });
      },
    },
    {
      method: 'GET',
      path: pathOf(baseURL, '/responses/{response_id}'),
      handle: (call) => {
        const stored = lookup(call);
        if (!stored) return notFound(reject, call.params.response_id ?? '');
        finish(stored);
        if (call.query.get('stream') !== 'true') return HttpResponse.json(stored.response);
        const after = Number(call.query.get('starting_after') ?? '-1');
        if (!Number.isInteger(after)) {
          const message = "Invalid 'starting_after': expected an integer.";
          return reject(
            400,
            broken('starting_after.type', message, 'starting_after', 'invalid_type'),
          );
        }
        const events = stored.events.filter((event) => (event.sequence_number as number) > after);
        return sseResponse(events.map((event) => frame(event, event.type as string)));
      },
    },
    {
      method: 'DELETE',
      path: pathOf(baseURL, '/responses/{response_id}'),
      handle: (call) => {
        const key = call.params.response_id ?? '';
        if (!store.responses.delete(key)) return notFound(reject, key);
        return HttpResponse.json({ id: key, object: 'response', deleted: true });
      },
    },
    {
      method: 'POST',
      path: pathOf(baseURL, '/responses/{response_id}/cancel'),
      handle: (call) => {
        const stored = lookup(call);
        if (!stored) return notFound(reject, call.params.response_id ?? '');
        if (!stored.background) {
          const message = 'Only responses created with background=true can be cancelled.';
          return reject(400, broken('cancel.not_background', message, null));
        }
        if (stored.pending) {
          stored.pending = undefined;
          stored.response = { ...stored.response, status: 'cancelled', output: [], usage: null };
        }
        return HttpResponse.json(stored.response);
      },
    },
    {
      method: 'GET',
      path: pathOf(baseURL, '/responses/{response_id}/input_items'),
      handle: (call) => {
        const stored = lookup(call);
        if (!stored) return notFound(reject, call.params.response_id ?? '');
        return page(stored.input, call.query, reject);
      },
    },
  ];
}

/** A page of ResponseItemList: `{ object: 'list', data, first_id, last_id, has_more }`. */
function page(items: Json[], query: URLSearchParams, reject: Reject): Response {
  const limit = Number(query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    const message = `Invalid 'limit': expected an integer between 1 and 100, but got ${query.get('limit')} instead.`;
    return reject(400, broken('limit.range', message, 'limit', 'integer_out_of_range'));
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    const message = `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`;
    return reject(400, broken('order.enum', message, 'order', 'invalid_value'));
  }
  const ordered = order === 'asc' ? items : [...items].reverse();
  const after = query.get('after');
  const start = after === null ? 0 : ordered.findIndex((item) => item.id === after) + 1;
  if (after !== null && start === 0) {
    return reject(
      400,
      broken('after.not_found', `No item with id '${after}' in this list.`, 'after'),
    );
  }
  const data = ordered.slice(start, start + limit);
  return HttpResponse.json({
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < ordered.length,
  });
}

/** CompactResponseMethodPublicBody: model; input and previous_response_id optional. */
function bodyRule(body: Json, store: ResponseStore): Rule | undefined {
  return first(
    required(body, 'model', ['string']),
    typed(body, 'input', ['string', 'array', 'null']),
    previousRule(body.previous_response_id, store),
  );
}
