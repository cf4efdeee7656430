import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import {
  deepValidation,
  envelopeValidation,
  RequestValidationError,
  ResponsesClient,
  ResponseValidationError,
} from '../../src/index.js';
import { checkRequest, parseWire } from '../../src/schemas/index.js';

/** The error a client throws for these params, with the fetch it never called. */
async function refusal(
  params: Record<string, unknown>,
  dialect: 'openai' | 'openrouter' = 'openai',
) {
  const fetch = vi.fn(async () => Response.json({}));
  const client = new ResponsesClient({ apiKey: 'k', dialect, fetch, maxRetries: 0 });
  const error = await client.responses.create(params as never).catch((e: unknown) => e);
  expect(fetch).not.toHaveBeenCalled();
  expect(error).toBeInstanceOf(RequestValidationError);
  return (error as RequestValidationError).message;
}

/** The message `parseWire` throws for a value, as a ResponseValidationError. */
function unexpected(schema: z.core.$ZodType, value: unknown, what = 'response') {
  try {
    parseWire(schema, value, what);
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseValidationError);
    return (error as ResponseValidationError).message;
  }
  throw new Error('expected a ResponseValidationError');
}

const ask = { model: 'm', input: 'hi' };

describe('RequestValidationError messages', () => {
  it('say the range expected and the number that came', async () => {
    expect(await refusal({ ...ask, temperature: 3 })).toBe(
      'Invalid request: temperature: expected a number from 0 to 2, got 3',
    );
  });

  it('say the type expected of a missing field, and that nothing came', async () => {
    expect(await refusal({ ...ask, tools: [{ type: 'function' }] })).toBe(
      'Invalid request: tools.0.name: expected a string, got undefined',
    );
  });

  it('list the values a field takes and quote the string that came', async () => {
    expect(await refusal({ model: 'm', input: [{ role: 'bogus', content: 5 }] })).toBe(
      'Invalid request: input.0.role: expected "user" or "assistant" or "system" or "developer", got "bogus"; ' +
        'input.0.content: expected a string or an array, got 5',
    );
  });

  it('name what each member of a union takes', async () => {
    expect(await refusal({ ...ask, tool_choice: 'sometimes' })).toBe(
      'Invalid request: tool_choice: expected "none" or "auto" or "required" or an object, got "sometimes"',
    );
    expect(await refusal({ model: 'm', input: [5] })).toBe(
      'Invalid request: input.0: expected an object, got 5',
    );
  });

  it('give the kind of a long string, an array or an object instead of quoting it', async () => {
    expect(
      await refusal({ ...ask, safety_identifier: 'x'.repeat(65), metadata: { n: 1 }, tools: {} }),
    ).toBe(
      'Invalid request: tools: expected an array, got an object; ' +
        'metadata: expected an object of strings, got an object',
    );
    expect(await refusal({ ...ask, max_output_tokens: 8, safety_identifier: 'x'.repeat(65) })).toBe(
      'Invalid request for openai: max_output_tokens: expected a number >= 16, got 8; ' +
        'safety_identifier: expected a length of at most 64, got 65 characters',
    );
  });

  it('name the known values of a discriminated union and the one that came', async () => {
    const message = await refusal(
      { ...ask, stop_server_tools_when: [{ type: 'never' }] },
      'openrouter',
    );
    expect(message).toBe(
      'Invalid request for openrouter: stop_server_tools_when.0.type: expected ' +
        '"step_count_is" or "has_tool_call" or "max_tokens_used" or "max_cost" or "finish_reason_is", got "never"',
    );
  });

  it('are the same from checkRequest on any schema', () => {
    expect(() => checkRequest(envelopeValidation.request, { ...ask, top_p: -1 })).toThrow(
      'top_p: expected a number from 0 to 1, got -1',
    );
  });
});

describe('ResponseValidationError messages', () => {
  it('say what a response lacks', () => {
    expect(unexpected(envelopeValidation.response, { object: 'response', output: [] })).toBe(
      'Unexpected response from the server: id: expected a string, got undefined',
    );
  });

  it('say what an event lacks or carries wrongly', () => {
    const message = (event: unknown) => {
      try {
        envelopeValidation.event(event);
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ delta: 'x' })).toBe(
      'Unexpected stream event from the server: type: expected a string, got undefined',
    );
    expect(message(null)).toBe(
      'Unexpected stream event from the server: (root): expected an object, got null',
    );
    expect(
      message({
        type: 'response.output_text.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta: 5,
      }),
    ).toBe(
      'Unexpected stream event "response.output_text.delta" from the server: delta: expected a string, got 5',
    );
  });

  it('name the field deep inside nested open unions (item, part, annotation)', () => {
    const response = {
      id: 'resp_1',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [
            { type: 'output_text', text: 'x', annotations: [{ type: 'url_citation', url: 5 }] },
          ],
        },
      ],
    };
    expect(unexpected(deepValidation.response, response)).toBe(
      'Unexpected response from the server: output.0.content.0.annotations.0.url: expected a string, got 5',
    );
  });
});

describe('the wording', () => {
  it('leaves zod’s own configuration, which is the app’s too, as it was', () => {
    const before = z.string().safeParse(5).error?.issues[0]?.message;
    checkRequest(envelopeValidation.request, ask);
    expect(() => checkRequest(envelopeValidation.request, { model: 5 })).toThrow(
      'model: expected a string, got 5',
    );
    expect(z.string().safeParse(5).error?.issues[0]?.message).toBe(before);
    expect(z.config().customError).toBeUndefined();
  });
});
