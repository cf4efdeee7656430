import { describe, expectTypeOf, it } from 'vitest';
import type { KartaCreateParams, OpenAICreateParams } from '../../src/index.js';
import { createFakeServer, type Turn } from '../../src/testing/index.js';

describe('the types of responses-client/testing', () => {
  it('takes one function call inline, or several in calls, never both', () => {
    const one: Turn = { type: 'function_call', name: 'get_weather', arguments: { city: 'Paris' } };
    const many: Turn = {
      type: 'function_call',
      calls: [{ name: 'a' }, { name: 'b', callId: 'c' }],
    };
    // @ts-expect-error a function_call turn needs a name or calls
    const none: Turn = { type: 'function_call' };
    // @ts-expect-error name and calls do not go together
    const both: Turn = { type: 'function_call', name: 'a', calls: [{ name: 'b' }] };
    expectTypeOf([one, many, none, both]).toBeArray();
  });

  it('types the body of each recorded request as the create params of its dialect', () => {
    const openai = createFakeServer();
    expectTypeOf(openai.requests[0]?.body).toEqualTypeOf<OpenAICreateParams | undefined>();
    const karta = createFakeServer({
      dialect: 'karta',
      turns: [(request) => String(request.body?.previous_response_id)],
    });
    expectTypeOf(karta.requests[0]?.body).toEqualTypeOf<KartaCreateParams | undefined>();
  });

  it('refuses a turn kind it does not know at compile time', () => {
    // @ts-expect-error no such turn kind
    createFakeServer({ turns: [{ type: 'function_calls', name: 'a' }] });
  });
});
