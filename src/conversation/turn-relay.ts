/**
 * A whole conversation turn as one relayed stream, which `ResponseStream.fromReadableStream`
 * reads back on the other side: the wire events of every step and the loop's own events
 * (`tool_call.*`, `step.completed`), with only the last step's terminal event sent, last (a
 * reader of a relayed stream stops at the first terminal event). An earlier step's response is
 * in its `step.completed`.
 */
import type { ConversationEvent } from './step-types.js';

/** Whether an event ends a response's stream. */
const terminal = (event: ConversationEvent) =>
  event.type === 'response.completed' ||
  event.type === 'response.incomplete' ||
  event.type === 'response.failed';

/** The turn's events for a relay: each step's terminal event held back, the last one sent at the end. */
export async function* relayedTurn(
  events: AsyncIterable<ConversationEvent>,
): AsyncGenerator<{ type: unknown }, void, undefined> {
  let held: ConversationEvent | undefined;
  for await (const event of events) {
    if (terminal(event)) held = event;
    else {
      // A new step's first event: the step before was not the last.
      if (event.type === 'response.created') held = undefined;
      yield event;
    }
  }
  if (held) yield held;
}
