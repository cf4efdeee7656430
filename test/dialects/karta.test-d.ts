import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  KartaChatCompletionCreateParams,
  KartaCreateParams,
  Response,
  ResponseStream,
} from '../../src/index.js';
import { ResponsesClient } from '../../src/index.js';

const client = new ResponsesClient({ dialect: 'karta', project: 'my-app', apiKey: 'kt_live_x' });
const input = 'What roasts do you have?';

describe('a karta client', () => {
  it('accepts the five fields seed 000 documents, with their types', () => {
    expectTypeOf(
      client.responses.create({
        input: [{ role: 'user', content: input }],
        stream: false,
        previous_response_id: 'resp_4b2c',
        store: true,
        model: 'default',
      }),
    ).toEqualTypeOf<APIPromise<Response>>();
    expectTypeOf(client.responses.create({ input, stream: true })).toEqualTypeOf<
      APIPromise<ResponseStream>
    >();
    expectTypeOf({ input, previous_response_id: null }).toExtend<KartaCreateParams>();
  });

  it('requires input', () => {
    // @ts-expect-error: seed 000 marks input required.
    client.responses.create({ model: 'default' });
  });

  it('refuses a documented field of the wrong type', () => {
    // @ts-expect-error: store is a boolean.
    client.responses.create({ input, store: 'pin' });
    // @ts-expect-error: stream is a boolean, not null.
    client.responses.create({ input, stream: null });
    // @ts-expect-error: model is a string.
    client.responses.create({ input, model: 7 });
  });

  it('refuses canonical fields Karta does not document, and allows them as null', () => {
    // @ts-expect-error: seed 000 documents no tools.
    client.responses.create({ input, tools: [{ type: 'web_search' }] });
    // @ts-expect-error: seed 000 documents no temperature.
    client.responses.create({ input, temperature: 0.2 });
    // @ts-expect-error: seed 000 documents no instructions.
    client.responses.create({ input, instructions: 'Be brief.' });
    expectTypeOf({
      input,
      instructions: null,
      temperature: undefined,
    }).toExtend<KartaCreateParams>();
  });

  it('types the chat params seed 001 documents', () => {
    expectTypeOf({
      model: 'default',
      messages: [{ role: 'user' as const, content: input }],
      stream: true,
    }).toExtend<KartaChatCompletionCreateParams>();
    expectTypeOf({
      messages: [{ role: 'user' as const, content: [{ type: 'text', text: input }] }],
    }).not.toExtend<KartaChatCompletionCreateParams>();
  });
});
