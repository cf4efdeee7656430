/**
 * A UI that renders a structured answer as it is written: a conversation turn with a zod
 * `text.format`, read with `partialOutput()`. Each snapshot is a valid prefix of the final value
 * (strings grow, numbers show once whole), shares what did not change with the one before, and
 * the last one is the whole answer, also parsed as `output_parsed`.
 *
 *   npx tsx examples/partial-output-ui.ts      # the built-in fake server: no key, no network
 */
import { zodTextFormat } from 'responses-client';
import { z } from 'zod/mini';
import { connect, model } from './connect.js';

const Menu = z.object({
  title: z.string(),
  courses: z.array(z.object({ name: z.string(), minutes: z.number() })),
});

const client = connect([
  {
    type: 'json',
    json: {
      title: 'A slow Sunday',
      courses: [
        { name: 'Cardamom buns', minutes: 90 },
        { name: 'Midnight cold brew', minutes: 720 },
      ],
    },
    chunkSize: 12,
  },
]);

const chat = client.conversation({ model, instructions: 'You plan coffee menus.' });
const stream = chat.stream('Plan a Sunday menu', { text: { format: zodTextFormat(Menu, 'menu') } });

let frames = 0;
for await (const menu of stream.partialOutput()) {
  // What a render function would draw: whatever has been written so far.
  const courses = (menu.courses ?? []).map((c) => `${c.name ?? '…'} (${c.minutes ?? '?'} min)`);
  console.log(`frame ${++frames}: ${menu.title ?? '…'} | ${courses.join(', ')}`);
}
const { output_parsed } = await stream.finalResponse();
console.log(`[parsed: ${output_parsed?.courses.length} courses, ${frames} frames]`);
