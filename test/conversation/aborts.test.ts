/**
 * Aborting a conversation's streamed turn ends it promptly, whatever it is doing (waiting for
 * headers, streaming, running tools, between rounds) and however it is aborted (a signal given
 * with the turn's params or its options, or the stream's own `abort()`): the loop ends with
 * `APIUserAbortError` (quietly, after `abort()`), the connection is closed, the conversation is
 * as it was before the turn, and the next turn works. On a real server on 127.0.0.1 that keeps
 * its connections open.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { APIUserAbortError, ResponsesClient } from '../../src/index.js';
import {
  caught,
  completedResponse,
  drain,
  frame,
  openEventStream,
  sendJSON,
  textEvents,
  useFaultServer,
} from '../fault/fault-server.js';

const server = useFaultServer();

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
type Json = Record<string, unknown>;

/** The events of a response that calls `get_time` with no arguments. */
function callEvents(id: string): Json[] {
  const item = {
    type: 'function_call',
    id: `fc_${id}`,
    call_id: `call_${id}`,
    name: 'get_time',
    arguments: '{}',
    status: 'completed',
  };
  const done = { ...completedResponse(id, ''), output: [item] };
  return [
    { type: 'response.created', response: { ...done, status: 'in_progress', output: [] } },
    { type: 'response.output_item.added', output_index: 0, item: { ...item, arguments: '' } },
    {
      type: 'response.function_call_arguments.delta',
      item_id: item.id,
      output_index: 0,
      delta: '{}',
    },
    { type: 'response.output_item.done', output_index: 0, item },
    { type: 'response.completed', response: done },
  ].map((event, sequence_number) => ({ ...event, sequence_number }));
}

/**
 * The server: the first turn is answered whole (unary); then each streamed request is answered
 * as `script` says, by its index among the streamed ones, and held open.
 */
function serve(script: (streamed: number) => Json[] | 'hold') {
  let streamed = 0;
  server.handle((request, res) => {
    const body = JSON.parse(request.body) as { stream?: boolean };
    if (!body.stream)
      return sendJSON(res, 200, completedResponse(`resp_unary_${server.requests.length}`, 'ok'));
    const events = script(streamed++);
    if (events === 'hold') return; // no headers, ever
    openEventStream(res);
    res.write(events.map(frame).join(''));
  });
}

/** A conversation with one complete turn behind it, and the state to compare with later. */
async function started(tools = {}) {
  const chat = client().conversation({ model: 'm', tools });
  await chat.send('one');
  return { chat, before: { items: chat.items, previous: chat.previousResponseId } };
}

/** The conversation is as it was, and its next turn works (it carries on from the last complete one). */
async function expectUnchangedAndWorking(
  chat: Awaited<ReturnType<typeof started>>['chat'],
  before: Awaited<ReturnType<typeof started>>['before'],
) {
  expect(chat.items).toEqual(before.items);
  expect(chat.previousResponseId).toBe(before.previous);
  const answer = await chat.send('three');
  expect(answer.output_text).toBe('ok');
  expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toMatchObject({
    previous_response_id: before.previous,
  });
}

/** Holds a stream open after its first delta (more deltas would come, but the server stalls). */
const heldAfterFirstDelta = () => textEvents('resp_held', ['a', 'b', 'c']).slice(0, 4);

describe('an abort in the middle of a streamed turn', () => {
  it("ends `chat.stream('two', { signal })` with APIUserAbortError, the connection closed", async () => {
    serve(heldAfterFirstDelta);
    const { chat, before } = await started();
    const controller = new AbortController();
    const error = await caught(async () => {
      for await (const event of chat.stream('two', { signal: controller.signal }))
        if (event.type === 'response.output_text.delta') controller.abort();
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    await server.closed(1);
    expect(JSON.parse(server.requests[1]?.body ?? '{}')).not.toHaveProperty('signal');
    await expectUnchangedAndWorking(chat, before);
  });

  it("ends `chat.stream('two', {}, { signal })` the same way", async () => {
    serve(heldAfterFirstDelta);
    const { chat, before } = await started();
    const controller = new AbortController();
    const error = await caught(async () => {
      for await (const event of chat.stream('two', {}, { signal: controller.signal }))
        if (event.type === 'response.output_text.delta') controller.abort();
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    await server.closed(1);
    await expectUnchangedAndWorking(chat, before);
  });

  it('ends the loop quietly at stream.abort(), and finalResponse() rejects with APIUserAbortError', async () => {
    serve(heldAfterFirstDelta);
    const { chat, before } = await started();
    const stream = chat.stream('two');
    const { error } = await drain(
      (async function* () {
        for await (const event of stream) {
          if (event.type === 'response.output_text.delta') stream.abort();
          yield event;
        }
      })(),
    );
    expect(error).toBeUndefined();
    expect(await caught(() => stream.finalResponse())).toBeInstanceOf(APIUserAbortError);
    await server.closed(1);
    await expectUnchangedAndWorking(chat, before);
  });
});

describe('an abort at the other phases of a turn', () => {
  it('while it waits for the response headers', async () => {
    serve(() => 'hold');
    const { chat, before } = await started();
    const controller = new AbortController();
    const turn = caught(() =>
      drain(chat.stream('two', { signal: controller.signal })).then((r) => {
        if (r.error) throw r.error;
      }),
    );
    await server.received(2);
    controller.abort();
    expect(await turn).toBeInstanceOf(APIUserAbortError);
    await server.closed(1);
    await expectUnchangedAndWorking(chat, before);
  });

  it('while its tools run: they are given the aborted signal, nothing more is sent', async () => {
    serve((index) => (index === 0 ? callEvents('resp_call') : textEvents('resp_after', ['x'])));
    let running: () => void = () => {};
    const toolStarted = new Promise<void>((resolve) => {
      running = resolve;
    });
    let toldReason: unknown;
    const { chat, before } = await started({
      get_time: {
        parameters: z.object({}),
        execute: (_args: unknown, { signal }: { signal: AbortSignal }) =>
          new Promise((_resolve, reject) => {
            running();
            signal.addEventListener('abort', () => {
              toldReason = signal.reason;
              reject(new Error('stopped'));
            });
          }),
      },
    });
    const controller = new AbortController();
    const turn = drain(chat.stream('two', { signal: controller.signal }));
    await toolStarted;
    controller.abort();
    expect((await turn).error).toBeInstanceOf(APIUserAbortError);
    expect(toldReason).toBeDefined();
    expect(server.requests).toHaveLength(2);
    await expectUnchangedAndWorking(chat, before);
  });

  it('between rounds (at the end of a round that called a tool): no tool runs, nothing more is sent', async () => {
    serve((index) => (index === 0 ? callEvents('resp_call') : textEvents('resp_after', ['x'])));
    let ran = 0;
    const { chat, before } = await started({
      get_time: { parameters: z.object({}), execute: () => (ran += 1) },
    });
    const controller = new AbortController();
    const error = await caught(async () => {
      for await (const event of chat.stream('two', {}, { signal: controller.signal }))
        if (event.type === 'response.completed') controller.abort();
    });
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ran).toBe(0);
    expect(server.requests).toHaveLength(2);
    await expectUnchangedAndWorking(chat, before);
  });
});
