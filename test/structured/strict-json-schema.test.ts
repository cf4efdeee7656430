import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { zodFunction, zodTextFormat } from '../../src/index.js';
import { refusal } from './refusal.js';

describe('zodTextFormat refuses what strict structured output cannot take, naming the field', () => {
  it('refuses an optional field that is not nullable, however deep', () => {
    const Menu = z.object({
      title: z.optional(z.string()),
      courses: z.array(z.object({ note: z.optional(z.string()), name: z.string() })),
    });
    expect(refusal(() => zodTextFormat(Menu, 'menu'))).toEqual([
      'title: is optional, and strict structured output requires every field: make it .nullable() instead (or pass strict: false)',
      'courses.*.note: is optional, and strict structured output requires every field: make it .nullable() instead (or pass strict: false)',
    ]);
  });

  it('refuses records, catch-alls and loose objects', () => {
    const Open = z.object({
      prices: z.record(z.string(), z.number()),
      extra: z.looseObject({ a: z.string() }),
    });
    const lines = refusal(() => zodTextFormat(Open, 'open'));
    expect(lines.map((line) => line.split(':')[0])).toEqual(['prices', 'extra']);
    expect(lines[0]).toContain('needs every property named');
  });

  it('refuses a root that is not an object', () => {
    expect(refusal(() => zodTextFormat(z.array(z.string()), 'list'))).toEqual([
      ': the root must be an object (z.object), not a union or another type',
    ]);
    const either = z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]);
    expect(refusal(() => zodTextFormat(either, 'either'))).toHaveLength(1);
  });

  it('refuses keywords strict mode does not support, such as allOf', () => {
    const Both = z.object({ code: z.intersection(z.string(), z.string().check(z.minLength(1))) });
    expect(refusal(() => zodTextFormat(Both, 'both'))).toEqual([
      'code: uses `allOf`, which strict structured output does not support',
    ]);
  });

  it('refuses more than 10 levels of nested objects', () => {
    let deep: z.ZodMiniType = z.object({ leaf: z.string() });
    for (let level = 0; level < 10; level++) deep = z.object({ next: deep });
    expect(refusal(() => zodTextFormat(deep, 'deep'))).toEqual([
      ': has 11 levels of nested objects; strict structured output allows 10',
    ]);
  });

  it('refuses more than 5,000 properties, or 1,000 enum values, in all', () => {
    const wide = z.object(
      Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`p${i}`, z.string()])),
    );
    expect(refusal(() => zodTextFormat(wide, 'wide'))).toEqual([
      ': has 5001 object properties in all; strict structured output allows 5000',
    ]);
    const values = Array.from({ length: 1001 }, (_, i) => `v${i}`);
    const many = z.object({ a: z.enum(values.slice(0, 500)), b: z.enum(values.slice(500)) });
    expect(refusal(() => zodTextFormat(many, 'many'))).toEqual([
      ': has 1001 enum values in all; strict structured output allows 1000',
    ]);
  });

  it('refuses a long enum over 15,000 characters, and names and values over 120,000', () => {
    const long = Array.from({ length: 251 }, (_, i) => `${'x'.repeat(60)}${i}`);
    expect(refusal(() => zodTextFormat(z.object({ e: z.enum(long) }), 'long'))).toEqual([
      'e: has 251 enum values of 15703 characters in all: over 250 values, strict mode allows 15000 characters',
    ]);
    const names = Object.fromEntries(
      Array.from({ length: 121 }, (_, i) => [`${'n'.repeat(1000)}${i}`, z.string()]),
    );
    expect(refusal(() => zodTextFormat(z.object(names), 'names'))[0]).toMatch(
      /^: has 121\d{3} characters of names, enum and const values; strict structured output allows 120000$/,
    );
  });

  it('refuses what zod cannot write as JSON Schema, and a name the API would refuse', () => {
    expect(refusal(() => zodTextFormat(z.object({ n: z.bigint() }), 'big'))).toEqual([
      ': zod cannot write it as JSON Schema: BigInt cannot be represented in JSON Schema',
    ]);
    expect(refusal(() => zodTextFormat(z.object({}), 'a menu'))).toEqual([
      'name: must be 1 to 64 letters, digits, _ or - (got "a menu")',
    ]);
  });
});

describe('zodTextFormat', () => {
  it('takes optional fields, unchecked, with strict: false', () => {
    const format = zodTextFormat(z.object({ note: z.optional(z.string()) }), 'loose', {
      strict: false,
    });
    expect(format.strict).toBe(false);
    expect(format.schema).toEqual({ type: 'object', properties: { note: { type: 'string' } } });
  });

  it('writes a discriminated union as anyOf, which strict mode takes', () => {
    const Shape = z.object({
      shape: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('cup'), ml: z.number() }),
        z.object({ kind: z.literal('bag'), grams: z.number() }),
      ]),
    });
    const { schema } = zodTextFormat(Shape, 'shape');
    const shape = (schema.properties as Record<string, Record<string, unknown>>).shape;
    expect(shape).not.toHaveProperty('oneOf');
    expect(shape?.anyOf).toHaveLength(2);
  });

  it('is plain JSON on the wire, and keeps its schema when spread', () => {
    const Recipe = z.object({ title: z.string() });
    const format = zodTextFormat(Recipe, 'recipe');
    expect(JSON.parse(JSON.stringify(format))).toEqual({
      type: 'json_schema',
      name: 'recipe',
      strict: true,
      schema: {
        type: 'object',
        properties: { title: { type: 'string' } },
        required: ['title'],
        additionalProperties: false,
      },
    });
    const copy = { ...format };
    expect(Object.getOwnPropertySymbols(copy).map((key) => copy[key as keyof typeof copy])).toEqual(
      [Recipe],
    );
  });
});

describe('zodFunction', () => {
  it('refuses parameters that are not an object, even with strict: false', () => {
    expect(
      refusal(() => zodFunction({ name: 'f', parameters: z.string(), strict: false })),
    ).toEqual([': the root must be an object (z.object)']);
  });

  it('refuses an optional parameter in strict mode, naming it', () => {
    const parameters = z.object({ city: z.string(), unit: z.optional(z.string()) });
    expect(refusal(() => zodFunction({ name: 'get_weather', parameters }))[0]).toMatch(
      /^unit: is optional/,
    );
  });
});
