import { RequestValidationError, ResponsesClient } from 'responses-client';
import { expect, it } from 'vitest';
import { lumen } from './own-server.js';

/** What Lumen streams for "Hello, world": event types and deltas, nothing else. */
const lumenStream = [
  { type: 'response.created', response: { id: 'resp_1', status: 'in_progress', model: 'lumen-1' } },
  { type: 'text', delta: 'Hello' },
  { type: 'text', delta: ', world' },
  { type: 'response.completed', response: { id: 'resp_1', status: 'completed', model: 'lumen-1' } },
]
  .map((event) => `data: ${JSON.stringify(event)}\n\n`)
  .join('');

/** A client of Lumen whose fetch answers every request with that stream, and what it was sent. */
function lumenClient() {
  const sent: { url: string; headers: Headers; body: unknown }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url, headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
    return new Response(lumenStream, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { sent, client: new ResponsesClient({ dialect: lumen, apiKey: 'lumen-key', fetch }) };
}

it('streams Lumen’s sparse events as the canonical sequence, ids and indexes filled in', async () => {
  const { client } = lumenClient();
  const stream = await client.responses.create({ model: 'lumen-1', input: 'Hi', stream: true });
  const events = [];
  for await (const event of stream) events.push(event);

  expect(events.map((event) => event.type)).toEqual([
    'response.created',
    'response.output_item.added',
    'response.content_part.added',
    'response.output_text.delta',
    'response.output_text.delta',
    'response.output_text.done',
    'response.content_part.done',
    'response.output_item.done',
    'response.completed',
  ]);
  expect(events.map((event) => event.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  const [delta] = events.filter((event) => event.type === 'response.output_text.delta');
  expect(delta).toMatchObject({ item_id: expect.any(String), output_index: 0, content_index: 0 });
  expect((await stream.finalResponse()).output_text).toBe('Hello, world');
});

it('sends the key in x-api-key and max_output_tokens as max_tokens', async () => {
  const { client, sent } = lumenClient();
  await client.responses.create({
    model: 'lumen-1',
    input: 'Hi',
    max_output_tokens: 64,
    stream: true,
  });

  expect(sent[0]?.url).toBe('http://127.0.0.1:8080/v1/responses');
  expect(sent[0]?.headers.get('x-api-key')).toBe('lumen-key');
  expect(sent[0]?.headers.has('authorization')).toBe(false);
  expect(sent[0]?.body).toEqual({ model: 'lumen-1', input: 'Hi', max_tokens: 64, stream: true });
});

it('refuses store: true before sending anything', async () => {
  const { client, sent } = lumenClient();
  const refused = client.responses.create({ model: 'lumen-1', input: 'Hi', store: true });

  await expect(refused).rejects.toThrow(RequestValidationError);
  await expect(refused).rejects.toThrow('Lumen stores no responses');
  expect(sent).toHaveLength(0);
});
