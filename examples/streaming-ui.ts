/**
 * The loop a UI runs while a reply streams: keep the text so far and where it stands, render
 * on every piece, and end in one clear state: done, stopped (the user pressed Stop) or failed
 * (the text that arrived stays on screen, with the reason). Framework-free: `render` is your
 * `setState`, a signal's `.value =`, or a DOM write (see examples/browser/ for the page).
 *
 *   npx tsx examples/streaming-ui.ts      # the built-in fake server: no key, no network
 */
import { type AnyResponsesClient, APIUserAbortError, ResponsesError } from 'responses-client';
import { connect, model } from './connect.js';

/** What the UI shows for one reply. */
export interface ReplyView {
  text: string;
  status: 'waiting' | 'streaming' | 'done' | 'stopped' | 'failed';
  /** Why it failed, in words the user can read. */
  error?: string;
}

/** Streams the reply to `input` into `render`, until it ends or `signal` stops it. */
export async function streamReply(
  client: AnyResponsesClient,
  input: string,
  render: (view: ReplyView) => void,
  signal: AbortSignal,
): Promise<ReplyView> {
  let view: ReplyView = { text: '', status: 'waiting' };
  const show = (next: ReplyView) => {
    view = next;
    render(view);
  };
  show(view);
  try {
    const stream = await client.responses.create({ model, input, stream: true }, { signal });
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta' || event.type === 'response.refusal.delta')
        show({ text: view.text + event.delta, status: 'streaming' });
    }
    show({ ...view, status: 'done' });
  } catch (error) {
    if (error instanceof APIUserAbortError) show({ ...view, status: 'stopped' });
    else if (error instanceof ResponsesError)
      show({ ...view, status: 'failed', error: error.message });
    else throw error; // a bug in this code, not a model or network failure
  }
  return view;
}

const client = connect([
  'Sunrise is bright and fruity, a light roast from Ethiopia.',
  'Midnight is our darkest roast: chocolate, smoke and a long finish.',
  { type: 'stream_error', after: 6, message: 'The model is overloaded.', reply: 'Decaf Dusk is' },
]);
const render = (view: ReplyView) =>
  console.log(
    `  ${view.status.padEnd(9)} ${JSON.stringify(view.text)}${view.error ? ` (${view.error})` : ''}`,
  );

console.log('> Tell me about Sunrise.');
await streamReply(client, 'Tell me about Sunrise.', render, new AbortController().signal);

console.log('> And Midnight?   (Stop is pressed after three pieces)');
const stop = new AbortController();
let pieces = 0;
await streamReply(
  client,
  'And Midnight?',
  (view) => {
    render(view);
    if (view.status === 'streaming' && ++pieces === 3) stop.abort();
  },
  stop.signal,
);

console.log('> And Decaf Dusk?   (the server fails midway)');
await streamReply(client, 'And Decaf Dusk?', render, new AbortController().signal);
