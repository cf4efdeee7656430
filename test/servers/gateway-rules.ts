/**
 * The gateway's request validation, rule by rule from seed 003 (line numbers in the comments).
 * Every broken rule answers 400 with the OpenAI-compatible envelope (lines 409-417).
 */
import { allTyped, broken, first, jsonObject, oneOf, required } from './rules.js';
import { isObject, type Json, type Rule } from './shared.js';

export interface GatewayOptions {
  /** The models /v1/models lists and requests may name (default: the seed's gpt-4.1, gpt-5.2). */
  models?: string[];
  /** The API key's `allowed_models` (line 461); others answer 400 `model_not_allowed`. */
  allowedModels?: string[];
}

/** Lines 98-102. */
const SUPPORTED_TOOLS = ['function', 'web_search', 'web_search_preview'];
const UNSUPPORTED_TOOLS = [
  'file_search',
  'code_interpreter',
  'computer_use',
  'computer_use_preview',
  'image_generation',
];
/** Lines 135-142. */
const INCLUDE = [
  'code_interpreter_call.outputs',
  'computer_call_output.output.image_url',
  'file_search_call.results',
  'message.input_image.image_url',
  'message.output_text.logprobs',
  'reasoning.encrypted_content',
  'web_search_call.action.sources',
];

const code = 'invalid_request_error'; // line 419: the code for invalid request parameters

/** The first documented rule the body breaks. */
export function requestRule(
  value: unknown,
  options: GatewayOptions & { models: string[] },
): Rule | undefined {
  const body = value as Json;
  return first(
    jsonObject(value),
    () => required(body, 'model', ['string']), // line 70-72
    () => modelRule(body.model as string, options),
    () => {
      // Lines 90, 430: either input or messages, not both.
      const hasInput = body.input !== undefined;
      const hasMessages = body.messages !== undefined;
      if (hasInput && hasMessages) {
        const message = 'Provide either input or messages, not both.';
        return broken('input.messages_exclusive', message, 'messages', code);
      }
      if (!hasInput && !hasMessages) {
        return broken('input.required', 'Either input or messages is required.', 'input', code);
      }
    },
    () =>
      allTyped(body, {
        input: ['string', 'array'], // line 431
        messages: ['array'],
        instructions: ['string'],
        tools: ['array'],
        parallel_tool_calls: ['boolean'],
        reasoning: ['object'],
        text: ['object'],
        stream: ['boolean'],
        include: ['array'],
        conversation: ['string'],
        prompt_cache_key: ['string'],
        store: ['boolean'],
      }),
    () => inputRule(body.input),
    () => messagesRule(body.messages),
    () => toolsRule(body.tools),
    () => toolChoiceRule(body.tool_choice),
    () => {
      const format = isObject(body.text) ? body.text.format : undefined;
      if (!isObject(format)) return;
      const wrong = oneOf(format, 'type', ['text', 'json_object', 'json_schema']); // line 123
      return wrong && { ...wrong, rule: 'text.format.type', param: 'text.format.type' };
    },
    () => {
      // Lines 133-143, 449-452: only allowlisted include values.
      const unknown = ((body.include ?? []) as unknown[]).find(
        (item) => !INCLUDE.includes(item as string),
      );
      if (unknown === undefined) return;
      return broken(
        'include.unknown',
        `Unknown include value: '${String(unknown)}'.`,
        'include',
        code,
      );
    },
    () => {
      // Lines 146, 441: conversation cannot be used with previous_response_id.
      if (body.conversation === undefined || body.previous_response_id === undefined) return;
      const message = 'Cannot provide both conversation and previous_response_id.';
      return broken('conversation.previous_response_id', message, 'previous_response_id', code);
    },
    () => {
      // Lines 147-149, 442: previous_response_id is not supported.
      if (body.previous_response_id === undefined) return;
      const message = 'previous_response_id is not supported. Use conversation instead.';
      return broken('previous_response_id.unsupported', message, 'previous_response_id', code);
    },
    () => {
      // Lines 150-153, 444-447: store must be false or omitted.
      if (body.store !== true) return;
      return broken('store.true', 'store must be false or omitted.', 'store', code);
    },
    () => {
      // Lines 154-156, 454-457: truncation is not supported; any value returns an error.
      if (body.truncation === undefined) return;
      return broken('truncation.unsupported', 'truncation is not supported.', 'truncation', code);
    },
  );
}

/** Line 73: a slug from /v1/models; lines 461-468: the key's allowed_models. */
function modelRule(
  model: string,
  options: GatewayOptions & { models: string[] },
): Rule | undefined {
  if (!options.models.includes(model)) {
    const message = `The model '${model}' does not exist. Check available models at /v1/models.`;
    return broken('model.unknown', message, 'model', 'model_not_found');
  }
  if (options.allowedModels && !options.allowedModels.includes(model)) {
    const message = `This API key does not have access to model '${model}'`;
    return { rule: 'model.not_allowed', message, param: null, code: 'model_not_allowed' };
  }
  return undefined;
}

/** Lines 80-84, 432: input item roles; input_file.file_id is rejected. */
function inputRule(input: unknown): Rule | undefined {
  if (!Array.isArray(input)) return undefined;
  for (const [index, item] of input.entries()) {
    const param = `input[${index}]`;
    if (!isObject(item)) return broken('input.item', `${param} must be an object.`, param, code);
    if (item.role !== undefined && !['user', 'assistant', 'tool'].includes(item.role as string)) {
      const message = `${param}.role must be "user", "assistant", or "tool" (use instructions for system text).`;
      return broken('input.role', message, `${param}.role`, code);
    }
    const parts = Array.isArray(item.content) ? item.content : [];
    if (
      [item, ...parts].some(
        (part) => isObject(part) && part.type === 'input_file' && part.file_id !== undefined,
      )
    ) {
      const message = 'input_file.file_id is not supported.';
      return broken('input.file_id', message, `${param}.file_id`, code);
    }
  }
  return undefined;
}

/** Line 90: chat-formatted messages; system/developer become instructions. */
function messagesRule(messages: unknown): Rule | undefined {
  if (!Array.isArray(messages)) return undefined;
  const roles = ['system', 'developer', 'user', 'assistant', 'tool'];
  const bad = messages.findIndex((item) => !isObject(item) || !roles.includes(item.role as string));
  if (bad < 0) return undefined;
  const message = `messages[${bad}] must be a message with a role (${roles.join(', ')}).`;
  return broken('messages.item', message, `messages[${bad}]`, code);
}

/** Lines 92-102, 434-437: supported tool types; function tools carry their name. */
function toolsRule(tools: unknown): Rule | undefined {
  if (!Array.isArray(tools)) return undefined;
  for (const [index, tool] of tools.entries()) {
    const param = `tools[${index}]`;
    const type = isObject(tool) ? tool.type : undefined;
    if (UNSUPPORTED_TOOLS.includes(type as string)) {
      return broken(
        'tools.unsupported',
        `Tool type '${String(type)}' is not supported.`,
        param,
        code,
      );
    }
    if (!SUPPORTED_TOOLS.includes(type as string)) {
      return broken('tools.unknown', `Unknown tool type '${String(type)}'.`, param, code);
    }
    if (type === 'function' && typeof (tool as Json).name !== 'string') {
      const message = `${param}.name is required for function tools.`;
      return broken('tools.function_name', message, `${param}.name`, code);
    }
  }
  return undefined;
}

/** Lines 103-109: "none" | "auto" | "required" | { type, name }. */
function toolChoiceRule(choice: unknown): Rule | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string' && ['none', 'auto', 'required'].includes(choice)) return undefined;
  if (isObject(choice) && typeof choice.type === 'string') return undefined;
  const message = 'tool_choice must be "none", "auto", "required", or {"type": …, "name": …}.';
  return broken('tool_choice.invalid', message, 'tool_choice', code);
}
