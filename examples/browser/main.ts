/**
 * Streams a reply into the page, with a stop button, in a conversation that survives a reload:
 * after each turn the conversation's `toJSON()` goes to localStorage, and on load the page
 * resumes it. The fake server of `responses-client/testing` runs in the page, so this needs no
 * key and no network; in an app, point the client at your own server route instead (never put a
 * secret key in a page: see relay.ts for the relay variant).
 *
 *   npm run example:browser      # bundles the page and serves it on 127.0.0.1
 */
import {
  APIUserAbortError,
  type ResponseInputItem,
  ResponsesClient,
  type SavedConversation,
} from 'responses-client';
import { createFakeServer } from 'responses-client/testing';

/** Where the conversation is kept between visits. */
const STORAGE_KEY = 'responses-client-example:conversation';

const server = createFakeServer({
  delayMs: 80,
  // The model's answer counts the questions it was shown: after a reload, the whole conversation.
  turns: (request) => {
    const asked = request.context.filter(
      (item) => item.type === 'message' && item.role === 'user',
    ).length;
    return (
      'We have Sunrise, a bright Ethiopian light roast with notes of blueberry and jasmine; ' +
      'Midnight, a chocolatey dark roast that stands up to milk; and Decaf Dusk, a gentle ' +
      `Colombian roasted slowly for a caramel finish. That was question ${asked} of this conversation.`
    );
  },
});
const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });

const form = document.querySelector<HTMLFormElement>('#ask')!;
const prompt = document.querySelector<HTMLInputElement>('#prompt')!;
const send = document.querySelector<HTMLButtonElement>('#send')!;
const stop = document.querySelector<HTMLButtonElement>('#stop')!;
const reset = document.querySelector<HTMLButtonElement>('#reset')!;
const status = document.querySelector<HTMLElement>('#status')!;
const transcript = document.querySelector<HTMLOListElement>('#transcript')!;
const reply = document.querySelector<HTMLElement>('#reply')!;

/** The conversation saved on the last visit, resumed, or a new one. */
function openConversation() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved) {
    try {
      return client.conversation({ resume: JSON.parse(saved) as SavedConversation });
    } catch {
      localStorage.removeItem(STORAGE_KEY); // saved by another version: start again
    }
  }
  return client.conversation({ model: 'fake-model', instructions: 'You are a barista.' });
}
let chat = openConversation();

/** The text of a message item, whatever the shape of its content. */
function textOf(item: ResponseInputItem): string | undefined {
  if (item.type !== 'message' && item.type !== undefined) return undefined;
  const { content } = item as { content?: unknown };
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return content
    .map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** Shows every complete turn of the conversation. */
function showTranscript(): void {
  transcript.replaceChildren(
    ...chat.items.flatMap((item) => {
      const text = textOf(item);
      const role = (item as { role?: unknown }).role;
      if (text === undefined || (role !== 'user' && role !== 'assistant')) return [];
      const line = document.createElement('li');
      line.className = role;
      line.textContent = text;
      return [line];
    }),
  );
}
showTranscript();

/** Aborts the reply being streamed: the request, or the stream once it has started. */
let controller: AbortController | undefined;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  controller = new AbortController();
  reply.textContent = '';
  status.textContent = 'Streaming…';
  send.disabled = true;
  stop.disabled = false;
  try {
    const turn = chat.stream(prompt.value, {}, { signal: controller.signal });
    for await (const text of turn.textDeltas()) reply.textContent += text;
    await turn.finalResponse();
    // Only complete turns enter the conversation: save it now, resume it on the next visit.
    localStorage.setItem(STORAGE_KEY, JSON.stringify(chat));
    status.textContent = 'Done.';
  } catch (error) {
    // Stopping closes the connection; the loop then throws APIUserAbortError.
    status.textContent =
      error instanceof APIUserAbortError ? 'Stopped.' : `Error: ${(error as Error).message}`;
  } finally {
    showTranscript();
    send.disabled = false;
    stop.disabled = true;
  }
});

stop.addEventListener('click', () => controller?.abort());

reset.addEventListener('click', () => {
  localStorage.removeItem(STORAGE_KEY);
  chat = openConversation();
  reply.textContent = '';
  status.textContent = 'Ready.';
  showTranscript();
});
