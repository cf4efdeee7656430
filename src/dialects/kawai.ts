import type { ValidationIssue } from '../errors.js';
import { asText, isObject, withoutNulls } from '../json.js';
import { type KawaiCreateParams, KawaiParamsSchema } from '../schemas/dialects/kawai.js';
import { builtIn } from './catalog.js';
import { defineDialect, type EventNormalizer, type WireObject } from './dialect.js';
import { SparseStream } from './sparse-events.js';

/** A canonical function tool in Kawai's nested form (its API reference, "With tools"). */
function nested(tool: unknown): WireObject {
  const { type, ...fn } = withoutNulls(tool as WireObject);
  return { type, function: fn };
}

/** The same field given twice, in its canonical name and in Kawai's. */
const twice = (path: string[], kawaiField: string): ValidationIssue => ({
  path,
  message: `give ${kawaiField} or ${path.join('.')}, not both (Kawai takes ${kawaiField})`,
});

/**
 * Maps a canonical request to Kawai's body: text input becomes one user message (Kawai's
 * reference's `input` is an array of messages), function tools are nested under `function`, and
 * `max_output_tokens` and `reasoning.effort` are sent as Kawai's `max_tokens` and
 * `reasoning_effort`. Its samplers are sent unchanged.
 */
function mapRequest(params: KawaiCreateParams): WireObject {
  const { input, tools, max_output_tokens, reasoning, ...rest } = withoutNulls(
    params as WireObject,
  );
  const body: WireObject = { ...rest };
  body.input = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
  if (Array.isArray(tools)) body.tools = tools.map(nested);
  if (max_output_tokens !== undefined) body.max_tokens = max_output_tokens;
  if (isObject(reasoning)) {
    const { effort, ...other } = withoutNulls(reasoning);
    if (effort !== undefined) body.reasoning_effort = effort;
    if (Object.keys(other).length > 0) body.reasoning = other;
  }
  return body;
}

/**
 * Kawai's events are sparse (no item ids, indexes or sequence numbers: `sparseEvents` fills them),
 * and a tool call arrives whole in one `response.output_item.added` (Kawai's reference shows no
 * argument events): it is spread into the canonical added, arguments delta and done, and item done
 * events.
 */
function kawaiEvents(): EventNormalizer {
  const sparse = new SparseStream();
  const emit = (event: WireObject): WireObject[] => [sparse.normalize(event)].flat();
  return (event) => {
    if (event.type !== 'response.output_item.added') return sparse.normalize(event);
    // An added item is a new one: it takes the next index, not the open message's.
    const output_index =
      typeof event.output_index === 'number' ? event.output_index : sparse.nextIndex;
    const item = event.item;
    if (!isObject(item) || item.type !== 'function_call' || item.status === 'in_progress')
      return emit({ ...event, output_index });
    const args = typeof item.arguments === 'string' ? item.arguments : '';
    const done = { ...item, id: item.id ?? `fc_${asText(item.call_id)}`, arguments: args };
    const at = { item_id: done.id, output_index };
    return [
      {
        type: 'response.output_item.added',
        output_index,
        item: { ...done, status: 'in_progress', arguments: '' },
      },
      { type: 'response.function_call_arguments.delta', ...at, delta: args },
      { type: 'response.function_call_arguments.done', ...at, name: item.name, arguments: args },
      {
        type: 'response.output_item.done',
        output_index,
        item: { ...done, status: item.status ?? 'completed' },
      },
    ].flatMap(emit);
  };
}

/**
 * Kawai (its Responses API reference): `POST /responses`, llama.cpp-style samplers typed and
 * range-checked, auth optional, and no server-side state (every turn replays the history). No
 * retrieve, models or chat completions path: its reference documents none.
 */
export const kawai = defineDialect<KawaiCreateParams>({
  ...builtIn('kawai'),
  paths: { responses: () => ['responses'] },
  request: {
    // Messages go without `type`: Kawai's reference says input is "the same format as chat
    // messages".
    params: KawaiParamsSchema,
    rules: (params) => [
      ...(params.max_tokens != null && params.max_output_tokens != null
        ? [twice(['max_output_tokens'], 'max_tokens')]
        : []),
      ...(params.reasoning_effort != null && params.reasoning?.effort != null
        ? [twice(['reasoning', 'effort'], 'reasoning_effort')]
        : []),
    ],
    mapRequest,
  },
  eventNormalizer: kawaiEvents,
});
