/**
 * A human in the loop: a tool with `needsApproval` does not run when the model calls it; the
 * turn ends with the call in `chat.pendingApprovals`. The conversation is saved as JSON (as a
 * page would before the user answers, maybe after a reload), resumed, and the user's answers
 * sent: the approved call runs, the refused one tells the model why, and the loop carries on.
 *
 *   npx tsx examples/approval-flow.ts      # the built-in fake server: no key, no network
 */
import { connectOpenAI } from './connect.js';
import { cleaner, files } from './file-cleaner.js';

const client = connectOpenAI([
  { type: 'function_call', name: 'list_files', callId: 'call_list' },
  {
    type: 'function_call',
    calls: [
      { name: 'delete_file', arguments: { path: '/tmp/build.log' }, callId: 'call_log' },
      { name: 'delete_file', arguments: { path: '/tmp/report.pdf' }, callId: 'call_pdf' },
    ],
  },
  'I deleted build.log (120 KB freed) and kept report.pdf, as you asked.',
]);

console.log('> Free some space in /tmp');
const chat = cleaner(client);
await chat.send('Free some space in /tmp');
for (const call of chat.pendingApprovals)
  console.log(`[waiting for approval: ${call.name}(${call.arguments}), ${call.call_id}]`);

// Saved while the user decides (localStorage, a database…), then resumed.
const saved = JSON.stringify(chat);
const resumed = cleaner(client, JSON.parse(saved));
const [log, pdf] = resumed.pendingApprovals;
if (!log || !pdf) throw new Error('expected two calls waiting for approval');

const stream = resumed.stream({
  approvals: { [log.call_id]: true, [pdf.call_id]: 'The user wants to keep the report.' },
});
for await (const event of stream) {
  if (event.type === 'tool_call.completed') console.log(`[${event.name}: ${event.output}]`);
  if (event.type === 'response.output_text.delta') process.stdout.write(event.delta);
}
console.log(`\n[files left: ${[...files.keys()].join(', ')}]`);
