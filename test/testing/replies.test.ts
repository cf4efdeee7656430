import { describe, expect, it } from 'vitest';
import { drain, formats, setUp } from './setup.js';

const model = 'fake-model';

describe.each(formats)(
  'createFakeServer({ dialect: %j }): replies through the client',
  (dialect) => {
    describe('a text turn', () => {
      it('answers a unary create with the text', async () => {
        const { client } = setUp(dialect, { turns: ['Hello there, friend.'] });
        const response = await client.responses.create({ model, input: 'hi' });
        expect(response.status).toBe('completed');
        expect(response.output_text).toBe('Hello there, friend.');
        expect(response.output).toHaveLength(1);
        expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
      });

      it('streams the text word by word, then the completed response', async () => {
        const { client } = setUp(dialect, { turns: ['Hello there, friend.'] });
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { types, deltas, error } = await drain(stream);
        expect(error).toBeUndefined();
        expect(deltas).toEqual(['Hello ', 'there, ', 'friend.']);
        expect(types[0]).toBe('response.created');
        expect(types.at(-1)).toBe('response.completed');
        expect((await stream.finalResponse()).output_text).toBe('Hello there, friend.');
      });

      it('streams the chunks a turn gives, or pieces of chunkSize characters', async () => {
        const { client } = setUp(dialect, {
          turns: [
            { text: 'abcdef', chunks: ['a', 'bcd', 'ef'] },
            { text: 'abcdefg', chunkSize: 3 },
          ],
        });
        const given = await drain(
          await client.responses.create({ model, input: 'hi', stream: true }),
        );
        const sized = await drain(
          await client.responses.create({ model, input: 'hi', stream: true }),
        );
        expect(given.deltas).toEqual(['a', 'bcd', 'ef']);
        expect(sized.deltas).toEqual(['abc', 'def', 'g']);
      });
    });

    describe('a function_call turn', () => {
      it('answers one call with its name, call id and arguments', async () => {
        const { client } = setUp(dialect, {
          turns: [{ type: 'function_call', name: 'get_weather', arguments: { city: 'Paris' } }],
        });
        const response = await client.responses.create({ model, input: 'Weather in Paris?' });
        expect(response.output).toHaveLength(1);
        const call = response.output[0] as {
          type: string;
          name: string;
          call_id: string;
          arguments: string;
        };
        expect(call.type).toBe('function_call');
        expect(call.name).toBe('get_weather');
        expect(call.call_id).toBe('call_fake_1_0');
        expect(JSON.parse(call.arguments)).toEqual({ city: 'Paris' });
        expect(response.output_text).toBe('');
      });

      it('streams several calls after a text, each with its own arguments', async () => {
        const { client } = setUp(dialect, {
          turns: [
            {
              type: 'function_call',
              text: 'Checking both.',
              calls: [
                { name: 'get_weather', arguments: { city: 'Paris' }, callId: 'call_paris' },
                { name: 'get_weather', arguments: '{"city":"Oslo"}', callId: 'call_oslo' },
              ],
            },
          ],
        });
        const stream = await client.responses.create({
          model,
          input: 'Paris and Oslo?',
          stream: true,
        });
        const done: unknown[] = [];
        const argumentDeltas: string[] = [];
        for await (const event of stream) {
          if (event.type === 'response.output_item.done') done.push(event.item);
          if (event.type === 'response.function_call_arguments.delta')
            argumentDeltas.push(event.delta);
        }
        expect(done).toMatchObject([
          { type: 'message' },
          { type: 'function_call', call_id: 'call_paris', arguments: '{"city":"Paris"}' },
          { type: 'function_call', call_id: 'call_oslo', arguments: '{"city":"Oslo"}' },
        ]);
        // Karta sends each call whole (its seed shows no argument events); the others stream them.
        expect(argumentDeltas.join('')).toBe(
          dialect === 'karta' ? '' : '{"city":"Paris"}{"city":"Oslo"}',
        );
        const response = await stream.finalResponse();
        expect(response.output_text).toBe('Checking both.');
        expect(response.output.map((item) => item.type)).toEqual([
          'message',
          'function_call',
          'function_call',
        ]);
        expect(response.output.slice(1)).toMatchObject([
          { call_id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { call_id: 'call_oslo', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        ]);
      });
    });

    describe('a refusal turn', () => {
      it('answers a message holding the refusal, and no output_text', async () => {
        const { client } = setUp(dialect, {
          turns: [{ type: 'refusal', refusal: "I can't help with that." }],
        });
        const response = await client.responses.create({ model, input: 'Something bad' });
        expect(response.output_text).toBe('');
        expect(response.output[0]).toMatchObject({
          type: 'message',
          content: [{ type: 'refusal', refusal: "I can't help with that." }],
        });
      });

      it('streams the refusal as refusal deltas', async () => {
        const { client } = setUp(dialect, {
          turns: [{ type: 'refusal', refusal: "I can't help with that." }],
        });
        const stream = await client.responses.create({
          model,
          input: 'Something bad',
          stream: true,
        });
        const { deltas, error } = await drain(stream, 'response.refusal.delta');
        expect(error).toBeUndefined();
        expect(deltas.join('')).toBe("I can't help with that.");
        const [message] = (await stream.finalResponse()).output;
        expect(message).toMatchObject({
          content: [{ type: 'refusal', refusal: "I can't help with that." }],
        });
      });
    });

    describe('a turn that reasons first', () => {
      it('puts a reasoning item with its summary before the answer, unary and streamed', async () => {
        const turn = { text: 'It is 42.', reasoning: 'The question is about the answer.' };
        const { client } = setUp(dialect, { turns: [turn, turn] });
        const unary = await client.responses.create({ model, input: 'Why?' });
        const stream = await client.responses.create({ model, input: 'Why?', stream: true });
        const { error } = await drain(stream);
        expect(error).toBeUndefined();
        for (const response of [unary, await stream.finalResponse()]) {
          expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
          expect(response.output[0]).toMatchObject({
            summary: [{ type: 'summary_text', text: 'The question is about the answer.' }],
          });
          expect(response.output_text).toBe('It is 42.');
        }
      });
    });

    describe('a json turn', () => {
      it('answers the JSON of the value as the text, unary and streamed', async () => {
        const recipe = { title: 'Pancakes', steps: ['mix', 'fry'], serves: 4 };
        const { client } = setUp(dialect, {
          turns: [
            { type: 'json', json: recipe },
            { type: 'json', json: recipe },
          ],
        });
        const unary = await client.responses.create({ model, input: 'A recipe' });
        expect(JSON.parse(unary.output_text)).toEqual(recipe);
        const stream = await client.responses.create({ model, input: 'A recipe', stream: true });
        const { deltas } = await drain(stream);
        expect(deltas.length).toBeGreaterThan(1);
        expect(JSON.parse(deltas.join(''))).toEqual(recipe);
        expect(JSON.parse((await stream.finalResponse()).output_text)).toEqual(recipe);
      });
    });

    describe('an incomplete turn', () => {
      it('answers the reply cut short: incomplete, with its reason, unary and streamed', async () => {
        const cut = { type: 'incomplete', reason: 'max_output_tokens', reply: 'We roast' } as const;
        const { client } = setUp(dialect, { turns: [cut, cut] });
        const unary = await client.responses.create({ model, input: 'hi' });
        expect(unary).toMatchObject({
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
          output_text: 'We roast',
        });
        const stream = await client.responses.create({ model, input: 'hi', stream: true });
        const { types, deltas } = await drain(stream);
        expect(types.at(-1)).toBe('response.incomplete');
        expect(deltas).toEqual(['We ', 'roast']);
        expect(await stream.finalResponse()).toMatchObject({
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
        });
      });
    });

    describe('a computed turn', () => {
      it('answers what a function of the request returns, given its body and context', async () => {
        const { server, client } = setUp(dialect, {
          turns: (request) =>
            `You said: ${String(request.context.length)} item, ${JSON.stringify(request.body?.model)}`,
        });
        const response = await client.responses.create({ model: 'm-1', input: 'hi' });
        expect(response.output_text).toBe('You said: 1 item, "m-1"');
        expect(server.requests[0]?.context[0]).toMatchObject({
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'hi' }],
        });
      });
    });
  },
);
