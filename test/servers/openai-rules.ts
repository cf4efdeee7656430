/**
 * OpenAI's request validation for POST /responses, from ../spec/openai-openapi.json
 * (CreateResponse) and the error wording real OpenAI uses (recorded
 * `test_openai_responses_model_http_error.1.json`). The rules that need the stored responses
 * (previous_response_id, tool outputs) take a lookup.
 */
import { allTyped, broken, first, inRange, jsonObject, oneOf, required } from './rules.js';
import { isObject, type Json, type Rule } from './shared.js';

/** IncludeEnum. */
const INCLUDE = [
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'code_interpreter_call.outputs',
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
];
/** The `type` of every member of the Tool union. */
const TOOL_TYPES = [
  'function',
  'file_search',
  'computer',
  'computer_use_preview',
  'web_search',
  'web_search_2025_08_26',
  'mcp',
  'code_interpreter',
  'programmatic_tool_calling',
  'image_generation',
  'local_shell',
  'shell',
  'custom',
  'namespace',
  'tool_search',
  'web_search_preview',
  'web_search_preview_2025_03_11',
  'apply_patch',
];

/** What the rules need to know about stored responses. */
export interface History {
  /** Whether a stored response has this id. */
  has(id: string): boolean;
  /** The call ids of the function calls in the chain ending at this response. */
  callIds(id: string): string[];
}

/** The first rule of CreateResponse the body breaks. */
export function createRule(value: unknown, history: History): Rule | undefined {
  const body = value as Json;
  return first(
    jsonObject(value),
    () => required(body, 'model', ['string']),
    () =>
      allTyped(body, {
        input: ['string', 'array'],
        instructions: ['string', 'null'],
        stream: ['boolean', 'null'],
        store: ['boolean', 'null'],
        background: ['boolean', 'null'],
        tools: ['array'],
        include: ['array', 'null'],
        previous_response_id: ['string', 'null'],
        metadata: ['object', 'null'],
        parallel_tool_calls: ['boolean', 'null'],
        user: ['string'],
      }),
    () => inRange(body, 'temperature', { min: 0, max: 2 }),
    () => inRange(body, 'top_p', { min: 0, max: 1 }),
    () => inRange(body, 'top_logprobs', { min: 0, max: 20, integer: true }),
    () => inRange(body, 'max_output_tokens', { min: 16, integer: true }),
    () => oneOf(body, 'truncation', ['auto', 'disabled', null]),
    () => oneOf(body, 'service_tier', ['auto', 'default', 'flex', 'scale', 'priority', null]),
    () => {
      const unknown = ((body.include ?? []) as unknown[]).find(
        (item) => !INCLUDE.includes(item as string),
      );
      if (unknown === undefined) return;
      const message = `Invalid value: '${String(unknown)}'. Supported values are: ${INCLUDE.map((item) => `'${item}'`).join(', ')}.`;
      return broken('include.enum', message, 'include', 'invalid_value');
    },
    () => toolsRule(body.tools),
    () => {
      if (body.conversation == null || body.previous_response_id == null) return;
      const message =
        "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.";
      return broken(
        'conversation.previous_response_id',
        message,
        null,
        'mutually_exclusive_parameters',
      );
    },
    () => {
      if (body.background !== true || body.store !== false) return;
      const message = 'Background mode requires store=true.';
      return broken('background.store', message, 'background', 'invalid_value');
    },
    () => previousRule(body.previous_response_id, history),
    () => toolOutputRule(body, history),
  );
}

function toolsRule(tools: unknown): Rule | undefined {
  if (!Array.isArray(tools)) return undefined;
  for (const [index, tool] of tools.entries()) {
    const param = `tools[${index}]`;
    const type = isObject(tool) ? tool.type : undefined;
    if (!TOOL_TYPES.includes(type as string)) {
      const message = `Invalid value: '${String(type)}'. Supported values are: ${TOOL_TYPES.map((item) => `'${item}'`).join(', ')}.`;
      return broken('tools.type', message, `${param}.type`, 'invalid_value');
    }
    if (type === 'function' && typeof (tool as Json).name !== 'string') {
      const message = `Missing required parameter: '${param}.name'.`;
      return broken('tools.function_name', message, `${param}.name`, 'missing_required_parameter');
    }
  }
  return undefined;
}

/** A previous response must exist (and have been stored). */
export function previousRule(previous: unknown, history: History): Rule | undefined {
  if (typeof previous !== 'string' || history.has(previous)) return undefined;
  const message = `Previous response with id '${previous}' not found.`;
  return broken(
    'previous_response_id.not_found',
    message,
    'previous_response_id',
    'previous_response_not_found',
  );
}

/** A function_call_output answers a function call of the input or of the previous responses. */
function toolOutputRule(body: Json, history: History): Rule | undefined {
  const input = Array.isArray(body.input) ? body.input : [];
  const previous =
    typeof body.previous_response_id === 'string' ? body.previous_response_id : undefined;
  const known = new Set(previous ? history.callIds(previous) : []);
  for (const item of input) {
    if (isObject(item) && item.type === 'function_call') known.add(item.call_id as string);
  }
  const orphan = input.find(
    (item) =>
      isObject(item) && item.type === 'function_call_output' && !known.has(item.call_id as string),
  ) as Json | undefined;
  if (!orphan) return undefined;
  const message = `No tool call found for function call output with call_id ${String(orphan.call_id)}.`;
  return broken('input.function_call_output', message, 'input');
}

/** The response fields OpenAI echoes from the request, with its defaults (recorded order). */
export function echo(body: Json): Json {
  return {
    background: body.background ?? false,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
    reasoning: body.reasoning ?? { effort: null, summary: null },
    safety_identifier: body.safety_identifier ?? null,
    service_tier: body.service_tier ?? 'auto',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_logprobs: body.top_logprobs ?? 0,
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    user: body.user ?? null,
    metadata: body.metadata ?? {},
    frequency_penalty: body.frequency_penalty ?? 0,
    presence_penalty: body.presence_penalty ?? 0,
    prompt_cache_retention: body.prompt_cache_retention ?? null,
  };
}
