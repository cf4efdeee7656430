/**
 * The relay variant: the page asks its own server (`POST /api/chat`, see route.ts), which streams
 * the model's reply on with `stream.toResponse()`; the page reads it back, typed, with
 * `ResponseStream.fromReadableStream(body, { signal })`. Stop aborts the signal: the fetch and
 * the loop end with `APIUserAbortError`, and the server sees the connection close and aborts its
 * own request upstream. No key in the page.
 *
 *   npm run example:browser      # then open /relay.html
 */
import { APIUserAbortError, ResponseStream } from 'responses-client';

const form = document.querySelector<HTMLFormElement>('#ask')!;
const prompt = document.querySelector<HTMLInputElement>('#prompt')!;
const send = document.querySelector<HTMLButtonElement>('#send')!;
const stop = document.querySelector<HTMLButtonElement>('#stop')!;
const status = document.querySelector<HTMLElement>('#status')!;
const reply = document.querySelector<HTMLElement>('#reply')!;

let controller: AbortController | undefined;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  controller = new AbortController();
  const { signal } = controller;
  reply.textContent = '';
  status.textContent = 'Streaming…';
  send.disabled = true;
  stop.disabled = false;
  try {
    const response = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: prompt.value }),
      signal,
    });
    if (!response.ok || !response.body) throw new Error(`The server answered ${response.status}.`);
    const stream = ResponseStream.fromReadableStream(response.body, { signal });
    for await (const text of stream.textDeltas()) reply.textContent += text;
    status.textContent = 'Done.';
  } catch (error) {
    // Stop aborts the fetch, or the loop once it reads: both throw APIUserAbortError here.
    status.textContent =
      error instanceof APIUserAbortError || signal.aborted
        ? 'Stopped.'
        : `Error: ${(error as Error).message}`;
  } finally {
    send.disabled = false;
    stop.disabled = true;
  }
});

stop.addEventListener('click', () => controller?.abort());
