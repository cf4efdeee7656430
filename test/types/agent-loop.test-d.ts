import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type ConversationEvent,
  type DeepPartial,
  hasToolCall,
  type PendingApproval,
  ResponseStream,
  type ResponseStreamEvent,
  ResponsesClient,
  type Step,
  stepCountIs,
  type ToolCallError,
  type TurnSummary,
  tool,
  usageExceeds,
  zodTextFormat,
} from '../../src/index.js';

const client = new ResponsesClient({ apiKey: 'k' });

describe('tool()', () => {
  it('infers execute arguments from the schema outside conversation() (no TS7031)', () => {
    const t = tool({
      parameters: z.object({ c: z.number() }),
      execute: async ({ c }, { signal }) => {
        expectTypeOf(c).toEqualTypeOf<number>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
        return c;
      },
      needsApproval: ({ c }) => c > 1,
      timeout: 1_000,
    });
    const tools = { t };
    client.conversation({ model: 'm', tools });
  });

  it('refuses a needsApproval that reads an argument the schema lacks', () => {
    tool({
      parameters: z.object({ c: z.number() }),
      // @ts-expect-error: `d` is not an argument
      needsApproval: ({ d }) => d > 1,
    });
  });
});

describe('the agent loop', () => {
  it('types its settings, lastTurn, pendingApprovals and the stream events', async () => {
    const chat = client.conversation({
      model: 'm',
      stopWhen: [stepCountIs(3), hasToolCall('x'), usageExceeds({ total_tokens: 10 })],
      prepareStep: ({ stepNumber }) => (stepNumber === 0 ? { tool_choice: 'required' } : undefined),
      onStepEnd: (step) => expectTypeOf(step).toEqualTypeOf<Step>(),
    });
    expectTypeOf(chat.lastTurn).toEqualTypeOf<TurnSummary | undefined>();
    expectTypeOf(chat.pendingApprovals).toEqualTypeOf<readonly PendingApproval[]>();
    await chat.send({ approvals: { call_1: true, call_2: 'no' } });
    for await (const event of chat.stream('x')) {
      expectTypeOf(event).toEqualTypeOf<ConversationEvent>();
      if (event.type === 'tool_call.failed')
        expectTypeOf(event.error).toEqualTypeOf<ToolCallError>();
      if (event.type === 'step.completed') expectTypeOf(event.step).toEqualTypeOf<Step>();
    }
  });

  it('types a turn’s partial output from its text format', async () => {
    const format = zodTextFormat(z.object({ title: z.string() }), 'recipe');
    const chat = client.conversation({ model: 'm' });
    for await (const partial of chat.stream('x', { text: { format } }).partialOutput())
      expectTypeOf(partial).toEqualTypeOf<DeepPartial<{ title: string }>>();
  });
});

describe('a turn relayed to a page', () => {
  it('reads back the loop’s own events typed, when the page names them', async () => {
    const body = new ReadableStream<Uint8Array>();
    for await (const event of ResponseStream.fromReadableStream<ConversationEvent>(body)) {
      expectTypeOf(event).toEqualTypeOf<ConversationEvent>();
      if (event.type === 'tool_call.completed') expectTypeOf(event.output).toEqualTypeOf<string>();
    }
    for await (const event of ResponseStream.fromReadableStream(body))
      expectTypeOf(event).toEqualTypeOf<ResponseStreamEvent>();
  });
});
