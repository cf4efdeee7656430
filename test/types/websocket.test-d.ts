import { describe, expectTypeOf, it } from 'vitest';
import { defineDialect, ResponsesClient } from '../../src/index.js';

const withIt = defineDialect({ name: 'mine', baseURL: 'x', webSocket: true });
const without = defineDialect({ name: 'mine', baseURL: 'x' });
const ws = 'websocket' as const;

describe('transport: typed by the dialect', () => {
  it("takes 'websocket' on a client of a dialect that has the WebSocket mode", () => {
    const client = new ResponsesClient({ transport: ws });
    client.conversation({ model: 'm', transport: ws });
    new ResponsesClient({ dialect: withIt, transport: ws });
    expectTypeOf(client.close).returns.toEqualTypeOf<Promise<void>>();
  });

  it("refuses 'websocket' on a dialect without it, and takes 'http' everywhere", () => {
    // @ts-expect-error Kawai's server has no WebSocket mode.
    new ResponsesClient({ dialect: 'kawai', transport: ws });
    // @ts-expect-error A dialect of your own has none unless it says `webSocket: true`.
    new ResponsesClient({ dialect: without, transport: ws });
    const kawai = new ResponsesClient({ dialect: 'kawai', transport: 'http' });
    // @ts-expect-error Nor on a conversation of its client.
    kawai.conversation({ model: 'm', transport: ws });
  });

  it('types stream_id on an OpenAI client only', () => {
    new ResponsesClient().responses.create({ model: 'm', input: 'x', stream_id: 'lane_1' });
    const kawai = new ResponsesClient({ dialect: 'kawai' }).responses;
    // @ts-expect-error Kawai's params have no stream_id.
    kawai.create({ model: 'm', stream_id: 'lane_1' });
  });
});
