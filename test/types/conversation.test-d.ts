import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type AnyResponsesClient,
  type Conversation,
  type ConversationStream,
  type OpenAICreateParams,
  type ParsedFunctionToolCall,
  type ParsedResponse,
  type Response,
  type ResponseFunctionToolCall,
  ResponsesClient,
  type SavedConversation,
  zodFunction,
  zodTextFormat,
} from '../../src/index.js';

const openai = new ResponsesClient({ apiKey: 'k' });
const karta = new ResponsesClient({ dialect: 'karta', project: 'p' });
const kawai = new ResponsesClient({ dialect: 'kawai' });
const Recipe = z.object({ title: z.string(), steps: z.array(z.string()) });
type Recipe = { title: string; steps: string[] };

describe('structured output', () => {
  it('types output_parsed from the zod schema of the text format, unary and streamed', async () => {
    const format = zodTextFormat(Recipe, 'recipe');
    const r = await openai.responses.parse({ model: 'm', input: 'x', text: { format } });
    expectTypeOf(r).toEqualTypeOf<ParsedResponse<Recipe, ResponseFunctionToolCall>>();
    expectTypeOf(r.output_parsed).toEqualTypeOf<Recipe | null>();
    const s = await openai.responses.parse({
      model: 'm',
      input: 'x',
      text: { format },
      stream: true,
    });
    expectTypeOf((await s.finalResponse()).output_parsed).toEqualTypeOf<Recipe | null>();
    for await (const event of s) expectTypeOf(event.type).not.toBeAny();
  });

  it('types the parsed_arguments of calls to zodFunction tools, by name', async () => {
    const weather = zodFunction({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
    });
    const time = zodFunction({ name: 'get_time', parameters: z.object({ zone: z.string() }) });
    const r = await openai.responses.parse({ model: 'm', input: 'x', tools: [weather, time] });
    for (const item of r.output) {
      if (item.type !== 'function_call') continue;
      if (item.name === 'get_weather') {
        expectTypeOf(item).toEqualTypeOf<ParsedFunctionToolCall<'get_weather', { city: string }>>();
        expectTypeOf(item.parsed_arguments).toEqualTypeOf<{ city: string }>();
      } else expectTypeOf(item.parsed_arguments).toEqualTypeOf<{ zone: string }>();
    }
  });

  it('gives a text format that is a ResponseFormatTextConfig, accepted by create', () => {
    void openai.responses.create({
      model: 'm',
      input: 'x',
      text: { format: zodTextFormat(Recipe, 'r') },
    });
  });
});

describe('client.conversation', () => {
  it('types each tool’s execute arguments from its zod parameters', () => {
    openai.conversation({
      model: 'm',
      tools: {
        get_weather: {
          parameters: z.object({ city: z.string() }),
          execute: ({ city }, { signal, callId }) => {
            expectTypeOf(city).toEqualTypeOf<string>();
            expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
            expectTypeOf(callId).toEqualTypeOf<string>();
            return 'cold';
          },
        },
        get_time: {
          parameters: z.object({ zone: z.nullable(z.string()) }),
          execute: async ({ zone }) => {
            expectTypeOf(zone).toEqualTypeOf<string | null>();
            return { now: 1 };
          },
        },
      },
    });
  });

  it('types a turn by its format: a Response, or a ParsedResponse of the schema', async () => {
    const chat = openai.conversation({ model: 'm' });
    expectTypeOf(chat).toEqualTypeOf<Conversation<OpenAICreateParams, null>>();
    expectTypeOf(await chat.send('Hi')).toEqualTypeOf<Response>();
    const parsed = await chat.send('Plan', { text: { format: zodTextFormat(Recipe, 'recipe') } });
    expectTypeOf(parsed.output_parsed).toEqualTypeOf<Recipe | null>();
    const stream = chat.stream('Hi');
    expectTypeOf(stream).toEqualTypeOf<ConversationStream<Response>>();
    expectTypeOf(await stream.finalResponse()).toEqualTypeOf<Response>();
    const recipes = openai.conversation({
      model: 'm',
      text: { format: zodTextFormat(Recipe, 'r') },
    });
    expectTypeOf((await recipes.send('Plan')).output_parsed).toEqualTypeOf<Recipe | null>();
  });

  it('saves to, and resumes from, a SavedConversation', () => {
    const saved: SavedConversation = openai.conversation({ model: 'm' }).toJSON();
    void openai.conversation({ resume: saved });
    expectTypeOf(openai.conversation({ model: 'm' }).items).items.toExtend<object>();
  });

  it('takes the params of its client’s dialect, and refuses what that server cannot take', () => {
    void kawai.conversation({ model: 'q', top_k: 40 });
    // @ts-expect-error Kawai's top_k is a number
    void kawai.conversation({ model: 'q', top_k: 'many' });
    // @ts-expect-error Karta's params take no tools
    void karta.conversation({ tools: { f: { parameters: Recipe } } });
    // @ts-expect-error Karta's params take no instructions
    void karta.conversation({ instructions: 'Be brief' });
    // @ts-expect-error input is the turn's, not the conversation's
    void openai.conversation({ model: 'm', input: 'Hi' });
  });

  it('is there on a client of any dialect', () => {
    const any: AnyResponsesClient = kawai;
    void any.conversation({ model: 'm' }).send('Hi');
  });
});
