import { describe, expectTypeOf, it } from 'vitest';
import { type RequestOptions, ResponsesClient } from '../../src/index.js';

const openai = new ResponsesClient({ apiKey: 'k' });
const openrouter = new ResponsesClient({ dialect: 'openrouter' });
const karta = new ResponsesClient({ dialect: 'karta', project: 'p' });
const kawai = new ResponsesClient({ dialect: 'kawai' });
const gateway = new ResponsesClient({ dialect: 'gateway' });
const model = 'm';
const input = 'Hi';

describe('request params are closed', () => {
  it('refuses a misspelt field on every dialect', () => {
    // @ts-expect-error max_output_token is not a field (max_output_tokens is)
    void openai.responses.create({ model, input, max_output_token: 100 });
    // @ts-expect-error max_output_token is not a field
    void openrouter.responses.create({ model, input, max_output_token: 100 });
    // @ts-expect-error max_output_token is not a field
    void karta.responses.create({ input, max_output_token: 100 });
    // @ts-expect-error max_output_token is not a field
    void kawai.responses.create({ model, input, max_output_token: 100 });
    // @ts-expect-error max_output_token is not a field
    void gateway.responses.create({ model, input, max_output_token: 100 });
    // @ts-expect-error the same with stream: true
    void openai.responses.create({ model, input, stream: true, max_output_token: 100 });
  });

  it('refuses another dialect’s fields', () => {
    // @ts-expect-error top_k is Kawai's and OpenRouter's, not OpenAI's
    void openai.responses.create({ model, input, top_k: 40 });
    // @ts-expect-error provider is OpenRouter's
    void openai.responses.create({ model, input, provider: { order: ['openai'] } });
    // @ts-expect-error min_p is Kawai's
    void openrouter.responses.create({ model, input, min_p: 0.1 });
    // @ts-expect-error messages is the gateway's
    void kawai.responses.create({ model, input, messages: [] });
    // @ts-expect-error plugins is OpenRouter's
    void gateway.responses.create({ model, input, plugins: [] });
  });

  it('refuses a misspelt field inside a nested object', () => {
    // @ts-expect-error provider.ordr is not a field (order is)
    void openrouter.responses.create({ model, input, provider: { ordr: ['openai'] } });
    // @ts-expect-error reasoning.efort is not a field
    void openai.responses.create({ model, input, reasoning: { efort: 'high' } });
    // @ts-expect-error a function tool's nme is not a field
    void openai.responses.create({ model, input, tools: [{ type: 'function', nme: 'f' }] });
    void openai.responses.create({
      model,
      // @ts-expect-error an input message's contnet is not a field
      input: [{ role: 'user', contnet: 'Hi' }],
    });
  });

  it('accepts what each dialect documents', () => {
    void openai.responses.create({ model, input, max_output_tokens: 100, reasoning: {} });
    void openrouter.responses.create({ model, input, top_k: 40, provider: { order: ['a'] } });
    void kawai.responses.create({ model, input, top_k: 40, min_p: 0.05 });
    void gateway.responses.create({ model, messages: [{ role: 'user', content: 'Hi' }] });
    void karta.responses.create({ input, store: true });
  });

  it('takes output items back as input, as received', async () => {
    const response = await openai.responses.create({ model, input });
    void openai.responses.create({
      model,
      input: [...response.output, { role: 'user', content: 'And?' }],
    });
  });
});

describe('extraBody', () => {
  it('sends fields the params do not have, on purpose, on every dialect', () => {
    void openai.responses.create({ model, input }, { extraBody: { max_output_token: 100 } });
    void kawai.responses.create({ model, input }, { extraBody: { mirostat: 2 } });
    void openai.responses.create({ model, input, stream: true }, { extraBody: { top_k: 40 } });
    void openai.chat.completions.create(
      { model, messages: [{ role: 'user', content: 'Hi' }] },
      { extraBody: { logit_bias: {} } },
    );
  });

  it('is an object of any JSON fields', () => {
    expectTypeOf<RequestOptions['extraBody']>().toEqualTypeOf<
      Record<string, unknown> | undefined
    >();
    // @ts-expect-error extraBody is an object, not a string
    void openai.responses.create({ model, input }, { extraBody: 'top_k=40' });
  });
});
