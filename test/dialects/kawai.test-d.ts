import { describe, expectTypeOf, it } from 'vitest';
import { type KawaiCreateParams, ResponsesClient } from '../../src/index.js';

const client = new ResponsesClient({ dialect: 'kawai' });
const model = 'qwen3-8b-q8_0';

describe('a kawai client', () => {
  it('takes its create params from the kawai dialect', () => {
    expectTypeOf(client.responses.create).parameter(0).toExtend<KawaiCreateParams>();
  });

  it('accepts every sampler field with its documented type', () => {
    void client.responses.create({
      model,
      input: 'Hello, how are you?',
      top_k: 40,
      min_p: 0.05,
      max_tokens: 256,
      repeat_penalty: 1.1,
      repeat_last_n: 64,
      dry_multiplier: 0.8,
      dry_base: 1.75,
      dry_allowed_length: 2,
      dry_penalty_last_n: 0,
      xtc_probability: 0.5,
      xtc_threshold: 0.1,
      xtc_min_keep: 1,
      enable_thinking: 'false',
      reasoning_effort: 'minimal',
      return_prompt: true,
      include_usage: false,
      logprobs: true,
      top_logprobs: 5,
      tool_choice: 'required',
      parallel_tool_calls: false,
      truncation: 'disabled',
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }],
    });
    void client.responses.create({ model, input: 'Hi', enable_thinking: true });
  });

  it('types each field as the seed does', () => {
    expectTypeOf<KawaiCreateParams['top_k']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<KawaiCreateParams['reasoning_effort']>().toEqualTypeOf<
      'none' | 'minimal' | 'low' | 'medium' | 'high' | undefined
    >();
    expectTypeOf<KawaiCreateParams['tool_choice']>().toEqualTypeOf<
      'auto' | 'none' | 'required' | null | undefined
    >();
    expectTypeOf<KawaiCreateParams['model']>().toEqualTypeOf<string>();
  });

  it('refuses a wrong type', () => {
    // @ts-expect-error top_k is an integer, not a string
    void client.responses.create({ model, input: 'Hi', top_k: '40' });
    // @ts-expect-error reasoning_effort is one of none, minimal, low, medium, high
    void client.responses.create({ model, input: 'Hi', reasoning_effort: 'extreme' });
    // @ts-expect-error enable_thinking is 'true', 'false' or a boolean
    void client.responses.create({ model, input: 'Hi', enable_thinking: 'yes' });
    // @ts-expect-error logprobs is a boolean
    void client.responses.create({ model, input: 'Hi', logprobs: 'true' });
    void client.responses.create({
      model,
      input: 'Hi',
      // @ts-expect-error Kawai takes tool_choice as a string only
      tool_choice: { type: 'function', name: 'f' },
    });
  });

  it('requires model and input, and takes tools in the canonical form only', () => {
    // @ts-expect-error model is required
    void client.responses.create({ input: 'Hi' });
    // @ts-expect-error input is required
    void client.responses.create({ model });
    void client.responses.create({
      model,
      input: 'Hi',
      // @ts-expect-error the nested form is what the client sends, not what it takes
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    });
    // @ts-expect-error Kawai takes function tools only
    void client.responses.create({ model, input: 'Hi', tools: [{ type: 'web_search' }] });
  });
});
