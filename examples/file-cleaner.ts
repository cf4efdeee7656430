import { type ResponsesClient, type SavedConversation, tool } from 'responses-client';
import { z } from 'zod/mini';

/** The files this assistant may clean up, by path: a stand-in for a disk. */
export const files = new Map([
  ['/tmp/build.log', 120_000],
  ['/tmp/report.pdf', 48_000],
]);

const list_files = tool({
  description: 'Lists the files under /tmp, with their sizes in bytes',
  parameters: z.object({}),
  execute: () => Object.fromEntries(files),
});

const delete_file = tool({
  description: 'Deletes a file',
  parameters: z.object({ path: z.string() }),
  needsApproval: true, // the turn pauses here: the user says yes or no first
  execute: ({ path }) => (files.delete(path) ? `deleted ${path}` : `no file at ${path}`),
});

/** The clean-up assistant: a new conversation, or one saved while it waited for approval. */
export function cleaner(client: ResponsesClient, saved?: SavedConversation) {
  return client.conversation({
    model: 'gpt-5-mini',
    tools: { list_files, delete_file },
    ...(saved && { resume: saved }),
  });
}
