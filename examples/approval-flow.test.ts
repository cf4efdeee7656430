import { ResponsesClient } from 'responses-client';
import { createFakeServer } from 'responses-client/testing';
import { expect, it } from 'vitest';
import { cleaner, files } from './file-cleaner.js';

it('pauses before deleting, survives a save and a reload, then deletes what the user approved', async () => {
  const server = createFakeServer({
    turns: [
      { type: 'function_call', name: 'list_files', callId: 'call_list' },
      {
        type: 'function_call',
        calls: [
          { name: 'delete_file', arguments: { path: '/tmp/build.log' }, callId: 'call_log' },
          { name: 'delete_file', arguments: { path: '/tmp/report.pdf' }, callId: 'call_pdf' },
        ],
      },
      'Deleted build.log; report.pdf stays.',
    ],
  });
  const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });

  const chat = cleaner(client);
  await chat.send('Free some space in /tmp');

  // The model asked to delete two files: nothing is deleted yet.
  expect(chat.pendingApprovals.map((call) => call.arguments)).toEqual([
    '{"path":"/tmp/build.log"}',
    '{"path":"/tmp/report.pdf"}',
  ]);
  expect(files.size).toBe(2);

  // The page reloads: the conversation, pending approvals included, is plain JSON.
  const saved = JSON.parse(JSON.stringify(chat));
  const resumed = cleaner(client, saved);
  const answer = await resumed.send({
    approvals: { call_log: true, call_pdf: 'Keep the report.' },
  });

  expect(answer.output_text).toBe('Deleted build.log; report.pdf stays.');
  expect([...files.keys()]).toEqual(['/tmp/report.pdf']);
  // The model was told what ran and what the user refused.
  expect(server.requests[2]?.body?.input).toEqual([
    { type: 'function_call_output', call_id: 'call_log', output: 'deleted /tmp/build.log' },
    { type: 'function_call_output', call_id: 'call_pdf', output: 'Keep the report.' },
  ]);
  expect(resumed.pendingApprovals).toEqual([]);
});
