/**
 * Lenient on what comes back, strict on what is sent: each field real servers send differently
 * from the spec is accepted in what comes back (the corpus case that shows it is named in the
 * schema), and still refused in a request where the request side has no such evidence.
 */
import { describe, expect, it } from 'vitest';
import {
  ChatCompletionChunkSchema,
  ChatCompletionCreateParamsSchema,
  checkRequest,
  deepValidation,
  envelopeValidation,
  parseWire,
} from '../../src/schemas/index.js';

const policies = [
  ['the default validation', envelopeValidation],
  ['deepValidation', deepValidation],
] as const;

const schema = { type: 'object', properties: { city: { type: 'string' } } };
/** A finished response echoing these settings. */
const response = (settings: Record<string, unknown>) => ({
  id: 'resp_1',
  object: 'response',
  status: 'completed',
  output: [],
  ...settings,
});
const ask = { model: 'm', input: 'hi' };

describe.each(policies)('what comes back, under %s', (_name, validation) => {
  it('takes a JSON Schema format echoed with description: null (OpenAI, Bedrock)', () => {
    const format = { type: 'json_schema', name: 'City', schema, description: null, strict: true };
    const echoed = response({ text: { format, verbosity: 'medium' } });
    expect(parseWire(validation.response, echoed, 'response')).toEqual(echoed);
    const created = { type: 'response.created', sequence_number: 0, response: echoed };
    expect(validation.event(created)).toEqual(created);
  });

  it('takes a JSON Schema format echoed without its name (xAI)', () => {
    const echoed = response({ text: { format: { type: 'json_schema', schema } } });
    expect(parseWire(validation.response, echoed, 'response')).toEqual(echoed);
  });

  it('still refuses an echoed format whose description is not a string', () => {
    const echoed = response({ text: { format: { type: 'json_schema', schema, description: 5 } } });
    expect(() => parseWire(validation.response, echoed, 'response')).toThrow(
      'text.format.description: expected a string, got 5',
    );
  });

  it('takes echoed tools with the nulls OpenAI and DeepSeek send for fields left out', () => {
    const echoed = response({
      tools: [
        {
          type: 'mcp',
          server_label: 'deepwiki',
          server_url: null,
          server_description: null,
          connector_id: 'connector_googlecalendar',
          headers: null,
          allowed_tools: null,
          require_approval: 'never',
        },
        { type: 'web_search', search_context_size: null, user_location: null },
        { type: 'web_search_preview', search_context_size: null },
      ],
    });
    expect(parseWire(validation.response, echoed, 'response')).toEqual(echoed);
  });
});

describe('what is sent', () => {
  it('refuses a JSON Schema format without a name, or with description: null', () => {
    for (const validation of [envelopeValidation, deepValidation]) {
      expect(() =>
        checkRequest(validation.request, {
          ...ask,
          text: { format: { type: 'json_schema', schema } },
        }),
      ).toThrow('text.format.name: expected a string, got undefined');
      expect(() =>
        checkRequest(validation.request, {
          ...ask,
          text: { format: { type: 'json_schema', name: 'City', schema, description: null } },
        }),
      ).toThrow('text.format.description: expected a string, got null');
    }
  });

  it('refuses, with deepValidation, a null that only responses have been seen to carry', () => {
    const mcp = { type: 'mcp', server_label: 'deepwiki', server_description: null };
    expect(() => checkRequest(deepValidation.request, { ...ask, tools: [mcp] })).toThrow(
      'tools.0.server_description: expected a string, got null',
    );
    const search = { type: 'web_search', search_context_size: null };
    expect(() => checkRequest(deepValidation.request, { ...ask, tools: [search] })).toThrow(
      /tools\.0\.search_context_size: expected "low" or "medium" or "high", got null/,
    );
  });

  it('takes back, with deepValidation, reasoning, tool search output and added tools without id', () => {
    const input = [
      { role: 'user', content: 'Weather?' },
      { type: 'reasoning', summary: [], encrypted_content: 'gAAAA' },
      { type: 'tool_search_output', call_id: 'call_1', execution: 'client', tools: [] },
      { type: 'additional_tools', role: 'developer', tools: [{ type: 'function', name: 'f' }] },
    ];
    expect(checkRequest(deepValidation.request, { ...ask, input })).toMatchObject({ input });
  });

  it('names the field of an item given back that breaks its own rule', () => {
    const input = [{ type: 'reasoning', summary: 'none' }];
    expect(() => checkRequest(deepValidation.request, { ...ask, input })).toThrow(
      'input.0.summary: expected an array, got "none"',
    );
  });
});

describe('chat completions', () => {
  const messages = [{ role: 'user', content: 'hi' }];

  it('take the nulls Hugging Face’s router and Together accept for fields left unset', () => {
    const params = {
      model: 'm',
      messages: [{ role: 'user', content: 'hi', name: null, tool_calls: null }],
      tools: null,
      tool_choice: null,
      response_format: null,
    };
    expect(checkRequest(ChatCompletionCreateParamsSchema, params)).toEqual(params);
  });

  it('take a tool without type, which Mistral accepts', () => {
    const tools = [{ function: { name: 'get_file', parameters: {} } }];
    expect(checkRequest(ChatCompletionCreateParamsSchema, { messages, tools })).toMatchObject({
      tools,
    });
  });

  it('read a streamed delta whose content is typed parts (Mistral’s thinking)', () => {
    const chunk = {
      object: 'chat.completion.chunk',
      choices: [
        {
          index: 0,
          delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'The' }] }] },
        },
      ],
    };
    expect(parseWire(ChatCompletionChunkSchema, chunk, 'chunk')).toEqual(chunk);
  });
});
