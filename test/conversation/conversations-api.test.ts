import { describe, expect, it } from 'vitest';
import { type ConversationItem, NotFoundError } from '../../src/index.js';
import { fakeClient } from '../helpers/clients.js';
import { specIssues } from '../helpers/spec-check.js';

/** A fake OpenAI whose model says how many items it saw, and a client of it. */
const fakeOpenAI = () => fakeClient({ turns: (request) => `saw ${request.context.length} items` });

/** A message's text, whichever form its content has. */
const text = (item: ConversationItem) =>
  item.type === 'message' && Array.isArray(item.content)
    ? item.content.map((part) => ('text' in part ? part.text : '')).join('')
    : '';

describe('client.conversation on a conversation made by client.conversations.create', () => {
  it('sends each turn’s new items with the conversation id, and the server keeps the whole history', async () => {
    const { server, client: openai } = fakeOpenAI();
    const conv = await openai.conversations.create({
      items: [{ role: 'developer', content: 'You are a barista. Be brief.' }],
      metadata: { app: 'shop' },
    });
    const chat = openai.conversation({ model: 'gpt-test', conversation: conv.id });
    expect(chat.strategy).toBe('conversation');

    const first = await chat.send('What roasts do you have?');
    const second = await chat.send('Which is the darkest?');

    // The server saw the history it keeps: the developer message, then one more turn each time.
    expect(first.output_text).toBe('saw 2 items');
    expect(second.output_text).toBe('saw 4 items');
    expect(second.conversation).toEqual({ id: conv.id });
    const sent = server.requests.filter((r) => r.endpoint === 'create').map((r) => r.body);
    expect(sent).toEqual([
      expect.objectContaining({
        conversation: conv.id,
        input: [expect.objectContaining({ role: 'user', content: 'What roasts do you have?' })],
      }),
      expect.objectContaining({
        conversation: conv.id,
        input: [expect.objectContaining({ role: 'user', content: 'Which is the darkest?' })],
      }),
    ]);
    for (const body of sent) expect(body).not.toHaveProperty('previous_response_id');

    // Every item, oldest first, two per page.
    const items: ConversationItem[] = [];
    for await (const item of openai.conversations.items.list(conv.id, { order: 'asc', limit: 2 }))
      items.push(item);
    expect(items.map((item) => (item.type === 'message' ? item.role : item.type))).toEqual([
      'developer',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(items.map(text)).toEqual([
      'You are a barista. Be brief.',
      'What roasts do you have?',
      'saw 2 items',
      'Which is the darkest?',
      'saw 4 items',
    ]);
    expect(server.conversationItems(conv.id)).toEqual(items);

    expect(await openai.conversations.delete(conv.id)).toMatchObject({ deleted: true });
    expect(server.storedConversation(conv.id)).toBeUndefined();
    await expect(chat.send('Still there?')).rejects.toBeInstanceOf(NotFoundError);
    expect(chat.items).toHaveLength(4);
    // Every request the flow sent is one OpenAI's spec takes.
    expect(server.requests.flatMap(specIssues)).toEqual([]);
  });

  it('refuses the id on a dialect that keeps no conversations, before sending anything', () => {
    const { server, client: kawai } = fakeClient({ dialect: 'kawai' });
    expect(() => kawai.conversation({ model: 'm', conversation: 'conv_1' })).toThrow(
      /keeps no conversations/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
