import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type KawaiCreateParams,
  RequestValidationError,
  ServiceUnavailableError,
} from '../../src/index.js';
import { REPLY as DEFAULT_REPLY } from '../helpers/fake.js';
import { clientOf, hello, kawai, model, weather, weatherTool } from './kawai-setup.js';

describe('the kawai dialect: requests', () => {
  it('sends every sampler field unchanged', async () => {
    const server = kawai();
    const samplers = {
      temperature: 0.8,
      top_k: 40,
      top_p: 0.9,
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
      enable_thinking: 'false' as const,
      reasoning_effort: 'low' as const,
      return_prompt: true,
      include_usage: true,
      logprobs: true,
      top_logprobs: 5,
      tool_choice: 'required' as const,
      parallel_tool_calls: false,
      truncation: 'auto' as const,
      store: false as const,
      instructions: 'Answer in one line.',
    };
    await clientOf(server).responses.create({ ...weather, ...samplers });
    expect(server.requests[0]?.body).toMatchObject(samplers);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it.each<[string, unknown]>([
    ['top_logprobs', 0],
    ['top_logprobs', 5],
    ...['none', 'minimal', 'low', 'medium', 'high'].map((effort): [string, unknown] => [
      'reasoning_effort',
      effort,
    ]),
    ['enable_thinking', true],
    ['enable_thinking', 'true'],
    ['xtc_min_keep', 2 ** 32 - 1],
    ['repeat_last_n', -1],
  ])('accepts %s %j, within what the seed documents', async (field, value) => {
    const server = kawai();
    await clientOf(server).responses.create({ ...hello, [field]: value } as KawaiCreateParams);
    expect(server.requests[0]?.body).toMatchObject({ [field]: value });
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('sends max_output_tokens as max_tokens and reasoning.effort as reasoning_effort', async () => {
    const server = kawai();
    await clientOf(server).responses.create({
      ...hello,
      max_output_tokens: 128,
      reasoning: { effort: 'high' },
    });
    expect(server.requests[0]?.body).toEqual({
      ...hello,
      max_tokens: 128,
      reasoning_effort: 'high',
    });
  });

  it('leaves out fields given as null (the default), which Kawai would refuse', async () => {
    const server = kawai();
    await clientOf(server).responses.create({ ...hello, instructions: null, temperature: null });
    expect(server.requests[0]?.body).toEqual(hello);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
  });

  it('leaves usage out of the final response when include_usage is false', async () => {
    const server = kawai();
    const params = { ...hello, stream: true as const, include_usage: false };
    const stream = await clientOf(server).responses.create(params);
    const final = await stream.finalResponse();
    expect(final.usage).toBeUndefined();
    expect(final.output_text).toBe(DEFAULT_REPLY);
  });

  it('works with no API key while the server has auth disabled', async () => {
    const server = kawai();
    const response = await clientOf(server, null).responses.create(hello);
    expect(response.output_text).toBe(DEFAULT_REPLY);
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('sends the token once auth is enabled, and surfaces a 401 without it', async () => {
    const server = kawai(undefined, 'secret');
    const response = await clientOf(server, 'secret').responses.create(hello);
    expect(response.output_text).toBe(DEFAULT_REPLY);
    const error = await clientOf(server, null)
      .responses.create(hello)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests.map((request) => request.status)).toEqual([200, 401]);
  });

  it('surfaces an error status with its code', async () => {
    const server = kawai([{ type: 'error', status: 503, code: 'model_loading' }]);
    const error = await clientOf(server)
      .responses.create(hello)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503, code: 'model_loading' });
  });

  const refused: [string, Record<string, unknown>, (string | number)[]][] = [
    ['a missing model', { model: undefined }, ['model']],
    ['a missing input', { input: undefined }, ['input']],
    ['top_logprobs above 5', { top_logprobs: 6 }, ['top_logprobs']],
    ['top_logprobs below 0', { top_logprobs: -1 }, ['top_logprobs']],
    ['a fractional top_logprobs', { top_logprobs: 2.5 }, ['top_logprobs']],
    ['an unknown reasoning_effort', { reasoning_effort: 'extreme' }, ['reasoning_effort']],
    ['a reasoning.effort Kawai lacks', { reasoning: { effort: 'xhigh' } }, ['reasoning', 'effort']],
    ['a tool_choice object', { tool_choice: { type: 'function', name: 'x' } }, ['tool_choice']],
    ['an unknown tool_choice', { tool_choice: 'sometimes' }, ['tool_choice']],
    ['an unknown truncation', { truncation: 'middle' }, ['truncation']],
    ['a negative xtc_min_keep', { xtc_min_keep: -1 }, ['xtc_min_keep']],
    ['an xtc_min_keep beyond uint32', { xtc_min_keep: 2 ** 32 }, ['xtc_min_keep']],
    ['a fractional top_k', { top_k: 0.5 }, ['top_k']],
    ['a repeat_last_n beyond int32', { repeat_last_n: 2 ** 31 }, ['repeat_last_n']],
    ['a fractional max_tokens', { max_tokens: 10.5 }, ['max_tokens']],
    ['a min_p above 1', { min_p: 1.5 }, ['min_p']],
    ['an xtc_probability above 1', { xtc_probability: 2 }, ['xtc_probability']],
    ['a negative xtc_threshold', { xtc_threshold: -0.1 }, ['xtc_threshold']],
    ['a string temperature', { temperature: 'hot' }, ['temperature']],
    ['a string repeat_penalty', { repeat_penalty: 'high' }, ['repeat_penalty']],
    ['a string dry_multiplier', { dry_multiplier: '0.8' }, ['dry_multiplier']],
    ['an enable_thinking of yes', { enable_thinking: 'yes' }, ['enable_thinking']],
    ['a string return_prompt', { return_prompt: 'true' }, ['return_prompt']],
    ['a numeric include_usage', { include_usage: 1 }, ['include_usage']],
    ['a string logprobs', { logprobs: 'no' }, ['logprobs']],
    ['a string stream', { stream: 'true' }, ['stream']],
    ['a web_search tool', { tools: [weatherTool, { type: 'web_search' }] }, ['tools', 1]],
    [
      'max_tokens with max_output_tokens',
      { max_tokens: 64, max_output_tokens: 64 },
      ['max_output_tokens'],
    ],
    [
      'reasoning_effort with reasoning.effort',
      { reasoning_effort: 'low', reasoning: { effort: 'low' } },
      ['reasoning', 'effort'],
    ],
  ];
  it.each(refused)('refuses %s before sending, naming the field', async (_, fields, path) => {
    const server = kawai();
    const params = { ...hello, ...fields } as KawaiCreateParams;
    const error = await clientOf(server)
      .responses.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContainEqual(
      path,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('names the refused tool type in the rule', async () => {
    const server = kawai();
    const params = { ...hello, tools: [{ type: 'web_search' }] } as unknown as KawaiCreateParams;
    await expect(clientOf(server).responses.create(params)).rejects.toThrow(
      /tools\.0: Kawai takes function tools only, not "web_search"/,
    );
  });

  it('refuses endpoints the seed does not document, before sending', async () => {
    const server = kawai();
    const client = clientOf(server);
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    // @ts-expect-error a Kawai client's type has no models; called as JavaScript would
    await expect(client.models.list()).rejects.toBeInstanceOf(RequestValidationError);
    // @ts-expect-error a Kawai client's type has no chat
    await expect(client.chat.completions.create({ model, messages })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    // @ts-expect-error a Kawai client's type has no responses.retrieve
    await expect(client.responses.retrieve('resp_1')).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(server.requests).toHaveLength(0);
  });
});
