import { describe, expect, it } from 'vitest';
import { sparseEvents } from '../../src/dialects/sparse-events.js';
import {
  APITimeoutError,
  APIUserAbortError,
  ResponseValidationError,
  StreamError,
} from '../../src/errors.js';
import { ResponseStream } from '../../src/stream/response-stream.js';
import { bodyOf, frame, textStreamFrames } from '../helpers/streams.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const streamOf = (chunks: readonly (string | Uint8Array)[]) =>
  new ResponseStream({ body: bodyOf(chunks) });
/** Sparse events (no ids, no indexes) as some servers send them, before any dialect fills them in. */
const sparseStreamOf = (chunks: readonly string[]) =>
  new ResponseStream({
    body: bodyOf(chunks),
    decoding: { normalize: (event) => event, validate: undefined },
  });

describe('ResponseStream', () => {
  it('yields every event in order, typed by event.type', async () => {
    const events = await collect(streamOf(textStreamFrames(['Hel', 'lo'])));
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.completed',
    ]);
  });

  it('takes the type from the SSE event line when the data has none', async () => {
    const chunks = [
      frame({ response: { id: 'r', status: 'in_progress', output: [] } }, 'response.created'),
      frame({ delta: 'Hi' }, 'response.output_text.delta'),
      frame({ response: { id: 'r', status: 'completed', output: [] } }, 'response.completed'),
    ];
    const events = await collect(sparseStreamOf(chunks));
    expect(events[1]).toMatchObject({ type: 'response.output_text.delta', delta: 'Hi' });
  });

  it('ends at [DONE] and ignores comments', async () => {
    const chunks = [
      ': keep-alive\n\n',
      ...textStreamFrames(['a']),
      'data: [DONE]\n\n',
      frame({ type: 'never.seen' }),
    ];
    const events = await collect(streamOf(chunks));
    expect(events.map((event) => event.type)).not.toContain('never.seen');
    expect(events).toHaveLength(3);
  });

  it('delivers the last event even without its closing blank line', async () => {
    const frames = textStreamFrames(['a']);
    const last = frames.pop()?.replace(/\n\n$/, '') ?? '';
    const events = await collect(streamOf([...frames, last]));
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('parses the same events whether the bytes come whole or one at a time', async () => {
    const whole = textStreamFrames(['Ünïcödé ☕ ', 'done']).join('');
    const bytes = new TextEncoder().encode(whole);
    const oneByOne = Array.from(bytes, (byte) => new Uint8Array([byte]));
    expect(await collect(streamOf(oneByOne))).toEqual(await collect(streamOf([whole])));
  });

  it('throws StreamError with the message, code and type of a nested error event', async () => {
    const error = {
      type: 'error',
      sequence_number: 2,
      error: {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        message: 'You exceeded your quota',
        param: null,
      },
    };
    const stream = streamOf([textStreamFrames(['a'])[0] ?? '', frame(error, 'error')]);
    const failure = await collect(stream).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({
      message: 'You exceeded your quota',
      code: 'insufficient_quota',
      type: 'insufficient_quota',
    });
  });

  it('throws StreamError with the message and code of a flat error event', async () => {
    const stream = streamOf([
      frame({ type: 'error', code: 'rate_limit', message: 'Slow down', param: null }),
    ]);
    const failure = await collect(stream).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(StreamError);
    expect(failure).toMatchObject({ message: 'Slow down', code: 'rate_limit', type: undefined });
  });

  it('throws StreamError when the body ends before a terminal event', async () => {
    const frames = textStreamFrames(['a', 'b']).slice(0, -1);
    await expect(collect(streamOf(frames))).rejects.toThrow(/ended before a terminal event/);
  });

  it('throws StreamError, not SyntaxError, on an event that is not JSON', async () => {
    const failure = await collect(streamOf(['event: response.created\ndata: {nope\n\n'])).catch(
      (caught: unknown) => caught,
    );
    expect(failure).toBeInstanceOf(StreamError);
    expect((failure as Error).message).toContain('"response.created" that is not valid JSON');
  });

  it('refuses a second iteration', async () => {
    const stream = streamOf(textStreamFrames(['a']));
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(StreamError);
  });

  it('cancels the body when the loop breaks early', async () => {
    const body = bodyOf(textStreamFrames(['a', 'b', 'c']));
    const stream = new ResponseStream({ body });
    for await (const event of stream) if (event.type === 'response.output_text.delta') break;
    expect(body.cancelled).toBe(true);
  });

  it('ends the loop quietly on abort() and closes the connection', async () => {
    const controller = new AbortController();
    const body = bodyOf(textStreamFrames(['a', 'b', 'c']));
    const stream = new ResponseStream({ body, controller });
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(String(event.type));
      stream.abort();
    }
    expect(seen).toEqual(['response.created']);
    expect(controller.signal.aborted).toBe(true);
    expect(body.cancelled).toBe(true);
    await expect(stream.finalResponse()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('keeps lastSequenceNumber', async () => {
    const stream = streamOf(textStreamFrames(['a', 'b']));
    await collect(stream);
    expect(stream.lastSequenceNumber).toBe(3);
  });

  it('gives only the text through textDeltas()', async () => {
    expect(await collect(streamOf(textStreamFrames(['Hel', 'lo'])).textDeltas())).toEqual([
      'Hel',
      'lo',
    ]);
  });

  it('resolves finalResponse() with the completed response and its output_text, reading the stream itself', async () => {
    const response = await streamOf(textStreamFrames(['Hel', 'lo'])).finalResponse();
    expect(response).toMatchObject({ id: 'resp_1', status: 'completed', output_text: 'Hello' });
  });

  it('gives the response response.completed carries, with output_text, when nobody iterated', async () => {
    const response = await streamOf(textStreamFrames(['Sun', 'rise'])).finalResponse();
    expect(response).toMatchObject({ id: 'resp_1', status: 'completed', output_text: 'Sunrise' });
  });

  it('takes the items of response.output_item.done when response.completed carries an empty output', async () => {
    const item = (text: string, index: number) => ({
      type: 'message',
      id: `msg_${index}`,
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text, annotations: [] }],
    });
    const chunks = [
      frame({ type: 'response.created', response: { id: 'r', status: 'in_progress', output: [] } }),
      frame({ type: 'response.output_item.done', output_index: 1, item: item('rise', 1) }),
      frame({ type: 'response.output_item.done', output_index: 0, item: item('Sun', 0) }),
      frame({ type: 'response.completed', response: { id: 'r', status: 'completed', output: [] } }),
    ];
    const response = await streamOf(chunks).finalResponse();
    expect(response.output).toEqual([item('Sun', 0), item('rise', 1)]);
    expect(response.output_text).toBe('Sunrise');
  });

  it('rebuilds the output from the deltas alone for a sparse server, whose dialect normalizes with sparseEvents', async () => {
    const chunks = [
      frame({ response: { id: 'r', status: 'in_progress', output: [] } }, 'response.created'),
      frame({ delta: 'Sun' }, 'response.output_text.delta'),
      frame({ delta: 'rise' }, 'response.output_text.delta'),
      frame({ response: { id: 'r', status: 'completed', output: [] } }, 'response.completed'),
    ];
    const canonical = await sparseStreamOf(chunks).finalResponse();
    expect(canonical.output).toEqual([]);
    const stream = new ResponseStream({
      body: bodyOf(chunks),
      decoding: { normalize: sparseEvents(), validate: undefined },
    });
    const response = await stream.finalResponse();
    expect(response.output_text).toBe('Sunrise');
    expect(response.output).toHaveLength(1);
  });

  it('yields response.failed, then rejects finalResponse() with StreamError', async () => {
    const failed = {
      type: 'response.failed',
      response: {
        id: 'r',
        status: 'failed',
        output: [],
        error: { code: 'server_error', message: 'boom' },
      },
    };
    const stream = streamOf([frame(failed)]);
    const events = await collect(stream);
    expect(events.map((event) => event.type)).toEqual(['response.failed']);
    await expect(stream.finalResponse()).rejects.toMatchObject({
      name: 'StreamError',
      message: 'boom',
      code: 'server_error',
    });
  });

  it('rejects an event that breaks its schema with ResponseValidationError naming the fields', async () => {
    const chunks = [frame({ delta: 'Hi' }, 'response.output_text.delta')];
    const failure = await collect(streamOf(chunks)).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as ResponseValidationError).issues.map((issue) => issue.path[0])).toContain(
      'output_index',
    );
  });

  it('fails with APITimeoutError when no chunk arrives within the idle timeout', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(textStreamFrames(['a'])[0]));
      },
    });
    const controller = new AbortController();
    controller.signal.addEventListener('abort', () => stalled.cancel().catch(() => {}));
    const stream = new ResponseStream({ body: stalled, controller, idleTimeout: 30 });
    await expect(collect(stream)).rejects.toBeInstanceOf(APITimeoutError);
  });
});

describe('ResponseStream and hostile JSON', () => {
  it.each([
    ['canonical', (event: Record<string, unknown>) => event],
    ['sparse', sparseEvents()],
  ])(
    'cannot be made to pollute Object.prototype through __proto__, constructor or prototype keys (%s)',
    async (_name, normalize) => {
      const hostile = [
        frame({
          type: 'response.created',
          sequence_number: 0,
          response: { id: 'r', status: 'in_progress', output: [], __proto__: { polluted: 1 } },
        }),
        '{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"type":"message","id":"m","role":"assistant","status":"in_progress","content":[],"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}}}',
        '{"type":"response.output_text.delta","sequence_number":2,"item_id":"m","output_index":0,"content_index":0,"delta":"hi","logprobs":[],"__proto__":{"polluted":4}}',
        '{"type":"response.output_item.done","sequence_number":3,"output_index":0,"item":{"type":"message","id":"m","role":"assistant","status":"completed","content":[{"type":"output_text","text":"hi","annotations":[],"__proto__":{"polluted":5}}],"__proto__":{"polluted":6}}}',
        frame({
          type: 'response.completed',
          sequence_number: 4,
          response: { id: 'r', status: 'completed', output: [] },
        }),
      ].map((line) => (line.startsWith('{') ? `data: ${line}\n\n` : line));
      const response = await new ResponseStream({
        body: bodyOf(hostile),
        decoding: { normalize, validate: undefined },
      }).finalResponse();
      expect(response.output_text).toBe('hi');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.getPrototypeOf(response.output[0])).toBe(Object.prototype);
    },
  );
});

describe('ResponseStream events once yielded', () => {
  it('are never changed by the events that follow them', async () => {
    const item = {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'in_progress',
      content: [],
    };
    const part = { type: 'output_text', text: '', annotations: [] };
    const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const chunks = [
      frame({
        type: 'response.created',
        sequence_number: 0,
        response: { id: 'r', status: 'in_progress', output: [] },
      }),
      frame({ type: 'response.output_item.added', sequence_number: 1, output_index: 0, item }),
      frame({ type: 'response.content_part.added', sequence_number: 2, ...at, part }),
      frame({
        type: 'response.output_text.annotation.added',
        sequence_number: 3,
        ...at,
        annotation_index: 0,
        annotation: {
          type: 'url_citation',
          url: 'https://example.com',
          title: 'x',
          start_index: 0,
          end_index: 1,
        },
      }),
      frame({
        type: 'response.output_text.delta',
        sequence_number: 4,
        ...at,
        delta: 'Hi',
        logprobs: [],
      }),
      frame({
        type: 'response.completed',
        sequence_number: 5,
        response: { id: 'r', status: 'completed', output: [] },
      }),
    ];
    const seen: string[] = [];
    const events: unknown[] = [];
    for await (const event of new ResponseStream({ body: bodyOf(chunks) })) {
      seen.push(JSON.stringify(event));
      events.push(event);
    }
    expect(events.map((event) => JSON.stringify(event))).toEqual(seen);
  });
});
