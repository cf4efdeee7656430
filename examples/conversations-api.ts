/**
 * OpenAI's Conversations API: a conversation kept on the server. Create it, talk in it with the
 * helper (each turn sends only its new items and the `conversation` id), read its items back,
 * delete it.
 *
 *   npx tsx examples/conversations-api.ts      # the built-in fake server: no key, no network
 *   RESPONSES_BASE_URL=https://api.openai.com/v1 RESPONSES_API_KEY=sk-… RESPONSES_MODEL=gpt-5-mini npx tsx examples/conversations-api.ts
 */
import { NotFoundError } from 'responses-client';
import { connectOpenAI, model } from './connect.js';

const client = connectOpenAI([
  'Sunrise (light), Midnight (dark) and Decaf Dusk.',
  'Midnight: chocolate and smoke.',
]);

const conv = await client.conversations.create({
  items: [{ role: 'developer', content: 'You are a barista. Be brief.' }],
  metadata: { app: 'shop' },
});

const chat = client.conversation({ model, conversation: conv.id });
console.log((await chat.send('What roasts do you have?')).output_text);
console.log((await chat.send('Which is the darkest?')).output_text);

for await (const item of client.conversations.items.list(conv.id, { order: 'asc' })) {
  if (item.type !== 'message') continue;
  const text = item.content.map((part) => ('text' in part ? part.text : '')).join('');
  console.log(`  ${item.role}: ${text}`); // every page, oldest first
}

await client.conversations.delete(conv.id);
await chat.send('Still there?').catch((error: unknown) => {
  if (!(error instanceof NotFoundError)) throw error;
  console.log(`[deleted: the next turn is a NotFoundError; ${chat.items.length} items kept here]`);
});
