/** A synthetic Responses stream, the same bytes on every run: a fixed seed drives every choice. */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'the',
  'roast',
  'coffee',
  'Sunrise',
  'Midnight',
  'a',
  'chocolatey',
  'bright',
  'notes',
  'of',
  'é',
  '☕',
  'and',
  'Decaf',
  'Dusk',
];

/**
 * The SSE frames of a text reply of `deltas` deltas, as OpenAI sends it (`event:` lines, sequence
 * numbers, `obfuscation`, and closing events that carry the whole text), made one at a time so
 * that a server can send a stream of any length without holding it. Returns the whole text.
 */
export function syntheticFrames(deltas: number, seed = 42): Generator<string, string, undefined> {
  return replyFrames(deltas, (_, random) => `${words[Math.floor(random() * words.length)]} `, seed);
}

/**
 * The SSE frames of a reply whose text comes in `deltas` deltas, the `index`th being
 * `delta(index, random)` (see {@link syntheticFrames}). Returns the whole text.
 */
export function* replyFrames(
  deltas: number,
  delta: (index: number, random: () => number) => string,
  seed = 42,
): Generator<string, string, undefined> {
  const random = seeded(seed);
  const id = 'resp_0123456789abcdef0123456789abcdef';
  const itemId = 'msg_0123456789abcdef0123456789abcdef';
  let sequence = 0;
  const frame = (event: Record<string, unknown>) => {
    const data = JSON.stringify({ ...event, sequence_number: sequence++ });
    return `event: ${String(event.type)}\ndata: ${data}\n\n`;
  };
  const response = (status: string, output: unknown[]) => ({
    id,
    object: 'response',
    created_at: 1763474589,
    status,
    model: 'gpt-5-mini',
    output,
    usage:
      status === 'completed'
        ? { input_tokens: 12, output_tokens: deltas, total_tokens: deltas + 12 }
        : null,
  });
  yield frame({ type: 'response.created', response: response('in_progress', []) });
  yield frame({ type: 'response.in_progress', response: response('in_progress', []) });
  yield frame({
    type: 'response.output_item.added',
    output_index: 0,
    item: { id: itemId, type: 'message', status: 'in_progress', role: 'assistant', content: [] },
  });
  yield frame({
    type: 'response.content_part.added',
    item_id: itemId,
    output_index: 0,
    content_index: 0,
    part: { type: 'output_text', text: '', annotations: [] },
  });
  const pieces: string[] = [];
  for (let i = 0; i < deltas; i++) {
    const piece = delta(i, random);
    pieces.push(piece);
    const obfuscation = 'x'.repeat(1 + Math.floor(random() * 12));
    yield frame({
      type: 'response.output_text.delta',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      delta: piece,
      logprobs: [],
      obfuscation,
    });
  }
  const text = pieces.join('');
  const part = { type: 'output_text', text, annotations: [] };
  const item = {
    id: itemId,
    type: 'message',
    status: 'completed',
    role: 'assistant',
    content: [part],
  };
  yield frame({
    type: 'response.output_text.done',
    item_id: itemId,
    output_index: 0,
    content_index: 0,
    text,
    logprobs: [],
  });
  yield frame({
    type: 'response.content_part.done',
    item_id: itemId,
    output_index: 0,
    content_index: 0,
    part,
  });
  yield frame({ type: 'response.output_item.done', output_index: 0, item });
  yield frame({ type: 'response.completed', response: response('completed', [item]) });
  return text;
}

/** The SSE body of a text reply of `deltas` deltas ({@link syntheticFrames}), and the whole text. */
export function syntheticStream(deltas: number, seed = 42): { body: Uint8Array; text: string } {
  return bodyOf(syntheticFrames(deltas, seed));
}

/** The frames of a reply as one SSE body, and the whole text. */
export function bodyOf(generator: Generator<string, string, undefined>): {
  body: Uint8Array;
  text: string;
} {
  const frames: string[] = [];
  for (let next = generator.next(); ; next = generator.next()) {
    if (next.done) return { body: new TextEncoder().encode(frames.join('')), text: next.value };
    frames.push(next.value);
  }
}

/** Cuts bytes into chunks of random sizes (1 byte to `max`), from a fixed seed. */
export function randomChunks(bytes: Uint8Array, max = 16 * 1024, seed = 7): Uint8Array[] {
  const random = seeded(seed);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * max);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** A fetch that answers every request with these chunks as a `text/event-stream` body. */
export function fetchServing(chunks: readonly Uint8Array[]) {
  return async (_input: unknown, _init?: unknown): Promise<Response> => {
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}
