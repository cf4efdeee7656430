import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type ParsedResponse,
  ResponseStream,
  ResponseValidationError,
  zodFunction,
  zodTextFormat,
} from '../../src/index.js';
import { ParsedResponseStream } from '../../src/structured/parsed-response-stream.js';
import type { Turn } from '../../src/testing/index.js';
import { drain, setUp } from '../testing/setup.js';

const model = 'fake-model';
const input = 'Plan a coffee menu';

/** A nested schema: objects in an array, an enum, a nullable object. */
const Menu = z.object({
  title: z.string(),
  courses: z.array(
    z.object({
      name: z.string(),
      roast: z.enum(['Sunrise', 'Midnight', 'Decaf Dusk']),
      pairing: z.nullable(z.object({ pastry: z.string(), sweetness: z.number() })),
    }),
  ),
});
const menu = {
  title: 'Morning',
  courses: [
    { name: 'Wake up', roast: 'Sunrise', pairing: { pastry: 'Croissant', sweetness: 2 } },
    { name: 'Slow down', roast: 'Decaf Dusk', pairing: null },
  ],
};
const format = zodTextFormat(Menu, 'menu', { description: 'A coffee menu' });

/** Parses one turn, unary or streamed (reading every event first), as `responses.parse` does. */
async function parseTurn(
  turn: Turn,
  stream: boolean,
): Promise<ParsedResponse<z.infer<typeof Menu>>> {
  const { client } = setUp('openai', { turns: [turn] });
  if (!stream) return client.responses.parse({ model, input, text: { format } });
  const events = await client.responses.parse({ model, input, text: { format }, stream: true });
  const { types } = await drain(events);
  expect(types.at(-1)).toBe('response.completed');
  return events.finalResponse();
}

describe('responses.parse with zodTextFormat', () => {
  it('sends the schema as a strict json_schema format, every object closed and every field required', async () => {
    const { server, client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    await client.responses.parse({ model, input, text: { format } });
    const course = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        roast: { type: 'string', enum: ['Sunrise', 'Midnight', 'Decaf Dusk'] },
        pairing: {
          anyOf: [
            {
              type: 'object',
              properties: { pastry: { type: 'string' }, sweetness: { type: 'number' } },
              required: ['pastry', 'sweetness'],
              additionalProperties: false,
            },
            { type: 'null' },
          ],
        },
      },
      required: ['name', 'roast', 'pairing'],
      additionalProperties: false,
    };
    expect(server.requests[0]?.body?.text).toEqual({
      format: {
        type: 'json_schema',
        name: 'menu',
        description: 'A coffee menu',
        strict: true,
        schema: {
          type: 'object',
          properties: { title: { type: 'string' }, courses: { type: 'array', items: course } },
          required: ['title', 'courses'],
          additionalProperties: false,
        },
      },
    });
  });

  describe.each([
    ['unary', false],
    ['streamed', true],
  ])('%s', (_, stream) => {
    it('parses a nested answer into output_parsed', async () => {
      const response = await parseTurn({ type: 'json', json: menu, chunkSize: 7 }, stream);
      expect(response.output_parsed).toEqual(menu);
      expect(JSON.parse(response.output_text)).toEqual(menu);
    });

    it('gives null when the model refuses, the refusal staying in the output', async () => {
      const response = await parseTurn(
        { type: 'refusal', refusal: 'I cannot plan menus.' },
        stream,
      );
      expect(response.output_parsed).toBeNull();
      expect(response.output).toMatchObject([
        { type: 'message', content: [{ type: 'refusal', refusal: 'I cannot plan menus.' }] },
      ]);
    });

    it('throws ResponseValidationError, not SyntaxError, on output that is not JSON', async () => {
      const failure = parseTurn(
        { type: 'text', text: 'Here is a menu: {"title": "Morning"' },
        stream,
      );
      await expect(failure).rejects.toBeInstanceOf(ResponseValidationError);
      await expect(failure).rejects.toMatchObject({
        issues: [{ path: [], message: 'expected JSON, got Here is a menu: {"title": "Morning"' }],
        message: expect.stringContaining('structured output "menu"'),
      });
    });

    it('throws ResponseValidationError naming the path of JSON that does not match', async () => {
      const wrong = { ...menu, courses: [{ ...menu.courses[0], roast: 'Espresso' }] };
      const failure = parseTurn({ type: 'json', json: wrong }, stream);
      await expect(failure).rejects.toBeInstanceOf(ResponseValidationError);
      await expect(failure).rejects.toMatchObject({
        issues: [
          {
            path: ['courses', 0, 'roast'],
            message: 'expected "Sunrise" or "Midnight" or "Decaf Dusk", got "Espresso"',
          },
        ],
        received: wrong,
      });
    });
  });

  it('says the response was cut short when its JSON is incomplete', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'text', text: '{"title": "Mor' }] });
    const r = await client.responses.create({ model, input });
    const { parseOutput } = await import('../../src/structured/parse-output.js');
    const cut = {
      ...r,
      status: 'incomplete' as const,
      incomplete_details: { reason: 'max_output_tokens' },
    };
    expect(() => parseOutput(cut, { text: { format } })).toThrow(
      'structured output "menu" (the response is incomplete: max_output_tokens)',
    );
  });
});

describe('ParsedResponseStream', () => {
  it('is a ResponseStream whose finalResponse is its own method, not one set on the instance', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
    expect(stream).toBeInstanceOf(ParsedResponseStream);
    expect(stream).toBeInstanceOf(ResponseStream);
    expect(Object.hasOwn(stream, 'finalResponse')).toBe(false);
    expect((await stream.finalResponse()).output_parsed).toEqual(menu);
  });

  it('reads the connection create opened once, and keeps its request id and raw response', async () => {
    const { server, client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    const {
      data: stream,
      requestId,
      response,
    } = await client.responses
      .parse({ model, input, text: { format }, stream: true })
      .withResponse();
    expect(stream.requestId).toBe(requestId);
    expect(stream.response).toBe(response);
    const { types } = await drain(stream);
    expect(types.filter((type) => type === 'response.completed')).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('parses once: finalResponse() twice gives the same response', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
    const [first, second] = await Promise.all([stream.finalResponse(), stream.finalResponse()]);
    expect(first).toBe(second);
  });

  it('ends quietly when aborted, and finalResponse() then rejects with APIUserAbortError', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu, chunkSize: 3 }] });
    const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
    let seen = 0;
    for await (const _ of stream) if (++seen === 3) stream.abort();
    expect(seen).toBe(3);
    await expect(stream.finalResponse()).rejects.toMatchObject({ name: 'APIUserAbortError' });
  });
});

describe('responses.parse with zodFunction tools', () => {
  const weather = zodFunction({
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: z.object({ city: z.string(), unit: z.nullable(z.enum(['C', 'F'])) }),
  });
  const call: Turn = {
    type: 'function_call',
    name: 'get_weather',
    arguments: { city: 'Oslo', unit: null },
    callId: 'call_w',
  };

  it.each([
    ['unary', false],
    ['streamed', true],
  ])('gives calls to them parsed_arguments (%s)', async (_, stream) => {
    const { server, client } = setUp('openai', { turns: [call] });
    const params = { model, input: 'Weather in Oslo?', tools: [weather] };
    const response = stream
      ? await (await client.responses.parse({ ...params, stream: true })).finalResponse()
      : await client.responses.parse(params);
    const [item] = response.output;
    expect(item?.type === 'function_call' && item.parsed_arguments).toEqual({
      city: 'Oslo',
      unit: null,
    });
    expect(server.requests[0]?.body?.tools).toEqual([
      {
        type: 'function',
        name: 'get_weather',
        description: 'The weather in a city',
        strict: true,
        parameters: {
          type: 'object',
          properties: {
            city: { type: 'string' },
            unit: { anyOf: [{ type: 'string', enum: ['C', 'F'] }, { type: 'null' }] },
          },
          required: ['city', 'unit'],
          additionalProperties: false,
        },
      },
    ]);
  });

  it('throws ResponseValidationError naming the argument that does not match', async () => {
    const { client } = setUp('openai', {
      turns: [{ ...call, arguments: { city: 'Oslo', unit: 'K' } } as Turn],
    });
    const failure = client.responses.parse({ model, input: 'Weather?', tools: [weather] });
    await expect(failure).rejects.toMatchObject({
      constructor: ResponseValidationError,
      issues: [{ path: ['unit'] }],
      message: expect.stringContaining('arguments of the get_weather call call_w'),
    });
  });
});

describe('structured output in a conversation', () => {
  it('parses a turn given a format, and leaves a turn whose output does not match out of the history', async () => {
    const { server, client } = setUp('openai', {
      turns: [
        { type: 'json', json: menu },
        { type: 'text', text: 'not JSON' },
        { type: 'json', json: menu },
      ],
    });
    const chat = client.conversation({ model });

    const first = await chat.send('Plan a menu', { text: { format } });
    expect(first.output_parsed).toEqual(menu);
    await expect(chat.send('Another', { text: { format } })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    expect(chat.items).toHaveLength(2);
    const again = chat.stream('Another, again', { text: { format } });
    expect((await again.finalResponse()).output_parsed).toEqual(menu);
    expect(server.requests[2]?.body?.previous_response_id).toBe('resp_fake_1');
  });

  it('parses every turn of a conversation whose own params carry the format', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    const chat = client.conversation({ model, text: { format } });
    expect((await chat.send('Plan a menu')).output_parsed).toEqual(menu);
  });
});
