import type { ValidationIssue } from '../errors.js';
import { asText, isObject, withoutNulls } from '../json.js';
import { type GatewayCreateParams, GatewayParamsSchema } from '../schemas/dialects/gateway.js';
import { builtIn } from './catalog.js';
import { defineDialect, type EventNormalizer, type WireObject } from './dialect.js';
import { SparseStream } from './sparse-events.js';

/** The gateway's API reference: "web_search_preview normalized to web_search". */
const webSearch = (tool: unknown): unknown =>
  isObject(tool) && tool.type === 'web_search_preview' ? { ...tool, type: 'web_search' } : tool;

/** The rules the gateway's API reference documents that are not types. */
function rules(params: GatewayCreateParams): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // "Either input or messages required (not both)".
  if (params.input != null && params.messages != null)
    issues.push({ path: ['messages'], message: 'give input or messages, not both' });
  if (params.input == null && params.messages == null)
    issues.push({ path: ['input'], message: 'the gateway requires input or messages' });
  if (!Array.isArray(params.input)) return issues;
  for (const [index, item] of (params.input as unknown[]).entries()) {
    if (!isObject(item)) continue;
    // Input items' role: "user", "assistant", or "tool".
    if (item.role === 'system' || item.role === 'developer')
      issues.push({
        path: ['input', index, 'role'],
        message: `the gateway takes user, assistant or tool messages in input, not ${item.role}: use instructions`,
      });
    // "input_file.file_id is rejected".
    const parts = Array.isArray(item.content) ? (item.content as unknown[]) : [];
    for (const [at, part] of parts.entries()) {
      if (isObject(part) && part.type === 'input_file' && part.file_id != null)
        issues.push({
          path: ['input', index, 'content', at, 'file_id'],
          message: 'the gateway does not support input_file.file_id: send file_data or file_url',
        });
    }
  }
  return issues;
}

/** Nulls left out, web search tools (and a tool choice naming one) sent as `web_search`. */
function mapRequest(params: GatewayCreateParams): WireObject {
  const body = withoutNulls(params as WireObject);
  if (Array.isArray(body.tools)) body.tools = body.tools.map(webSearch);
  if (body.tool_choice !== undefined) body.tool_choice = webSearch(body.tool_choice);
  return body;
}

/** Events that say nothing of the output, so do not end a call being streamed. */
const progress = new Set(['response.created', 'response.queued', 'response.in_progress']);

/** A function call being streamed, as one canonical output item. */
interface OpenCall {
  id: string;
  index: number;
  call_id: string;
  name: string;
  arguments: string;
}

/**
 * The gateway's events are sparse (`sparseEvents` fills ids, indexes and sequence numbers), and
 * a tool call streams as `response.function_call.delta` fragments (`call_id`, `name`,
 * `arguments`): the first fragment of a call opens a `function_call` item, each fragment is an
 * arguments delta of it, and the call is closed before the next item or the terminal event.
 */
function gatewayEvents(): EventNormalizer {
  const sparse = new SparseStream();
  let call: OpenCall | undefined;
  const emit = (event: WireObject): WireObject[] => [sparse.normalize(event)].flat();
  const item = (open: OpenCall, status: string): WireObject => ({
    type: 'function_call',
    id: open.id,
    call_id: open.call_id,
    name: open.name,
    arguments: status === 'completed' ? open.arguments : '',
    status,
  });
  const close = (): WireObject[] => {
    const open = call;
    if (!open) return [];
    call = undefined;
    const at = { item_id: open.id, output_index: open.index };
    return [
      {
        type: 'response.function_call_arguments.done',
        ...at,
        name: open.name,
        arguments: open.arguments,
      },
      {
        type: 'response.output_item.done',
        output_index: open.index,
        item: item(open, 'completed'),
      },
    ].flatMap(emit);
  };
  const fragment = (event: WireObject): WireObject[] => {
    const callId = asText(event.call_id);
    const delta = typeof event.arguments === 'string' ? event.arguments : '';
    const opening: WireObject[] = [];
    if (call?.call_id !== callId) {
      opening.push(...close());
      const index = sparse.nextIndex;
      const id = sparse.idFor('fc', index);
      call = { id, index, call_id: callId, name: asText(event.name), arguments: '' };
      opening.push(
        ...emit({
          type: 'response.output_item.added',
          output_index: index,
          item: item(call, 'in_progress'),
        }),
      );
    }
    call.arguments += delta;
    const at = { item_id: call.id, output_index: call.index };
    return [...opening, ...emit({ type: 'response.function_call_arguments.delta', ...at, delta })];
  };
  return (event) => {
    if (event.type === 'response.function_call.delta') return fragment(event);
    // A call stays open through progress events; anything else follows it.
    const closing = progress.has(asText(event.type)) ? [] : close();
    // An added item is a new one: it takes the next index, not the open message's.
    const added =
      event.type === 'response.output_item.added' && typeof event.output_index !== 'number'
        ? { ...event, output_index: sparse.nextIndex }
        : event;
    return [...closing, ...emit(added)];
  };
}

/**
 * The OpenAI-compatible gateway (its API reference): `POST /v1/responses` and `GET /v1/models`,
 * bearer auth, state kept by `conversation`. Requests breaking its validation rules are refused
 * before they are sent; its sparse events and tool-call deltas become the canonical events.
 */
export const gateway = defineDialect<GatewayCreateParams>({
  ...builtIn('gateway'),
  paths: { responses: () => ['responses'], models: () => ['models'] },
  request: {
    // Messages go as the gateway's reference documents input items (`role`, `content`), without
    // `type`.
    params: GatewayParamsSchema,
    rules,
    mapRequest,
  },
  eventNormalizer: gatewayEvents,
});
