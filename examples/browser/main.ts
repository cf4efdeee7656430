/**
 * Streams a reply into the page, with a stop button. The fake server of
 * `responses-client/testing` runs in the page, so this needs no key and no network; in an app,
 * point the client at your own server route instead (never put a secret key in a page).
 *
 *   npm run example:browser      # bundles this file and serves the page on 127.0.0.1
 */
import { APIUserAbortError, ResponsesClient } from 'responses-client';
import { createFakeServer } from 'responses-client/testing';

const server = createFakeServer({
  delayMs: 80,
  turns: () =>
    'We have Sunrise, a bright Ethiopian light roast with notes of blueberry and jasmine; ' +
    'Midnight, a chocolatey dark roast that stands up to milk; and Decaf Dusk, a gentle ' +
    'Colombian roasted slowly for a caramel finish. Each comes whole bean or ground to order.',
});
const client = new ResponsesClient({ fetch: server.fetch, baseURL: server.baseURL });

const form = document.querySelector<HTMLFormElement>('#ask')!;
const prompt = document.querySelector<HTMLInputElement>('#prompt')!;
const send = document.querySelector<HTMLButtonElement>('#send')!;
const stop = document.querySelector<HTMLButtonElement>('#stop')!;
const status = document.querySelector<HTMLElement>('#status')!;
const reply = document.querySelector<HTMLElement>('#reply')!;

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
    const stream = await client.responses.create(
      { model: 'fake-model', input: prompt.value, stream: true },
      { signal: controller.signal },
    );
    for await (const text of stream.textDeltas()) reply.textContent += text;
    status.textContent = 'Done.';
  } catch (error) {
    // Stopping closes the connection; the loop then throws APIUserAbortError.
    status.textContent =
      error instanceof APIUserAbortError ? 'Stopped.' : `Error: ${(error as Error).message}`;
  } finally {
    send.disabled = false;
    stop.disabled = true;
  }
});

stop.addEventListener('click', () => controller?.abort());
