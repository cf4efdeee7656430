import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { z as z3 } from 'zod/v3';
import {
  RequestValidationError,
  ResponseValidationError,
  zodFunction,
  zodTextFormat,
} from '../../src/index.js';
import { setUp } from '../testing/setup.js';
import { refusal } from './refusal.js';

const model = 'fake-model';
const input = 'Plan a coffee menu';
const menu = {
  title: 'Morning',
  courses: [
    { name: 'Wake up', roast: 'Sunrise', price: 3.5, pairing: { pastry: 'Croissant' } },
    { name: 'Slow down', roast: 'Decaf Dusk', price: 4, pairing: null },
  ],
};
const wrong = { ...menu, courses: [{ ...menu.courses[0], roast: 'Espresso' }] };

/** The same menu schema in zod 4, zod 3, ArkType and Valibot. */
const schemas = {
  'zod 4': z.object({
    title: z.string(),
    courses: z.array(
      z.object({
        name: z.string(),
        roast: z.enum(['Sunrise', 'Midnight', 'Decaf Dusk']),
        price: z.number(),
        pairing: z.nullable(z.object({ pastry: z.string() })),
      }),
    ),
  }),
  'zod 3 (zod/v3)': z3.object({
    title: z3.string(),
    courses: z3.array(
      z3.object({
        name: z3.string(),
        roast: z3.enum(['Sunrise', 'Midnight', 'Decaf Dusk']),
        price: z3.number(),
        pairing: z3.object({ pastry: z3.string() }).nullable(),
      }),
    ),
  }),
  'ArkType 2.2': type({
    title: 'string',
    courses: type({
      name: 'string',
      roast: "'Sunrise' | 'Midnight' | 'Decaf Dusk'",
      price: 'number',
      pairing: type({ pastry: 'string' }).or('null'),
    }).array(),
  }),
  'Valibot 1.5 (toStandardJsonSchema)': toStandardJsonSchema(
    v.object({
      title: v.string(),
      courses: v.array(
        v.object({
          name: v.string(),
          roast: v.picklist(['Sunrise', 'Midnight', 'Decaf Dusk']),
          price: v.number(),
          pairing: v.nullable(v.object({ pastry: v.string() })),
        }),
      ),
    }),
  ),
};

describe.each(Object.entries(schemas))('a %s schema', (_, Menu) => {
  const format = zodTextFormat(Menu, 'menu');

  it('makes a strict json_schema format: every object closed, every field required', () => {
    const schema = format.schema as {
      additionalProperties: unknown;
      required: string[];
      properties: { courses: { items: { additionalProperties: unknown; required: string[] } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(['courses', 'title']);
    expect(schema.properties.courses.items.additionalProperties).toBe(false);
    expect([...schema.properties.courses.items.required].sort()).toEqual([
      'name',
      'pairing',
      'price',
      'roast',
    ]);
    expect(schema).not.toHaveProperty('$schema');
  });

  it.each([
    ['unary', false],
    ['streamed', true],
  ])('parses the output into output_parsed (%s)', async (_, stream) => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu }] });
    const response = stream
      ? await (
          await client.responses.parse({ model, input, text: { format }, stream: true })
        ).finalResponse()
      : await client.responses.parse({ model, input, text: { format } });
    expect(response.output_parsed).toEqual(menu);
  });

  it('throws ResponseValidationError naming the path of output that does not match', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: wrong }] });
    const failure = client.responses.parse({ model, input, text: { format } });
    await expect(failure).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(failure).rejects.toMatchObject({
      issues: [{ path: ['courses', 0, 'roast'] }],
      received: wrong,
    });
  });

  it('gives partial output as the JSON grows', async () => {
    const { client } = setUp('openai', { turns: [{ type: 'json', json: menu, chunkSize: 5 }] });
    const stream = await client.responses.parse({ model, input, text: { format }, stream: true });
    const snapshots: unknown[] = [];
    for await (const snapshot of stream.partialOutput()) snapshots.push(snapshot);
    expect(snapshots.length).toBeGreaterThan(10);
    expect(snapshots.at(-1)).toEqual(menu);
  });
});

describe('zod 3 schemas', () => {
  it('write the same JSON Schema as the same schema in zod 4', () => {
    const four = zodTextFormat(schemas['zod 4'], 'menu');
    const three = zodTextFormat(schemas['zod 3 (zod/v3)'], 'menu');
    expect(three.schema).toEqual(four.schema);
  });

  it('write unions, literals, tuples, defaults, descriptions and recursion', () => {
    const Node: z3.ZodType<{ label: string; children: unknown[] }> = z3.lazy(() =>
      z3.object({ label: z3.string(), children: z3.array(Node) }),
    );
    const Shape = z3
      .object({
        kind: z3.discriminatedUnion('type', [
          z3.object({ type: z3.literal('circle'), radius: z3.number().int().min(1) }),
          z3.object({ type: z3.literal('square'), side: z3.number().max(10, 'too big') }),
        ]),
        pair: z3.tuple([z3.string().regex(/^[a-z]+$/), z3.boolean()]),
        note: z3.string().describe('What the model says').default('none'),
        tree: Node,
        status: z3.union([z3.literal('on'), z3.literal('off'), z3.null()]),
      })
      .strict();
    const format = zodTextFormat(Shape, 'shape', { strict: false });
    expect(format.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'pair', 'tree', 'status'],
      properties: {
        kind: {
          oneOf: [
            {
              properties: {
                type: { type: 'string', const: 'circle' },
                radius: { type: 'integer', minimum: 1 },
              },
            },
            { properties: { side: { type: 'number', maximum: 10 } } },
          ],
        },
        pair: {
          type: 'array',
          prefixItems: [{ type: 'string', pattern: '^[a-z]+$' }, { type: 'boolean' }],
        },
        note: { type: 'string', description: 'What the model says', default: 'none' },
        tree: { $ref: '#/$defs/Lazy1' },
        status: { anyOf: [{ const: 'on' }, { const: 'off' }, { type: 'null' }] },
      },
      $defs: {
        Lazy1: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/Lazy1' } } },
        },
      },
    });
  });

  it('are refused before sending where strict mode cannot take them, naming the field', () => {
    expect(refusal(() => zodTextFormat(z3.object({ a: z3.string().optional() }), 'f'))).toEqual([
      'a: is optional, and strict structured output requires every field: make it .nullable() instead (or pass strict: false)',
    ]);
    expect(refusal(() => zodTextFormat(z3.object({ a: z3.record(z3.string()) }), 'f'))[0]).toMatch(
      /^a: has keys that are not named/,
    );
    expect(refusal(() => zodTextFormat(z3.object({ at: z3.date() }), 'f'))).toEqual([
      ': zod cannot write it as JSON Schema: Date at at cannot be written as JSON Schema',
    ]);
  });

  it('parse with their transforms, and report their own messages', async () => {
    const Price = z3.object({ cents: z3.number().transform((value) => value / 100) });
    const format = zodTextFormat(Price, 'price');
    const { client } = setUp('openai', {
      turns: [
        { type: 'json', json: { cents: 250 } },
        { type: 'json', json: { cents: 'two' } },
      ],
    });
    const parsed = await client.responses.parse({ model, input, text: { format } });
    expect(parsed.output_parsed).toEqual({ cents: 2.5 });
    await expect(client.responses.parse({ model, input, text: { format } })).rejects.toMatchObject({
      issues: [{ path: ['cents'], message: 'Expected number, received string' }],
    });
  });

  it('type the arguments of zodFunction tools and of a conversation’s tools', async () => {
    const weather = zodFunction({
      name: 'get_weather',
      parameters: z3.object({ city: z3.string() }),
    });
    const call = {
      type: 'function_call' as const,
      name: 'get_weather',
      arguments: { city: 'Oslo' },
      callId: 'call_w',
    };
    const { client, server } = setUp('openai', {
      turns: [call, { ...call, arguments: { city: 7 } }, 'Cold.'],
    });
    const response = await client.responses.parse({ model, input, tools: [weather] });
    const [item] = response.output;
    expect(item?.type === 'function_call' && item.parsed_arguments).toEqual({ city: 'Oslo' });

    const seen: unknown[] = [];
    const chat = client.conversation({
      model,
      tools: {
        get_weather: {
          parameters: z3.object({ city: z3.string() }),
          execute: ({ city }) => seen.push(city),
        },
      },
      toolErrors: (error) => `${error.reason} ${error.issues.map((i) => i.path.join('.'))}`,
    });
    await chat.send('Weather?');
    expect(seen).toEqual([]);
    const outputs = server.requests[2]?.body?.input as { output?: unknown }[];
    expect(outputs.at(-1)?.output).toBe('invalid_arguments city');
    expect(server.requests[1]?.body?.tools).toEqual([
      expect.objectContaining({
        name: 'get_weather',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
          additionalProperties: false,
        },
      }),
    ]);
  });
});

describe('Standard Schemas', () => {
  it('are refused when their library gives no JSON Schema, before anything is sent', () => {
    const plain = v.object({ city: v.string() });
    expect(() => zodTextFormat(plain as never, 'f')).toThrow(RequestValidationError);
    expect(() => zodTextFormat(plain as never, 'f')).toThrow(
      /is not a schema this client reads: give a zod 4 or zod 3 schema, or a Standard Schema whose library gives its JSON Schema/,
    );
  });

  it('report a library that cannot write a schema as JSON Schema as a RequestValidationError', () => {
    const odd = toStandardJsonSchema(v.object({ at: v.date() }));
    expect(() => zodTextFormat(odd, 'f')).toThrow(RequestValidationError);
    expect(() => zodTextFormat(odd, 'f')).toThrow(/its library cannot write it as JSON Schema/);
  });

  it('run a conversation tool with ArkType parameters', async () => {
    const call = { type: 'function_call' as const, name: 'add', arguments: { a: 2, b: 3 } };
    const { client, server } = setUp('openai', { turns: [call, 'Five.'] });
    const chat = client.conversation({
      model,
      tools: {
        add: { parameters: type({ a: 'number', b: 'number' }), execute: ({ a, b }) => a + b },
      },
    });
    expect((await chat.send('2 + 3?')).output_text).toBe('Five.');
    const outputs = server.requests[1]?.body?.input as { output?: unknown }[];
    expect(outputs.at(-1)?.output).toBe('5');
  });
});
