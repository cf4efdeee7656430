import { describe, expectTypeOf, it } from 'vitest';
import {
  type AnyResponsesClient,
  type Chat,
  type ChatCompletion,
  type ConversationItem,
  defineDialect,
  type FunctionTool,
  type KawaiCreateParams,
  type KnownResponseStreamEvent,
  type Model,
  type ModelDeleted,
  type Models,
  type PagedList,
  type Response,
  type ResponseCreateParams,
  type ResponseFunctionToolCall,
  type ResponseOutputItem,
  type ResponseStreamEvent,
  ResponsesClient,
  type ResponsesError,
  type ResponseTextDeltaEvent,
  type ResponseUnknownEvent,
  type Tool,
  type UnknownKind,
  type UnknownType,
} from '../../src/index.js';

const openai = new ResponsesClient({ apiKey: 'k' });
const openrouter = new ResponsesClient({ dialect: 'openrouter' });
const karta = new ResponsesClient({ dialect: 'karta', project: 'p' });
const kawai = new ResponsesClient({ dialect: 'kawai' });
const gateway = new ResponsesClient({ dialect: 'gateway' });
const mine = new ResponsesClient({
  dialect: defineDialect({ name: 'mine', baseURL: 'https://llm.example/v1' }),
});

describe('a client’s type has the endpoints its server has', () => {
  it('gives an OpenAI client every endpoint', () => {
    void openai.responses.retrieve('id');
    void openai.responses.delete('id');
    void openai.responses.cancel('id');
    void openai.responses.inputItems.list('id');
    void openai.responses.compact({ model: 'm' });
    void openai.responses.inputTokens.count({ input: 'x' });
    void openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    void openai.models.list();
  });

  it('leaves out what a server lacks', () => {
    // @ts-expect-error Kawai stores no responses
    void kawai.responses.retrieve('id');
    // @ts-expect-error Kawai has no models endpoint
    void kawai.models.list();
    // @ts-expect-error Kawai has no chat completions
    void kawai.chat;
    // @ts-expect-error Karta has no models endpoint
    void karta.models.list();
    // @ts-expect-error Karta has no input items
    void karta.responses.inputItems;
    void karta.chat.completions.create({ messages: [{ role: 'user', content: 'x' }] });
    void openrouter.chat.completions.create({ messages: [{ role: 'user', content: 'x' }] });
    void openrouter.models.list();
    // @ts-expect-error OpenRouter has no compact
    void openrouter.responses.compact({ model: 'm' });
    // @ts-expect-error the gateway has no cancel
    void gateway.responses.cancel('id');
    void gateway.models.list();
  });

  it('gives an OpenAI client the conversations, stored chat completions and one model', () => {
    void openai.conversations.create({ items: [{ role: 'user', content: 'Hi' }], metadata: {} });
    void openai.conversations.retrieve('conv_1');
    void openai.conversations.update('conv_1', { metadata: { topic: 'x' } });
    void openai.conversations.delete('conv_1');
    void openai.conversations.items.create('conv_1', { items: [] });
    expectTypeOf(openai.conversations.items.list('conv_1', { order: 'asc' })).toEqualTypeOf<
      PagedList<ConversationItem>
    >();
    void openai.conversations.items.retrieve('conv_1', 'msg_1', { include: [] });
    void openai.conversations.items.delete('conv_1', 'msg_1');
    expectTypeOf(openai.chat.completions.list({ model: 'm' })).toEqualTypeOf<
      PagedList<ChatCompletion>
    >();
    void openai.chat.completions.retrieve('c');
    void openai.chat.completions.update('c', { metadata: null });
    void openai.chat.completions.delete('c');
    void openai.chat.completions.messages.list('c');
    expectTypeOf(openai.models.retrieve('m')).resolves.toEqualTypeOf<Model>();
    expectTypeOf(openai.models.delete('m')).resolves.toEqualTypeOf<ModelDeleted>();
    expectTypeOf(openai.chat).toEqualTypeOf<Chat>();
    expectTypeOf(openai.models).toEqualTypeOf<Models>();
  });

  it('closes the params of the new endpoints: a misspelt field is a compile error', () => {
    // @ts-expect-error metadatas is not a field of a conversation
    void openai.conversations.create({ metadatas: {} });
    // @ts-expect-error a chat completion list has no `status` filter
    void openai.chat.completions.list({ status: 'done' });
    // @ts-expect-error update needs its metadata
    void openai.chat.completions.update('c', {});
  });

  it('leaves out the conversations, stored completions and model methods a server lacks', () => {
    void openrouter.models.retrieve('openai/gpt-4');
    // @ts-expect-error OpenRouter deletes no models
    void openrouter.models.delete('m');
    // @ts-expect-error OpenRouter stores no chat completions
    void openrouter.chat.completions.list();
    // @ts-expect-error OpenRouter has no Conversations API
    void openrouter.conversations;
    // @ts-expect-error Karta stores no chat completions
    void karta.chat.completions.retrieve('c');
    // @ts-expect-error Karta has no Conversations API
    void karta.conversations;
    // @ts-expect-error the gateway takes conversation ids but documents no Conversations API
    void gateway.conversations;
    // @ts-expect-error the gateway has no GET /models/{model}
    void gateway.models.retrieve('m');
    // @ts-expect-error Kawai has no Conversations API
    void kawai.conversations;
    const any = openai as AnyResponsesClient;
    // @ts-expect-error not every server has the Conversations API
    void any.conversations;
  });

  it('gives every client responses.parse, typed by its own params', () => {
    for (const client of [openai, openrouter, karta, kawai, gateway, mine])
      expectTypeOf(client.responses.parse).toBeFunction();
    expectTypeOf(kawai.responses.parse).parameter(0).toExtend<KawaiCreateParams>();
    // @ts-expect-error a Kawai client's parse takes Kawai's params: top_k is a number
    void kawai.responses.parse({ model: 'm', input: [], top_k: 'many' });
    const any = openai as AnyResponsesClient;
    expectTypeOf(any.responses.parse).toBeFunction();
  });

  it('gives a dialect of your own every endpoint: its server decides at run time', () => {
    void mine.responses.retrieve('id');
    void mine.models.list();
    void mine.models.retrieve('m');
    void mine.conversations.create();
    void mine.chat.completions.messages.list('c');
  });
});

describe('AnyResponsesClient', () => {
  const ask = (client: AnyResponsesClient, question: string) =>
    client.responses.create({ model: 'm', input: question });

  it('takes a client of every dialect', () => {
    for (const client of [openai, openrouter, karta, kawai, gateway, mine]) void ask(client, 'Hi');
    expectTypeOf(openrouter).toExtend<AnyResponsesClient>();
    expectTypeOf(kawai).toExtend<AnyResponsesClient>();
  });

  it('has only what every client has', async () => {
    expectTypeOf(await ask(openai, 'Hi')).toEqualTypeOf<Response>();
    const any = openai as AnyResponsesClient;
    // @ts-expect-error not every server stores responses
    void any.responses.retrieve('id');
  });
});

describe('withOptions', () => {
  it('keeps the dialect when none is given', () => {
    expectTypeOf(kawai.withOptions({ timeout: 1 })).toEqualTypeOf<ResponsesClient<'kawai'>>();
  });

  it('is typed by the dialect it ends up with', () => {
    const switched = openai.withOptions({ dialect: 'kawai' });
    expectTypeOf(switched).toEqualTypeOf<ResponsesClient<'kawai'>>();
    expectTypeOf(switched.responses.create).parameter(0).toExtend<KawaiCreateParams>();
  });
});

describe('stream events', () => {
  it('types the response of every lifecycle event as a full Response', async () => {
    const stream = await openai.responses.create({ model: 'm', input: 'Hi', stream: true });
    for await (const event of stream) {
      if (
        event.type === 'response.completed' ||
        event.type === 'response.incomplete' ||
        event.type === 'response.failed'
      ) {
        const response: Response = event.response;
        expectTypeOf(response.output_text).toEqualTypeOf<string>();
      }
    }
  });

  it('has KnownResponseStreamEvent, without the catch-all, for exhaustive switches', () => {
    expectTypeOf<
      Exclude<ResponseStreamEvent, KnownResponseStreamEvent>
    >().toEqualTypeOf<ResponseUnknownEvent>();
    // Literal types only: a switch that handles them all leaves `never`.
    expectTypeOf<KnownResponseStreamEvent['type']>().toExtend<string>();
    expectTypeOf<ResponseStreamEvent['type']>().not.toExtend<string>();
    type Terminal = Extract<
      KnownResponseStreamEvent,
      { type: `response.${'completed' | 'failed'}` }
    >;
    const summary = (event: Terminal): string => {
      switch (event.type) {
        case 'response.completed':
          return event.response.output_text;
        case 'response.failed':
          return event.response.error?.message ?? 'failed';
        default:
          expectTypeOf(event).toBeNever();
          return event;
      }
    };
    void summary;
  });
});

describe('narrowing the public unions', () => {
  it('narrows events, output items and tools on their type', () => {
    const event = {} as ResponseStreamEvent;
    if (event.type === 'response.output_text.delta')
      expectTypeOf(event).toEqualTypeOf<ResponseTextDeltaEvent>();
    const item = {} as ResponseOutputItem;
    if (item.type === 'function_call') expectTypeOf(item).toEqualTypeOf<ResponseFunctionToolCall>();
    const tool = {} as Tool;
    if (tool.type === 'function') expectTypeOf(tool).toEqualTypeOf<FunctionTool>();
  });

  it('keeps a kind this version does not know, whole, with an UnknownType', () => {
    const item = {} as ResponseOutputItem;
    expectTypeOf(String(item.type)).toBeString();
    expectTypeOf<Extract<ResponseOutputItem, { type: UnknownType }>>().toEqualTypeOf<UnknownKind>();
    expectTypeOf<UnknownKind['other']>().toEqualTypeOf<unknown>();
  });
});

describe('the ResponsesClient value', () => {
  it('can be extended, and narrows with instanceof', () => {
    class Mine extends ResponsesClient {
      ask(input: string) {
        return this.responses.create({ model: 'm', input });
      }
    }
    expectTypeOf(new Mine().ask('Hi')).resolves.toEqualTypeOf<Response>();
    const value: unknown = openai;
    if (value instanceof ResponsesClient) expectTypeOf(value).toEqualTypeOf<AnyResponsesClient>();
  });
});

describe('hooks', () => {
  it('give onRetry and onError a ResponsesError, not unknown', () => {
    new ResponsesClient({
      hooks: {
        onRetry: ({ error }) => expectTypeOf(error).toEqualTypeOf<ResponsesError>(),
        onError: (error) => expectTypeOf(error).toEqualTypeOf<ResponsesError>(),
      },
    });
  });
});

describe('the default dialect', () => {
  it('is OpenAI’s', () => {
    expectTypeOf(openai).toEqualTypeOf<ResponsesClient<'openai'>>();
    expectTypeOf<ResponsesClient>().toEqualTypeOf<ResponsesClient<'openai'>>();
    expectTypeOf(openai.responses.create).parameter(0).toExtend<ResponseCreateParams>();
  });
});
