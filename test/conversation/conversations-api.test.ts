import { describe, expect, it } from 'vitest';
import { type ConversationItem, NotFoundError, ResponsesClient } from '../../src/index.js';
import { baseURL, serve, useMswServer } from '../helpers/msw.js';
import { serveConversations } from '../resources/conversation-store.js';

const server = useMswServer();
const client = () => new ResponsesClient({ baseURL, apiKey: 'k', maxRetries: 0 });

/** A message's text, whichever form its content has. */
const text = (item: ConversationItem) =>
  item.type === 'message' && Array.isArray(item.content)
    ? item.content.map((part) => ('text' in part ? part.text : '')).join('')
    : '';

describe('client.conversation on a conversation made by client.conversations.create', () => {
  it('sends each turn’s new items with the conversation id, and the server keeps the whole history', async () => {
    const { conversations: kept, created: sent } = serveConversations(server);
    const openai = client();
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

    expect(await openai.conversations.delete(conv.id)).toMatchObject({ deleted: true });
    expect(kept.has(conv.id)).toBe(false);
    await expect(chat.send('Still there?')).rejects.toBeInstanceOf(NotFoundError);
    expect(chat.items).toHaveLength(4);
  });

  it('refuses the id on a dialect that keeps no conversations, before sending anything', () => {
    const seen = serve(server, () => new Response('{}'));
    const kawai = new ResponsesClient({ baseURL, dialect: 'kawai' });
    expect(() => kawai.conversation({ model: 'm', conversation: 'conv_1' })).toThrow(
      /keeps no conversations/,
    );
    expect(seen).toHaveLength(0);
  });
});
