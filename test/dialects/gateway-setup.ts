/** What the gateway dialect's test files share: a fake gateway, a client of it, its reference's examples. */
import { type GatewayCreateParams, ResponsesClient } from '../../src/index.js';
import { createFakeServer, type Turn, type TurnFunction } from '../../src/testing/index.js';
import { REPLY } from '../helpers/fake.js';

/** The models of its reference's examples ("gpt-4.1", "gpt-5.2"). */
export const GATEWAY_MODELS = ['gpt-4.1', 'gpt-5.2'];
export const basic = { model: 'gpt-4.1', input: 'Explain quantum entanglement in simple terms' };
export const timeTool = {
  type: 'function' as const,
  name: 'get_time',
  description: 'Get current time for a timezone',
  parameters: {
    type: 'object',
    properties: { timezone: { type: 'string', description: 'IANA timezone name' } },
    required: ['timezone'],
  },
};
export const tokyo = {
  model: 'gpt-4.1',
  input: 'What is the current time in Tokyo?',
  tools: [timeTool],
};
export const call = { name: 'get_time', arguments: '{"timezone":"Asia/Tokyo"}', callId: 'call_1' };

/**
 * A fake gateway at its documented URL, which requires the key `gw-key` and knows the models of
 * its examples, playing `turns` (the reply, every time, by default); and a client of it that
 * sends `apiKey` (`gw-key` by default, `null` for none).
 */
export function setup(
  turns: Turn[] | TurnFunction = () => REPLY,
  options: { apiKey?: string | null } = {},
) {
  const server = createFakeServer({
    dialect: 'gateway',
    baseURL: 'https://api.example.com/v1',
    apiKey: 'gw-key',
    models: GATEWAY_MODELS,
    turns,
  });
  const client = new ResponsesClient({
    dialect: 'gateway',
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
    apiKey: options.apiKey === null ? undefined : (options.apiKey ?? 'gw-key'),
  });
  return { server, client };
}

export const types = (events: Record<string, unknown>[]) => events.map((event) => event.type);

/** Its reference's "Examples": every curl example that answers with text. */
export const languages = {
  type: 'array',
  items: {
    type: 'object',
    properties: { name: { type: 'string' }, use_case: { type: 'string' } },
    required: ['name', 'use_case'],
  },
};
export const examples = Object.entries<GatewayCreateParams & { stream?: false }>({
  'basic text': basic,
  'with instructions': {
    model: 'gpt-4.1',
    instructions: 'You are a helpful coding assistant. Provide concise answers with code examples.',
    input: 'How do I sort a list in Python?',
  },
  'structured input with messages': {
    model: 'gpt-4.1',
    messages: [
      { role: 'system', content: 'You are a math tutor.' },
      { role: 'user', content: 'What is 15 * 23?' },
    ],
  },
  'web search': {
    model: 'gpt-4.1',
    input: 'What are the latest developments in fusion energy?',
    tools: [{ type: 'web_search' }],
  },
  'reasoning with summary': {
    model: 'gpt-5.2',
    input: 'Solve this complex math problem: ...',
    reasoning: { effort: 'high', summary: 'concise' },
  },
  'JSON output format': {
    model: 'gpt-4.1',
    input: 'List 3 programming languages with their use cases',
    text: {
      format: {
        type: 'json_schema',
        name: 'languages',
        schema: { type: 'object', properties: { languages } },
        strict: true,
      },
    },
  },
  'conversation context': {
    model: 'gpt-4.1',
    input: 'Tell me more about that',
    conversation: 'conv_abc123',
  },
});
