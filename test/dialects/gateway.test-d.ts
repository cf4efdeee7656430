import { describe, expectTypeOf, it } from 'vitest';
import { type GatewayCreateParams, ResponsesClient } from '../../src/index.js';

const client = new ResponsesClient({ dialect: 'gateway' });
const model = 'gpt-4.1';

describe('a gateway client', () => {
  it('takes its create params from the gateway dialect', () => {
    expectTypeOf(client.responses.create).parameter(0).toExtend<GatewayCreateParams>();
  });

  it('accepts its own fields with their documented types', () => {
    void client.responses.create({
      model,
      messages: [
        { role: 'system', content: 'You are a math tutor.' },
        { role: 'user', content: 'What is 15 * 23?' },
      ],
    });
    void client.responses.create({
      model,
      input: 'Tell me more about that',
      conversation: 'conv_abc123',
      store: false,
      prompt_cache_key: 'user-42',
      include: ['reasoning.encrypted_content', 'web_search_call.action.sources'],
      tools: [
        { type: 'function', name: 'get_time' },
        { type: 'web_search' },
        { type: 'web_search_preview', search_context_size: 'low' },
      ],
      tool_choice: { type: 'function', name: 'get_time' },
      reasoning: { effort: 'high', summary: 'concise' },
      text: { verbosity: 'low', format: { type: 'json_object' } },
    });
  });

  it('types each field as the seed does', () => {
    expectTypeOf<GatewayCreateParams['model']>().toEqualTypeOf<string>();
    expectTypeOf<GatewayCreateParams['conversation']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<GatewayCreateParams['store']>().toEqualTypeOf<false | null | undefined>();
    expectTypeOf<GatewayCreateParams['previous_response_id']>().toEqualTypeOf<null | undefined>();
  });

  it('refuses what the gateway refuses, by type', () => {
    // @ts-expect-error model is required
    void client.responses.create({ input: 'Hi' });
    // @ts-expect-error store must be false or omitted
    void client.responses.create({ model, input: 'Hi', store: true });
    // @ts-expect-error previous_response_id is not supported: use conversation
    void client.responses.create({ model, input: 'Hi', previous_response_id: 'resp_1' });
    // @ts-expect-error truncation is not supported
    void client.responses.create({ model, input: 'Hi', truncation: 'auto' });
    // @ts-expect-error conversation is a string ID
    void client.responses.create({ model, input: 'Hi', conversation: { id: 'conv_1' } });
    // @ts-expect-error include takes only the 7 allowlisted values
    void client.responses.create({ model, input: 'Hi', include: ['web_search_call.results'] });
    void client.responses.create({
      model,
      input: 'Hi',
      // @ts-expect-error file_search is one of the unsupported tool types
      tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }],
    });
    void client.responses.create({
      model,
      // @ts-expect-error messages are system, developer, user, assistant or tool
      messages: [{ role: 'function', content: 'x' }],
    });
  });
});
