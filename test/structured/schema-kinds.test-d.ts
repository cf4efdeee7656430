import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { z as z3 } from 'zod/v3';
import {
  type DeepPartial,
  type InferZod,
  ResponsesClient,
  zodFunction,
  zodTextFormat,
} from '../../src/index.js';

const client = new ResponsesClient({ apiKey: 'k' });
type Recipe = { title: string; steps: string[] };

describe('schemas of every kind', () => {
  it('types output_parsed from a zod 3, ArkType or Valibot schema as from a zod 4 one', async () => {
    const kinds = {
      four: z.object({ title: z.string(), steps: z.array(z.string()) }),
      three: z3.object({ title: z3.string(), steps: z3.array(z3.string()) }),
      ark: type({ title: 'string', steps: 'string[]' }),
      valibot: toStandardJsonSchema(v.object({ title: v.string(), steps: v.array(v.string()) })),
    };
    expectTypeOf<InferZod<typeof kinds.four>>().toEqualTypeOf<Recipe>();
    expectTypeOf<InferZod<typeof kinds.three>>().toEqualTypeOf<Recipe>();
    expectTypeOf<InferZod<typeof kinds.ark>>().toEqualTypeOf<Recipe>();
    expectTypeOf<InferZod<typeof kinds.valibot>>().toEqualTypeOf<Recipe>();
    const format = zodTextFormat(kinds.three, 'recipe');
    const r = await client.responses.parse({ model: 'm', input: 'x', text: { format } });
    expectTypeOf(r.output_parsed).toEqualTypeOf<Recipe | null>();
  });

  it('types the parsed_arguments of a zodFunction tool made from a zod 3 schema', async () => {
    const weather = zodFunction({ name: 'weather', parameters: z3.object({ city: z3.string() }) });
    const r = await client.responses.parse({ model: 'm', input: 'x', tools: [weather] });
    const [item] = r.output;
    if (item?.type === 'function_call')
      expectTypeOf(item.parsed_arguments).toEqualTypeOf<{ city: string }>();
  });

  it('types the arguments of a conversation tool whose parameters are zod 3 or ArkType', () => {
    client.conversation({
      model: 'm',
      tools: {
        three: {
          parameters: z3.object({ city: z3.string() }),
          execute: (args) => expectTypeOf(args).toEqualTypeOf<{ city: string }>(),
        },
        ark: {
          parameters: type({ n: 'number' }),
          execute: (args) => expectTypeOf(args).toEqualTypeOf<{ n: number }>(),
        },
      },
    });
  });

  it('refuses a schema that gives no JSON Schema, at compile time', () => {
    // @ts-expect-error: a Valibot schema alone implements Standard Schema, not Standard JSON Schema.
    zodTextFormat(v.object({ title: v.string() }), 'recipe');
  });
});

describe('DeepPartial', () => {
  it('makes every property optional, all the way down, and keeps numbers whole', () => {
    type Menu = { title: string; courses: { price: number; pairing: { pastry: string } | null }[] };
    expectTypeOf<DeepPartial<Menu>>().toEqualTypeOf<{
      title?: string;
      courses?: { price?: number; pairing?: { pastry?: string } | null }[];
    }>();
    expectTypeOf<DeepPartial<[string, number]>>().toEqualTypeOf<[string?, number?]>();
  });

  it('types the snapshots of partialOutput() from the text format', async () => {
    const format = zodTextFormat(z.object({ title: z.string(), steps: z.array(z.string()) }), 'r');
    const stream = await client.responses.parse({
      model: 'm',
      input: 'x',
      text: { format },
      stream: true,
    });
    for await (const snapshot of stream.partialOutput())
      expectTypeOf(snapshot).toEqualTypeOf<DeepPartial<Recipe>>();
  });
});
