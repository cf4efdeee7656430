/**
 * A multi-turn chat: each turn sees the whole conversation (the helper sends what the server
 * needs: here the new message and `previous_response_id`), the second is streamed, then the
 * conversation is saved as JSON and resumed, as a page would across a reload.
 *
 *   npx tsx examples/conversation.ts      # the built-in fake server: no key, no network
 *   RESPONSES_BASE_URL=https://api.openai.com/v1 RESPONSES_API_KEY=sk-… RESPONSES_MODEL=gpt-5-mini npx tsx examples/conversation.ts
 */
import { connect, model } from './connect.js';

const client = connect([
  'We roast Sunrise (light), Midnight (dark) and Decaf Dusk.',
  'Midnight: chocolate and smoke, roasted long and slow.',
  'Not at all: it is smooth, with very little acidity.',
]);

const chat = client.conversation({
  model,
  instructions: 'You are a coffee shop assistant. Be brief.',
});

const say = (text: string) => process.stdout.write(`> ${text}\n`);

say('What roasts do you have?');
console.log((await chat.send('What roasts do you have?')).output_text);

say('Which is the darkest?');
for await (const text of chat.stream('Which is the darkest?').textDeltas())
  process.stdout.write(text);
process.stdout.write('\n');

// Plain JSON: store it anywhere (localStorage, a database), and carry on later.
const saved = JSON.stringify(chat);
const resumed = client.conversation({ resume: JSON.parse(saved) });

say('Is it bitter?');
console.log((await resumed.send('Is it bitter?')).output_text);
console.log(
  `\n[${resumed.items.length} items, strategy ${resumed.strategy}, last response ${resumed.previousResponseId}]`,
);
