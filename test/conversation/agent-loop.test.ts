import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  hasToolCall,
  MaxToolRoundsError,
  type Step,
  stepCountIs,
  tool,
  usageExceeds,
} from '../../src/index.js';
import type { Turn } from '../../src/testing/index.js';
import { setUp } from '../testing/setup.js';

const model = 'fake-model';
const call = (
  name: string,
  args: Record<string, unknown>,
  callId: string,
  usage?: { input_tokens: number; output_tokens: number },
): Turn => ({
  type: 'function_call',
  name,
  arguments: args,
  callId,
  ...(usage ? { usage } : {}),
});

const lookup = tool({
  description: 'Looks a word up',
  parameters: z.object({ word: z.string() }),
  execute: async ({ word }) => `${word}: a definition`,
});
const finalAnswer = tool({
  parameters: z.object({ text: z.string() }),
  execute: ({ text }) => text.toUpperCase(),
});

describe('the agent loop', () => {
  it('records each step of a turn: its response, its calls run, and the usage summed', async () => {
    const { client } = setUp('openai', {
      turns: [
        call('lookup', { word: 'fika' }, 'call_1', { input_tokens: 10, output_tokens: 5 }),
        call('lookup', { word: 'lagom' }, 'call_2', { input_tokens: 20, output_tokens: 6 }),
        { text: 'Fika is a coffee break.', usage: { input_tokens: 30, output_tokens: 7 } },
      ],
    });
    const ended: number[] = [];
    const chat = client.conversation({
      model,
      tools: { lookup },
      onStepEnd: (step) => ended.push(step.stepNumber),
    });

    const answer = await chat.send('What is fika?');

    const turn = chat.lastTurn;
    expect(turn?.response).toBe(answer);
    expect(turn?.steps.map((step) => step.stepNumber)).toEqual([0, 1, 2]);
    expect(turn?.steps.map((step) => step.toolCalls.map((c) => c.output))).toEqual([
      ['fika: a definition'],
      ['lagom: a definition'],
      [],
    ]);
    expect(turn?.steps[0]?.toolCalls[0]).toMatchObject({
      name: 'lookup',
      call_id: 'call_1',
      arguments: '{"word":"fika"}',
      duration_ms: expect.any(Number),
    });
    expect(turn?.usage).toMatchObject({ input_tokens: 60, output_tokens: 18, total_tokens: 78 });
    expect(ended).toEqual([0, 1, 2]);
  });

  it('stops after the step whose calls ran when a stop condition holds, the outputs kept for the next turn', async () => {
    const { client, server } = setUp('openai', {
      turns: [
        call('lookup', { word: 'fika' }, 'call_1'),
        call('final_answer', { text: 'done' }, 'call_2'),
        'Anything else?',
      ],
    });
    const chat = client.conversation({
      model,
      tools: { lookup, final_answer: finalAnswer },
      stopWhen: hasToolCall('final_answer'),
    });

    const answer = await chat.send('Go');
    expect(answer.output[0]).toMatchObject({ type: 'function_call', name: 'final_answer' });
    expect(chat.lastTurn?.steps).toHaveLength(2);
    expect(chat.items.at(-1)).toEqual({
      type: 'function_call_output',
      call_id: 'call_2',
      output: 'DONE',
    });

    // The next turn sends the output the server has not seen first: the server accepts it.
    expect((await chat.send('Thanks')).output_text).toBe('Anything else?');
    expect(server.requests[2]?.body?.input).toEqual([
      { type: 'function_call_output', call_id: 'call_2', output: 'DONE' },
      { type: 'message', role: 'user', content: 'Thanks' },
    ]);
    expect(chat.toJSON().unsent).toBeUndefined();
  });

  it('stops on stepCountIs, usageExceeds or any function of the steps', async () => {
    const turns = (): Turn[] => [
      call('lookup', { word: 'a' }, 'call_a', { input_tokens: 400, output_tokens: 100 }),
      call('lookup', { word: 'b' }, 'call_b', { input_tokens: 400, output_tokens: 100 }),
      call('lookup', { word: 'c' }, 'call_c', { input_tokens: 400, output_tokens: 100 }),
    ];
    const stepsTaken = async (stopWhen: Parameters<typeof client.conversation>[0]['stopWhen']) => {
      const { client } = setUp('openai', { turns: turns() });
      const chat = client.conversation({ model, tools: { lookup }, stopWhen });
      await chat.send('Go');
      return chat.lastTurn?.steps.length;
    };
    const { client } = setUp('openai');
    expect(await stepsTaken(stepCountIs(2))).toBe(2);
    expect(await stepsTaken(usageExceeds({ total_tokens: 900 }))).toBe(2);
    expect(await stepsTaken(usageExceeds({ output_tokens: 50 }))).toBe(1);
    expect(await stepsTaken([stepCountIs(5), ({ steps }) => steps.length === 3])).toBe(3);
    expect(
      await stepsTaken(async ({ steps }) => steps.at(-1)?.toolCalls[0]?.call_id === 'call_a'),
    ).toBe(1);
  });

  it('keeps maxToolRounds the hard bound whatever stopWhen says', async () => {
    const { client } = setUp('openai', {
      turns: [call('lookup', { word: 'a' }, 'call_a'), call('lookup', { word: 'b' }, 'call_b')],
    });
    const chat = client.conversation({
      model,
      maxToolRounds: 1,
      tools: { lookup },
      stopWhen: stepCountIs(10),
    });
    await expect(chat.send('Go')).rejects.toBeInstanceOf(MaxToolRoundsError);
    expect(chat.items).toEqual([]);
  });

  it('lays prepareStep params over the turn for that step only', async () => {
    const { client, server } = setUp('openai', {
      turns: [call('lookup', { word: 'a' }, 'call_a'), 'Done.'],
    });
    const seen: number[][] = [];
    const chat = client.conversation({
      model,
      instructions: 'Be brief.',
      tools: { lookup },
      prepareStep: ({ stepNumber, steps }) => {
        seen.push([stepNumber, steps.length]);
        return stepNumber === 0
          ? { tool_choice: 'required', instructions: 'Use a tool.' }
          : undefined;
      },
    });
    await chat.send('Go');
    expect(seen).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(server.requests[0]?.body).toMatchObject({
      tool_choice: 'required',
      instructions: 'Use a tool.',
    });
    expect(server.requests[1]?.body).toMatchObject({ instructions: 'Be brief.' });
    expect(server.requests[1]?.body).not.toHaveProperty('tool_choice');
    // The conversation's own params are untouched, and none of the loop's functions is saved.
    expect(chat.toJSON().params).toEqual({ model, instructions: 'Be brief.' });
  });

  it('yields tool_call and step events between the wire events of a streamed turn', async () => {
    const { client } = setUp('openai', {
      turns: [
        {
          type: 'function_call',
          calls: [
            { name: 'lookup', arguments: { word: 'fika' }, callId: 'call_1' },
            { name: 'lookup', arguments: { word: 42 }, callId: 'call_2' },
          ],
        },
        'Fika is a coffee break.',
      ],
    });
    const chat = client.conversation({ model, tools: { lookup } });
    const seen: string[] = [];
    const steps: Step[] = [];
    for await (const event of chat.stream('What is fika?')) {
      if (event.type === 'tool_call.started') seen.push(`started ${event.call_id} @${event.step}`);
      if (event.type === 'tool_call.completed')
        seen.push(`completed ${event.call_id} ${event.output}`);
      if (event.type === 'tool_call.failed')
        seen.push(`failed ${event.call_id} ${event.error.reason}: ${event.output}`);
      if (event.type === 'step.completed') {
        seen.push(`step ${event.step.stepNumber}`);
        steps.push(event.step);
      }
      if (event.type === 'response.completed') seen.push('response.completed');
    }
    expect(seen).toEqual([
      'response.completed',
      'started call_1 @0',
      'started call_2 @0',
      'failed call_2 invalid_arguments: Invalid arguments for lookup: word: expected a string, got 42',
      'completed call_1 fika: a definition',
      'step 0',
      'response.completed',
      'step 1',
    ]);
    expect(steps).toEqual(chat.lastTurn?.steps);
    expect(steps[0]?.toolCalls[1]?.error?.reason).toBe('invalid_arguments');
  });
});

describe('a tool timeout', () => {
  it('fails a call that runs past it as a throw would, its signal aborted', async () => {
    const { client, server } = setUp('openai', {
      turns: [call('slow', {}, 'call_1'), 'It took too long.'],
    });
    let aborted: boolean | undefined;
    const slow = tool({
      parameters: z.object({}),
      timeout: 20,
      execute: (_args, { signal }) =>
        new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve('late'), 5_000);
          signal.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            resolve('stopped');
          });
        }),
    });
    const chat = client.conversation({ model, tools: { slow } });
    await chat.send('Go');
    expect(aborted).toBe(true);
    expect(server.requests[1]?.body?.input).toEqual([
      { type: 'function_call_output', call_id: 'call_1', output: 'slow timed out after 20 ms' },
    ]);
    expect(chat.lastTurn?.steps[0]?.toolCalls[0]?.error?.reason).toBe('timed_out');
  });

  it('is refused before anything is sent when it is not a positive number', async () => {
    const { client, server } = setUp('openai', { turns: ['Hi'] });
    const chat = client.conversation({
      model,
      tools: { bad: tool({ parameters: z.object({}), execute: () => 1, timeout: -5 }) },
    });
    await expect(chat.send('Go')).rejects.toThrow(/tools\.bad\.timeout/);
    expect(server.requests).toHaveLength(0);
  });
});
