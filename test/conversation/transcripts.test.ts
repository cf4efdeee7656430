import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type AnyResponsesClient,
  APIUserAbortError,
  MaxToolRoundsError,
  ResponsesClient,
  stepCountIs,
  ToolCallError,
  tool,
} from '../../src/index.js';
import { createFakeServer, type FakeServer, type Turn } from '../../src/testing/index.js';

const model = 'fake-model';
type AnyServer = FakeServer<unknown>;

/** The three strategies, each on the fake server of a dialect that uses it. */
const strategies = [
  { strategy: 'previous_response_id', dialect: 'openai', options: {} },
  { strategy: 'conversation', dialect: 'gateway', options: { conversation: 'conv_agent' } },
  { strategy: 'replay', dialect: 'openrouter', options: {} },
  { strategy: 'replay', dialect: 'openai', options: { store: false } },
] as const;

function setUp(dialect: 'openai' | 'gateway' | 'openrouter', turns: Turn[]) {
  const server = createFakeServer({ dialect, turns } as never) as AnyServer;
  const client = new ResponsesClient({
    dialect,
    apiKey: 'sk-test',
    baseURL: server.baseURL,
    fetch: server.fetch,
    maxRetries: 0,
  }) as AnyResponsesClient;
  return { server, client };
}

const lookup = tool({
  parameters: z.object({ word: z.string() }),
  execute: ({ word }) => `${word}: found`,
});
const remove = tool({
  parameters: z.object({ path: z.string() }),
  needsApproval: true,
  execute: ({ path }) => `deleted ${path}`,
});
const lookupThenRemove: Turn = {
  type: 'function_call',
  calls: [
    { name: 'lookup', arguments: { word: 'tmp' }, callId: 'call_look' },
    { name: 'remove', arguments: { path: '/tmp/a' }, callId: 'call_rm_a' },
    { name: 'remove', arguments: { path: '/tmp/b' }, callId: 'call_rm_b' },
  ],
};

/** Every call in the items has its output after it. */
function complete(items: readonly unknown[]): boolean {
  const open = new Set<unknown>();
  for (const item of items as { type?: string; call_id?: string }[]) {
    if (item.type === 'function_call') open.add(item.call_id);
    if (item.type === 'function_call_output') open.delete(item.call_id);
  }
  return open.size === 0;
}

describe.each(strategies)(
  'every stop leaves a transcript the server accepts ($dialect, $strategy)',
  ({ strategy, dialect, options }) => {
    const conversation = (client: AnyResponsesClient, extra: object = {}) => {
      const chat = client.conversation({ model, tools: { lookup, remove }, ...options, ...extra });
      expect(chat.strategy).toBe(strategy);
      return chat;
    };

    it('after a stop condition', async () => {
      const { client } = setUp(dialect, [
        { type: 'function_call', name: 'lookup', arguments: { word: 'a' }, callId: 'call_1' },
        'Next answer.',
      ]);
      const chat = conversation(client, { stopWhen: stepCountIs(1) });
      await chat.send('Look it up');
      expect((await chat.send('And then?')).output_text).toBe('Next answer.');
      expect(complete(chat.items)).toBe(true);
    });

    it('after approvals are asked, saved, resumed, and answered (one approved, one refused)', async () => {
      const { client, server } = setUp(dialect, [lookupThenRemove, 'Deleted a, kept b.']);
      const chat = conversation(client);
      await chat.send('Clean up /tmp');
      expect(chat.pendingApprovals).toEqual([
        { call_id: 'call_rm_a', name: 'remove', arguments: '{"path":"/tmp/a"}' },
        { call_id: 'call_rm_b', name: 'remove', arguments: '{"path":"/tmp/b"}' },
      ]);
      // The call that needs no approval ran; the others did not.
      expect(chat.lastTurn?.steps[0]?.toolCalls.map((call) => call.call_id)).toEqual(['call_look']);

      const saved = JSON.parse(JSON.stringify(chat));
      const resumed = client.conversation({ resume: saved, tools: { lookup, remove } });
      expect(resumed.pendingApprovals).toHaveLength(2);
      const answer = await resumed.send({
        approvals: { call_rm_a: true, call_rm_b: 'The user said no' },
      });

      expect(answer.output_text).toBe('Deleted a, kept b.');
      expect(resumed.pendingApprovals).toEqual([]);
      expect(complete(resumed.items)).toBe(true);
      const body = server.requests[1]?.body as { input: { type?: string; output?: string }[] };
      const sent = body.input;
      expect(
        sent.filter((item) => item.type === 'function_call_output').map((o) => o.output),
      ).toEqual(['tmp: found', 'deleted /tmp/a', 'The user said no']);
      expect(resumed.lastTurn?.approvals.map((call) => [call.call_id, call.approved])).toEqual([
        ['call_rm_a', true],
        ['call_rm_b', false],
      ]);
    });

    it('after approvals the next turn leaves unanswered (it refuses them)', async () => {
      const { client } = setUp(dialect, [lookupThenRemove, 'Fine, nothing deleted.']);
      const chat = conversation(client);
      await chat.send('Clean up /tmp');
      expect((await chat.stream('Never mind').finalResponse()).output_text).toBe(
        'Fine, nothing deleted.',
      );
      expect(complete(chat.items)).toBe(true);
      expect(chat.lastTurn?.approvals.every((call) => !call.approved)).toBe(true);
    });

    it('after an abort while tools run', async () => {
      const { client } = setUp(dialect, [
        'Hello.',
        { type: 'function_call', name: 'slow', arguments: {}, callId: 'call_slow' },
        'Still here.',
      ]);
      let started: () => void = () => {};
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      const slow = tool({
        parameters: z.object({}),
        execute: (_args, { signal }) =>
          new Promise((_, reject) => {
            started();
            signal.addEventListener('abort', () => reject(new Error('stopped')));
          }),
      });
      const chat = client.conversation({ model, tools: { slow }, ...options });
      await chat.send('Hi');
      const controller = new AbortController();
      const turn = chat.send('Do the slow thing', {}, { signal: controller.signal });
      await running;
      controller.abort();
      await expect(turn).rejects.toBeInstanceOf(APIUserAbortError);
      expect(complete(chat.items)).toBe(true);
      expect((await chat.send('Are you there?')).output_text).toBe('Still here.');
    });

    it('after maxToolRounds and after a tool error that ends the turn', async () => {
      const { client } = setUp(dialect, [
        { type: 'function_call', name: 'lookup', arguments: { word: 'a' }, callId: 'call_a' },
        { type: 'function_call', name: 'lookup', arguments: { word: 'b' }, callId: 'call_b' },
        { type: 'function_call', name: 'lookup', arguments: { word: 7 }, callId: 'call_c' },
        'Back to normal.',
      ]);
      const chat = conversation(client, { maxToolRounds: 1, toolErrors: 'throw' });
      await expect(chat.send('Loop')).rejects.toBeInstanceOf(MaxToolRoundsError);
      await expect(chat.send('Bad arguments')).rejects.toBeInstanceOf(ToolCallError);
      expect(complete(chat.items)).toBe(true);
      expect((await chat.send('Hello?')).output_text).toBe('Back to normal.');
    });
  },
);

describe('approvals', () => {
  it('ask with a function of the arguments, and refuse answers to calls that do not wait', async () => {
    const { client, server } = setUp('openai', [
      {
        type: 'function_call',
        calls: [
          { name: 'pay', arguments: { amount: 5 }, callId: 'call_small' },
          { name: 'pay', arguments: { amount: 500 }, callId: 'call_big' },
        ],
      },
      'Paid.',
    ]);
    const pay = tool({
      parameters: z.object({ amount: z.number() }),
      needsApproval: ({ amount }) => amount > 100,
      execute: ({ amount }) => `paid ${amount}`,
    });
    const chat = client.conversation({ model, tools: { pay } });
    await chat.send('Pay both');
    expect(chat.pendingApprovals.map((call) => call.call_id)).toEqual(['call_big']);
    await expect(chat.send({ approvals: { call_small: true } })).rejects.toThrow(
      /approvals\.call_small.*waiting: call_big/,
    );
    expect(server.requests).toHaveLength(1);
    const stream = chat.stream({ approvals: { call_big: true } });
    const events: string[] = [];
    for await (const event of stream)
      if (event.type.startsWith('tool_call.'))
        events.push(`${event.type} ${'call_id' in event ? event.call_id : ''}`);
    expect(events).toEqual(['tool_call.started call_big', 'tool_call.completed call_big']);
    expect((await stream.finalResponse()).output_text).toBe('Paid.');
  });
});
