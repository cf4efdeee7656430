import { HttpResponse } from 'msw';
import type { ResponseStreamEvent } from '../../src/index.js';

/**
 * A body that yields these chunks (strings are UTF-8 encoded), then ends, or with `open: true`
 * stays open until it is cancelled.
 */
export function bodyOf(
  chunks: readonly (string | Uint8Array)[],
  { open = false }: { open?: boolean } = {},
): ReadableStream<Uint8Array> & { cancelled: boolean } {
  const encoder = new TextEncoder();
  let next = 0;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) return open ? undefined : controller.close();
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return Object.defineProperty(stream, 'cancelled', {
    get: () => state.cancelled,
  }) as ReadableStream<Uint8Array> & {
    cancelled: boolean;
  };
}

/** One SSE frame: `event:` line (when given) and the JSON data. */
export function frame(data: unknown, event?: string): string {
  const body = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${body}\n\n`;
}

/** A minimal valid canonical text stream: created, deltas, completed. */
export function textStreamFrames(deltas: readonly string[], id = 'resp_1'): string[] {
  const response = (status: string, output: unknown[]) => ({
    id,
    object: 'response',
    status,
    output,
  });
  const text = deltas.join('');
  const item = {
    type: 'message',
    id: 'msg_1',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
  let sequence = 0;
  const event = (type: string, fields: Record<string, unknown>) =>
    frame({ type, sequence_number: sequence++, ...fields }, type);
  return [
    event('response.created', { response: response('in_progress', []) }),
    ...deltas.map((delta) =>
      event('response.output_text.delta', {
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta,
      }),
    ),
    event('response.completed', { response: response('completed', [item]) }),
  ];
}

/** Cuts bytes at the given offsets (taken modulo the length, deduplicated): the chunks of one body. */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

/** The events of a stream as they were when yielded, their types, and the text a UI loop renders. */
export async function collect(stream: AsyncIterable<ResponseStreamEvent>) {
  const events: Record<string, unknown>[] = [];
  let text = '';
  for await (const e of stream) {
    events.push(structuredClone(e) as Record<string, unknown>);
    if (e.type === 'response.output_text.delta') text += e.delta;
  }
  return { events, text, types: events.map((e) => e.type) };
}

/** Every event of a stream, as yielded. */
export async function eventsOf(stream: AsyncIterable<ResponseStreamEvent>) {
  const events: Record<string, unknown>[] = [];
  for await (const event of stream) events.push(event as Record<string, unknown>);
  return events;
}

/** The id of the item an `output_item` event carries. */
export const itemIdOf = (event: Record<string, unknown> | undefined) =>
  (event?.item as { id?: string } | undefined)?.id;

/** A fetch that answers with these events as SSE (for sequences the fake server never sends). */
export function sseFetch(events: Record<string, unknown>[]) {
  const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
  return async () =>
    new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } }) as Response;
}
